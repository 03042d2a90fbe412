using PciZone.Estate;

namespace PciZone.Rules.Aws.Lambda;

internal sealed class LambdaServicePermissionScopedToSource : ResourceRule<LambdaPermission>
{
    protected override bool AppliesTo(LambdaPermission permission, RuleContext context) =>
        permission.IsServicePrincipal.IsUnknown || permission.IsServicePrincipal.Get();

    protected override Outcome Check(LambdaPermission permission, RuleContext context)
    {
        if (permission.IsServicePrincipal.IsUnknown)
        {
            return Outcome.Unknown($"The principal is unknown until apply: {permission.Principal.UnknownReason}.", permission.Principal.Source);
        }

        var arn = permission.SourceArn.Map(a => a?.ToString());
        var account = permission.SourceAccount;
        if ((arn.IsKnown && !string.IsNullOrEmpty(arn.Get())) || (account.IsKnown && !string.IsNullOrEmpty(account.Get())))
        {
            return Outcome.Pass($"The permission for {permission.Principal.Get()} is limited to a source ARN or account.");
        }

        return arn.IsUnknown || account.IsUnknown
            ? Outcome.Unknown("The source ARN or source account is unknown until apply.", (arn.IsUnknown ? arn : account).Source)
            : Outcome.Fail($"Service principal {permission.Principal.Get()} may invoke the function on behalf of any account's resources: no source ARN or source account.", permission.Principal.Source);
    }
}
