using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class SecurityGroupRulesHaveDescriptions : ResourceRule<SecurityGroup>
{
    /// <summary>What Terraform writes when the author gives no description: it justifies nothing.</summary>
    private const string TerraformDefault = "Managed by Terraform";

    // The default group is AWS's; its rules are judged by the rule that wants it empty.
    protected override bool AppliesTo(SecurityGroup group, RuleContext context) => !group.IsDefault;

    protected override Outcome Check(SecurityGroup group, RuleContext context)
    {
        if (group.Description.IsUnknown)
        {
            return Outcome.Unknown($"The group description is unknown: {group.Description.UnknownReason}.", group.Description.Source);
        }

        if (string.IsNullOrWhiteSpace(group.Description.Get()) || group.Description.Get() == TerraformDefault)
        {
            return Outcome.Fail(
                $"The group has no description of its purpose (\"{group.Description.Get()}\").", group.Description.Source);
        }

        // Rules that nobody wrote (the allow-all egress AWS adds to a CloudFormation group) have no author to ask.
        var bare = group.Ingress.Concat(group.Egress)
            .FirstOrDefault(r => !r.Protocol.IsDefault && string.IsNullOrWhiteSpace(r.Description));
        if (bare is not null)
        {
            return Outcome.Fail($"Rule {OpenIngress.Describe(bare)} has no description giving its business justification.", bare.Source);
        }

        return group.HasUnknownRules
            ? Outcome.Unknown("The group has rules that could not be read; cannot tell whether each has a description.")
            : Outcome.Pass("The group and every rule carry a description.");
    }
}
