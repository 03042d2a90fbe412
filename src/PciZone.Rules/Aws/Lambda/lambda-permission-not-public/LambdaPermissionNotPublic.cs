using PciZone.Estate;

namespace PciZone.Rules.Aws.Lambda;

internal sealed class LambdaPermissionNotPublic : ResourceRule<LambdaPermission>
{
    protected override Outcome Check(LambdaPermission permission, RuleContext context)
    {
        if (permission.Principal.IsUnknown)
        {
            return Outcome.Unknown($"The principal is unknown until apply: {permission.Principal.UnknownReason}.", permission.Principal.Source);
        }

        if (permission.Principal.Get() != "*")
        {
            return Outcome.Pass($"The permission is granted to {permission.Principal.Get()}, not to everyone.");
        }

        // Lambda adds these as conditions to the statement; any of them ties "*" to a known source.
        var limits = new[] { ("source ARN", permission.SourceArn.Map(a => a?.ToString())), ("source account", permission.SourceAccount), ("organization", permission.PrincipalOrgId) };
        var set = limits.Where(l => l.Item2.IsKnown && !string.IsNullOrEmpty(l.Item2.Get())).Select(l => l.Item1).ToList();
        if (set.Count > 0)
        {
            return Outcome.Pass($"The permission to \"*\" is limited by {string.Join(" and ", set)}.");
        }

        var unknown = limits.FirstOrDefault(l => l.Item2.IsUnknown);
        return unknown.Item1 is not null
            ? Outcome.Unknown($"The permission is granted to \"*\" and its {unknown.Item1} condition is unknown until apply.", unknown.Item2.Source)
            : Outcome.Fail($"The function's resource policy lets anyone call {permission.Action.GetOrDefault() ?? "it"}: principal \"*\" with no source ARN, source account or organization condition.", permission.Principal.Source);
    }
}
