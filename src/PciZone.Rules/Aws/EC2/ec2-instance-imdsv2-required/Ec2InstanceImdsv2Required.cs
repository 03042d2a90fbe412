using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class Ec2InstanceImdsv2Required : ResourceRule<Ec2Instance>
{
    protected override Outcome Check(Ec2Instance instance, RuleContext context)
    {
        if (instance.MetadataHttpEndpoint.GetOrDefault() == "disabled")
        {
            return Outcome.Pass("The instance metadata endpoint is disabled.");
        }

        var tokens = instance.MetadataHttpTokens;
        if (tokens.IsUnknown)
        {
            return Outcome.Unknown($"The metadata token setting is unknown: {tokens.UnknownReason}.", tokens.Source);
        }

        return tokens.Get() == "required"
            ? Outcome.Pass("The instance requires IMDSv2 session tokens.")
            : Outcome.Fail(
                tokens.IsDefault
                    ? "The instance does not set metadata http_tokens, so IMDSv1 stays available (default \"optional\")."
                    : $"The instance allows IMDSv1 (http_tokens \"{tokens.Get()}\").",
                tokens.Source);
    }
}
