using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class Ec2LaunchTemplateImdsv2Required : ResourceRule<LaunchTemplate>
{
    protected override Outcome Check(LaunchTemplate template, RuleContext context)
    {
        if (template.MetadataHttpEndpoint.GetOrDefault() == "disabled")
        {
            return Outcome.Pass("Instances launched from it have the metadata endpoint disabled.");
        }

        var tokens = template.MetadataHttpTokens;
        if (tokens.IsUnknown)
        {
            return Outcome.Unknown($"The metadata token setting is unknown: {tokens.UnknownReason}.", tokens.Source);
        }

        return tokens.Get() == "required"
            ? Outcome.Pass("Instances launched from it require IMDSv2 session tokens.")
            : Outcome.Fail(
                tokens.IsDefault
                    ? "No metadata token setting is given, so instances keep IMDSv1 available (default \"optional\")."
                    : $"Instances launched from it allow IMDSv1 (http_tokens \"{tokens.Get()}\").",
                tokens.Source);
    }
}
