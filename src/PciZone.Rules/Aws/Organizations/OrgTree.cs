using PciZone.Estate;

namespace PciZone.Rules.Aws.Organizations;

/// <summary>An SCP that reaches a node, and where it is attached (the node itself, an OU above it, or the root).</summary>
internal sealed record ReachingScp(OrganizationPolicy Policy, string AttachedTo, Provenance Source);

/// <summary>The SCPs that apply to a node, and whether the walk up to the root was complete.</summary>
/// <param name="Scps">SCPs attached to the node, to an OU above it, or to the root.</param>
/// <param name="Gap">Why an SCP may be missing from the list (a parent or attachment target unknown), or null.</param>
internal sealed record EffectiveScps(IReadOnlyList<ReachingScp> Scps, string? Gap);

/// <summary>
/// The organisation tree as the estate shows it: OU and account parents, SCP attachments by target,
/// and which OUs and accounts hold the cardholder data environment. Built once per estate.
/// </summary>
internal static class OrgTree
{
    /// <summary>The tag that marks an OU or account as CDE (<c>true</c>) or not (<c>false</c>).</summary>
    public const string CdeTag = CdeTags.Cde;

    /// <summary>AWS attaches FullAWSAccess to every target, and it counts toward the 5 SCPs a target may hold.</summary>
    public const int MaxScpsPerTarget = 5;

    /// <summary>AWS's limit on the characters of an SCP document.</summary>
    public const int MaxScpCharacters = 5120;

    private const string RootKey = "(root)";

    /// <summary>CDE OUs and CDE accounts, in estate order.</summary>
    public static IReadOnlyList<Resource> CdeNodes(AwsEstate estate) => Index(estate).CdeNodes;

    /// <summary>Why a node is CDE, or null.</summary>
    public static string? CdeReason(AwsEstate estate, Resource node) => Index(estate).CdeReasons.GetValueOrDefault(node);

    /// <summary>The OU (or root) an account or OU sits in; null for the root or when unknown.</summary>
    public static Resource? ParentOf(AwsEstate estate, Resource node, out string? gap)
    {
        gap = null;
        var parent = node switch
        {
            OrganizationalUnit ou => ou.Parent,
            OrganizationAccount a => a.Parent,
            _ => Value.Of<ResourceRef?>(null, Provenance.None),
        };
        if (parent.IsUnknown)
        {
            gap = $"the parent of {node.Address} is {parent.UnknownReason}";
            return null;
        }

        if (parent.Get() is not { } reference || IsRootLiteral(reference))
        {
            return null;
        }

        if (reference.Address is not null && estate.Find(reference.Address) is { } found and (OrganizationalUnit or Organization))
        {
            return found is Organization ? null : found;
        }

        gap = $"the parent of {node.Address} ({reference}) is not an OU in the scanned input";
        return null;
    }

    /// <summary>SCPs attached to a node or anywhere above it.</summary>
    public static EffectiveScps Effective(AwsEstate estate, Resource node)
    {
        var index = Index(estate);
        var reaching = new List<ReachingScp>();
        string? gap = null;
        var seen = new HashSet<Resource>(ReferenceEqualityComparer.Instance);
        for (Resource? n = node; n is not null && seen.Add(n);)
        {
            reaching.AddRange(index.ByTarget.GetValueOrDefault(n.Address) ?? []);
            n = ParentOf(estate, n, out var parentGap);
            gap ??= parentGap;
        }

        // The root is above every node, whether or not the walk got there.
        reaching.AddRange(index.ByTarget.GetValueOrDefault(RootKey) ?? []);
        if (index.UnknownTargets.Count > 0)
        {
            gap ??= $"{index.UnknownTargets[0].Policy.Address} is attached to a target unknown until apply";
        }

        return new EffectiveScps(reaching, gap);
    }

    /// <summary>SCPs attached directly to a node (the organisation resource stands for its root).</summary>
    public static IReadOnlyList<ReachingScp> AttachedTo(AwsEstate estate, Resource node) =>
        Index(estate).ByTarget.GetValueOrDefault(node is Organization ? RootKey : node.Address) ?? [];

    /// <summary>SCP attachments whose target is unknown until apply.</summary>
    public static IReadOnlyList<ReachingScp> UnknownTargets(AwsEstate estate) => Index(estate).UnknownTargets;

