using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

/// <summary>Roles, users and groups that have AWSCloudShellFullAccess attached.</summary>
internal sealed class IamCloudshellFullAccessNotAttached : IRule
{
    private const string PolicyName = "AWSCloudShellFullAccess";

    public RuleDescriptor Descriptor { get; internal set; } = null!;

    public IReadOnlyList<Type> EstateTypes { get; } = [typeof(IamRole), typeof(IamUser), typeof(IamGroup)];

    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context)
    {
        foreach (var r in context.Estate.Resources)
        {
            var attached = r switch
            {
                IamRole role => role.AttachedPolicies,
                IamUser user => user.AttachedPolicies,
                IamGroup group => group.AttachedPolicies,
                _ => null,
            };
            if (attached is not null)
            {
                yield return (r, Check(attached));
            }
        }
    }

    private static Outcome Check(IReadOnlyList<Value<ResourceRef?>> attached)
    {
        foreach (var a in attached)
        {
            if (a.GetOrDefault()?.Literal is { } arn && PolicyFacts.IsAwsManagedArn(arn) && arn.EndsWith("/" + PolicyName, StringComparison.Ordinal))
            {
                return Outcome.Fail($"{PolicyName} is attached: CloudShell gives a shell with the principal's credentials and file upload and download, a path around data-loss controls.", a.Source);
            }
        }

        // Value's default is Unknown, so FirstOrDefault cannot tell "none" from "an unknown one".
        var unknown = attached.Where(a => a.IsUnknown).Take(1).ToList();
        return unknown.Count > 0
            ? Outcome.Unknown($"Cannot tell whether an attached policy is {PolicyName}: {unknown[0].UnknownReason}.", unknown[0].Source)
            : Outcome.Pass($"{PolicyName} is not attached.");
    }
}
