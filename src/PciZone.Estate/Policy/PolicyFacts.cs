namespace PciZone.Estate;

/// <summary>A policy that a resource holds: its own document, an inline policy, or an attached managed policy.</summary>
/// <param name="Label">How to name it in a message (<c>inline policy 'admin'</c>).</param>
/// <param name="Document">The document; Unknown when the content or the link is not known until apply.</param>
/// <param name="Source">Where the resource gets it (the attachment or the inline policy).</param>
public sealed record HeldPolicy(string Label, Value<PolicyDocument?> Document, Provenance Source);

/// <summary>Held policies with a statement that matched a test, and held policies whose content is unknown.</summary>
public sealed record PolicyMatches(IReadOnlyList<HeldPolicy> Matching, IReadOnlyList<HeldPolicy> Unknown);

/// <summary>Facts about IAM policy statements and about the policies an IAM principal holds.</summary>
public static class PolicyFacts
{
    // Documents of AWS managed policies whose meaning is stable and well known. Only the statements
    // that the facts below ask about are kept: IAMFullAccess also allows a few read actions.
    private static readonly Dictionary<string, PolicyDocument> AwsManaged = new(StringComparer.Ordinal)
    {
        ["policy/AdministratorAccess"] = AllowOnAll("*"),
        ["policy/IAMFullAccess"] = AllowOnAll("iam:*"),
    };

    /// <summary>True for an Allow of every action ("*" or "*:*") on every resource.</summary>
    public static bool GrantsFullAdmin(PolicyStatement statement) =>
        statement.Effect == PolicyEffect.Allow &&
        statement.Actions.Any(a => a is "*" or "*:*") &&
        statement.Resources.Any(r => r == "*");

    /// <summary>True for an Allow of <c>iam:PassRole</c> (by any pattern) on every role.</summary>
    public static bool AllowsPassingAnyRole(PolicyStatement statement) =>
        statement.Effect == PolicyEffect.Allow &&
        statement.MatchesAction("iam:PassRole") &&
        statement.Resources.Any(CoversEveryRole);

    /// <summary>The document of a well-known AWS managed policy by ARN (any partition), else null.</summary>
    public static PolicyDocument? AwsManagedDocument(string arn) =>
        AwsManagedKey(arn) is { } key ? AwsManaged.GetValueOrDefault(key) : null;

    /// <summary>True when the ARN names an AWS managed policy (<c>arn:aws:iam::aws:policy/...</c>).</summary>
    public static bool IsAwsManagedArn(string arn) => AwsManagedKey(arn) is not null;

    /// <summary>Sorts held policies into those with a statement that matches and those that cannot be read.</summary>
    public static PolicyMatches Match(IEnumerable<HeldPolicy> held, Func<PolicyStatement, bool> test)
    {
        var matching = new List<HeldPolicy>();
        var unknown = new List<HeldPolicy>();
        foreach (var h in held)
        {
            if (h.Document.IsUnknown)
            {
                unknown.Add(h);
            }
            else if (h.Document.Get() is { } doc && doc.Statements.Any(test))
            {
                matching.Add(h);
            }
        }

        return new PolicyMatches(matching, unknown);
    }

    /// <summary>IAM resources that hold policies, in estate order: managed policies, roles, users and groups.</summary>
    public static IEnumerable<Resource> PolicyHolders(AwsEstate estate) =>
        estate.Memo("iam-policy-holders", e => e.Resources.Where(r => r is IamPolicy or IamRole or IamUser or IamGroup).ToArray());

    /// <summary>
    /// The policies a resource holds: a managed policy holds its own document; a role, user or group
    /// holds its inline policies, the managed policies attached to it that the estate (or the list of
    /// well-known AWS managed policies) can show, and managed policies that name it as a target.
    /// Attachments of policies that are outside the scanned input are left out: they are judged where
    /// they are declared.
    /// </summary>
    public static IReadOnlyList<HeldPolicy> HeldBy(AwsEstate estate, Resource resource)
    {
        // Several rules judge the same holders: their policies are gathered once per estate.
        var cache = estate.Memo("iam-held-policies", static _ => new Dictionary<Resource, IReadOnlyList<HeldPolicy>>(ReferenceEqualityComparer.Instance));
        if (!cache.TryGetValue(resource, out var held))
        {
            cache[resource] = held = Gather(estate, resource);
        }

        return held;
    }