    /// <summary>
    /// The first statement of a reaching SCP that passes <paramref name="test"/>, with a policy whose
    /// document is unknown when none does.
    /// </summary>
    public static (ReachingScp? Match, ReachingScp? Unreadable) Find(EffectiveScps scps, Func<PolicyStatement, bool> test)
    {
        ReachingScp? unreadable = null;
        foreach (var s in scps.Scps)
        {
            if (s.Policy.Document.IsUnknown)
            {
                unreadable ??= s;
            }
            else if (s.Policy.Document.Get() is { } doc && doc.Statements.Any(test))
            {
                return (s, null);
            }
        }

        return (null, unreadable);
    }

    /// <summary>True when every condition of a statement narrows only who is affected (an exemption for named principals).</summary>
    public static bool OnlyPrincipalConditions(PolicyStatement s, params string[] alsoAllowed) =>
        s.Conditions.All(c => c.Key.StartsWith("aws:Principal", StringComparison.OrdinalIgnoreCase) ||
                              alsoAllowed.Contains(c.Key, StringComparer.OrdinalIgnoreCase));

    /// <summary>True when an OU is declared CDE by its tag or name (not by the accounts in it).</summary>
    public static bool DeclaredCde(OrganizationalUnit ou) => Tagged(ou) ?? NamedCde(ou.Name.GetOrDefault());

    /// <summary>The value of the CDE tag of a resource: true, false, or null when untagged.</summary>
    public static bool? Tagged(Resource r) => CdeTags.Tagged(r);

    private static bool IsRootLiteral(ResourceRef reference) =>
        reference.Address is null && reference.Literal is { } l && l.StartsWith("r-", StringComparison.Ordinal);

    private static TreeIndex Index(AwsEstate estate) => estate.Memo("org-tree", Build);

    private static TreeIndex Build(AwsEstate estate)
    {
        var byTarget = new Dictionary<string, List<ReachingScp>>(StringComparer.Ordinal);
        var unknown = new List<ReachingScp>();
        foreach (var policy in estate.OfType<OrganizationPolicy>().Where(p => p.IsScp))
        {
            foreach (var target in policy.Targets)
            {
                if (target.IsUnknown)
                {
                    unknown.Add(new ReachingScp(policy, "a target unknown until apply", target.Source));
                    continue;
                }

                if (target.Get() is not { } t)
                {
                    continue;
                }

                var found = t.Address is not null ? estate.Find(t.Address) : null;
                var key = found is Organization || IsRootLiteral(t) ? RootKey : found?.Address ?? t.Literal ?? t.Address!;
                var label = key == RootKey ? "the root" : key;
                if (!byTarget.TryGetValue(key, out var list))
                {
                    byTarget[key] = list = [];
                }

                list.Add(new ReachingScp(policy, label, target.Source));
            }
        }

        var reasons = new Dictionary<Resource, string>(ReferenceEqualityComparer.Instance);
        foreach (var account in estate.OfType<OrganizationAccount>())
        {
            if (Tagged(account) == true)
            {
                reasons[account] = $"it is tagged {CdeTag}=true";
            }
        }

        foreach (var ou in estate.OfType<OrganizationalUnit>())
        {
            if (Tagged(ou) is { } tag)
            {
                if (tag)
                {
                    reasons[ou] = $"it is tagged {CdeTag}=true";
                }
            }
            else if (NamedCde(ou.Name.GetOrDefault()))
            {
                reasons[ou] = $"its name '{ou.Name.Get()}' says CDE";
            }
        }

        // An OU that directly holds a CDE account holds the CDE.
        foreach (var account in estate.OfType<OrganizationAccount>().Where(a => Tagged(a) == true))
        {
            if (ParentOf(estate, account, out _) is OrganizationalUnit ou && Tagged(ou) != false && !reasons.ContainsKey(ou))
            {
                reasons[ou] = $"it holds CDE account {account.Address}";
            }
        }

        var nodes = estate.Resources.Where(r => r is OrganizationalUnit or OrganizationAccount && reasons.ContainsKey(r)).ToList();
        return new TreeIndex(byTarget, unknown, reasons, nodes);
    }

    // "CDE", "Workloads-CDE", "pci" count; "Non-CDE" and "non_pci" do not.
    private static bool NamedCde(string? name)
    {
        if (name is null)
        {
            return false;
        }

        var words = name.Split([' ', '-', '_', '/', '.'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToUpperInvariant()).ToList();
        return !words.Contains("NON") && (words.Contains("CDE") || words.Contains("PCI"));
    }

    private sealed record TreeIndex(
        Dictionary<string, List<ReachingScp>> ByTarget,
        List<ReachingScp> UnknownTargets,
        Dictionary<Resource, string> CdeReasons,
        List<Resource> CdeNodes);
}
