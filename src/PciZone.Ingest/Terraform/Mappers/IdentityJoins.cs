using PciZone.Estate;

namespace PciZone.Ingest;

/// <summary>The IAM principal a policy or attachment joins into.</summary>
internal enum PrincipalKind
{
    Role,
    User,
    Group,
}

/// <summary>
/// Joins shared by the Terraform and CloudFormation identity mappers: inline policies, policy
/// attachments, Security Hub standards and GuardDuty feature defaults.
/// </summary>
internal static class IdentityJoins
{
    /// <summary>
    /// GuardDuty optional features that AWS turns on in a new detector when the request does not
    /// name them (CreateDetector: every feature but RUNTIME_MONITORING is enabled by default).
    /// </summary>
    private static readonly string[] FeaturesOnByDefault =
        ["S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS"];

    public static Dictionary<string, Value<bool>> DefaultDetectorFeatures(Provenance at)
    {
        var features = FeaturesOnByDefault.ToDictionary(f => f, f => Value.Default(true, at), StringComparer.Ordinal);
        features["RUNTIME_MONITORING"] = Value.Default(false, at);
        return features;
    }

    /// <summary>A list of references as attachment entries; an unknown list is one unknown entry.</summary>
    public static IReadOnlyList<Value<ResourceRef?>> RefList(IResourceView r, string path)
    {
        var refs = r.Refs(path);
        return refs.IsUnknown
            ? [Value.Unknown<ResourceRef?>(refs.UnknownReason!, refs.Source)]
            : refs.Get().Select(x => Value.Of<ResourceRef?>(x, refs.Source)).ToList();
    }

    public static void AddInline(IEstateBuilder estate, IResourceView companion, Value<ResourceRef?> target, InlinePolicy policy, PrincipalKind kind)
    {
        switch (kind)
        {
            case PrincipalKind.Role:
                estate.Join<IamRole>(companion, target, x => x with { InlinePolicies = [.. x.InlinePolicies, policy] }, x => x.Name.GetOrDefault());
                break;
            case PrincipalKind.User:
                estate.Join<IamUser>(companion, target, x => x with { InlinePolicies = [.. x.InlinePolicies, policy] }, x => x.Name.GetOrDefault());
                break;
            default:
                estate.Join<IamGroup>(companion, target, x => x with { InlinePolicies = [.. x.InlinePolicies, policy] }, x => x.Name.GetOrDefault());
                break;
        }
    }

    public static void AddAttachment(IEstateBuilder estate, IResourceView companion, Value<ResourceRef?> target, Value<ResourceRef?> policy, PrincipalKind kind)
    {
        switch (kind)
        {
            case PrincipalKind.Role:
                estate.Join<IamRole>(companion, target, x => x with { AttachedPolicies = [.. x.AttachedPolicies, policy] }, x => x.Name.GetOrDefault());
                break;
            case PrincipalKind.User:
                estate.Join<IamUser>(companion, target, x => x with { AttachedPolicies = [.. x.AttachedPolicies, policy] }, x => x.Name.GetOrDefault());
                break;
            default:
                estate.Join<IamGroup>(companion, target, x => x with { AttachedPolicies = [.. x.AttachedPolicies, policy] }, x => x.Name.GetOrDefault());
                break;
        }
    }

    /// <summary>
    /// Joins a standards subscription into every Security Hub account declared in the same module
    /// (Terraform) or template (CloudFormation). Subscriptions point at the hub only through
    /// depends_on, never through an attribute, so the module is the only link the input shows. This
    /// runs in the companion phase, after every account exists, so resource order does not matter.
    /// </summary>
    public static void AddStandard(IEstateBuilder estate, IResourceView subscription, Value<string> standardArn)
    {
        var scope = Scope(subscription.Address, subscription.Type);
        var accounts = estate.Existing<SecurityHubAccount>()
            .Where(a => string.Equals(Scope(a.Address, a.SourceType), scope, StringComparison.Ordinal))
            .Select(a => a.Address)
            .ToList();
        if (accounts.Count == 0)
        {
            // No hub to join: let the reader report the subscription as unjoined.
            estate.Join<SecurityHubAccount>(subscription, Value.Of<ResourceRef?>(null, subscription.Provenance), a => a);
            return;
        }

        foreach (var address in accounts)
        {
            estate.Join<SecurityHubAccount>(subscription, Value.Of<ResourceRef?>(ResourceRef.To(address), subscription.Provenance),
                a => a with { Standards = [.. a.Standards, standardArn] });
        }
    }

    /// <summary>
    /// The module path of a Terraform address (<c>module.a.</c> of <c>module.a.aws_x.y[0]</c>), or the
    /// file prefix of a CloudFormation logical id (<c>path#</c> when the loader qualified it).
    /// </summary>
    private static string Scope(string address, string sourceType)
    {
        var at = address.LastIndexOf(sourceType + ".", StringComparison.Ordinal);
        if (at >= 0)
        {
            return address[..at];
        }

        var hash = address.LastIndexOf('#');
        return hash >= 0 ? address[..(hash + 1)] : "";
    }
}