    private static IReadOnlyList<HeldPolicy> Gather(AwsEstate estate, Resource resource) => resource switch
    {
        IamPolicy p => [new HeldPolicy("its policy document", p.Document, p.Document.Source)],
        IamRole r => Principal(estate, r, r.Name, r.InlinePolicies, r.AttachedPolicies),
        IamUser u => Principal(estate, u, u.Name, u.InlinePolicies, u.AttachedPolicies),
        IamGroup g => Principal(estate, g, g.Name, g.InlinePolicies, g.AttachedPolicies),
        _ => [],
    };

    /// <summary>Managed policies in the estate that name the principal in their own attachment lists, in estate order.</summary>
    public static IEnumerable<IamPolicy> PoliciesNaming(AwsEstate estate, Resource principal, Value<string?> principalName) =>
        estate.Memo("iam-policies-by-principal", PolicyTargetIndex.Build).Naming(principal, principalName);

    private static List<HeldPolicy> Principal(
        AwsEstate estate,
        Resource principal,
        Value<string?> name,
        IReadOnlyList<InlinePolicy> inline,
        IReadOnlyList<Value<ResourceRef?>> attached)
    {
        var held = inline.Select(i => new HeldPolicy($"inline policy '{i.Name}'", i.Document, i.Source)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in attached)
        {
            if (Attached(estate, a) is { } h && (h.Policy is null || seen.Add(h.Policy.Address)))
            {
                held.Add(h.Held);
            }
        }

        foreach (var p in PoliciesNaming(estate, principal, name).Where(p => seen.Add(p.Address)))
        {
            held.Add(new HeldPolicy($"managed policy {p.Address} (attached by the policy)", p.Document, p.Provenance));
        }

        return held;
    }

    private static (HeldPolicy Held, IamPolicy? Policy)? Attached(AwsEstate estate, Value<ResourceRef?> attachment)
    {
        if (attachment.IsUnknown)
        {
            return (new HeldPolicy("an attached policy", Value.Unknown<PolicyDocument?>(
                $"the attached policy is {attachment.UnknownReason}", attachment.Source), attachment.Source), null);
        }

        if (attachment.Get() is not { } reference)
        {
            return null;
        }

        if (reference.Address is not null && estate.Find(reference.Address) is IamPolicy linked)
        {
            return (new HeldPolicy($"attached policy {linked.Address}", linked.Document, attachment.Source), linked);
        }

        if (reference.Literal is not { } arn)
        {
            return null;
        }

        if (AwsManagedDocument(arn) is { } managed)
        {
            var shortName = arn[(arn.LastIndexOf('/') + 1)..];
            return (new HeldPolicy($"attached AWS managed policy {shortName}", Value.Of<PolicyDocument?>(managed, attachment.Source), attachment.Source), null);
        }

        // A customer managed policy ARN written literally: match the policy of that name in the estate.
        var policyName = arn[(arn.LastIndexOf('/') + 1)..];
        var byName = IsAwsManagedArn(arn) ? null : estate.Memo("iam-policy-by-name", PolicyTargetIndex.ByName).GetValueOrDefault(policyName);
        return byName is null
            ? null
            : (new HeldPolicy($"attached policy {byName.Address}", byName.Document, attachment.Source), byName);
    }

    private static string? AwsManagedKey(string arn)
    {
        // arn:<partition>:iam::aws:<policy/path/name>
        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[4] == "aws" &&
               parts[5].StartsWith("policy/", StringComparison.Ordinal)
            ? parts[5]
            : null;
    }

    private static bool CoversEveryRole(string resource) =>
        resource == "*" ||
        resource.EndsWith(":role/*", StringComparison.Ordinal) ||
        (resource.StartsWith("arn:", StringComparison.Ordinal) && resource.EndsWith(":*", StringComparison.Ordinal));

    private static PolicyDocument AllowOnAll(string action) =>
        new([new PolicyStatement(null, PolicyEffect.Allow, [], [], [action], [], ["*"], [], [])]);
}
