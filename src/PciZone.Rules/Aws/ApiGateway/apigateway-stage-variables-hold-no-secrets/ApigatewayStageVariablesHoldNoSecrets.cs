using System.Text.RegularExpressions;
using PciZone.Estate;

namespace PciZone.Rules.Aws.ApiGateway;

internal sealed partial class ApigatewayStageVariablesHoldNoSecrets : ResourceRule<ApiGatewayStage>
{
    protected override Outcome Check(ApiGatewayStage stage, RuleContext context)
    {
        if (!stage.Variables.TryGet(out var variables))
        {
            return Outcome.Unknown($"Stage variables cannot be read: {stage.Variables.UnknownReason}.", stage.Variables.Source);
        }

        foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (SecretValue().IsMatch(value))
            {
                return Outcome.Fail($"Stage variable '{name}' holds what looks like an access key or private key.", stage.Variables.Source);
            }

            // A variable that names a secret by ARN or reference is how it should be done.
            if (SecretName().IsMatch(name) && value.Length > 0 && !value.StartsWith("arn:", StringComparison.Ordinal) && !value.StartsWith("{{resolve:", StringComparison.Ordinal))
            {
                return Outcome.Fail($"Stage variable '{name}' holds a credential in clear text.", stage.Variables.Source);
            }
        }

        return Outcome.Pass(variables.Count == 0 ? "The stage has no variables." : $"None of the {variables.Count} stage variables holds a credential.");
    }

    [GeneratedRegex("(password|passwd|pwd|secret|token|api[_-]?key|private[_-]?key|credential)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"\b(AKIA|ASIA)[0-9A-Z]{16}\b|-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex SecretValue();
}
