using PciZone.Estate;
using PciZone.Rules.Aws.ECS;

namespace PciZone.Rules.Aws.Lambda;

internal sealed class LambdaFunctionEnvironmentHasNoSecrets : ResourceRule<LambdaFunction>
{
    protected override Outcome Check(LambdaFunction function, RuleContext context)
    {
        if (function.Environment.IsUnknown)
        {
            return Outcome.Unknown($"Environment variables are unknown until apply: {function.Environment.UnknownReason}.", function.Environment.Source);
        }

        var found = EnvironmentSecrets.Find(function.Environment.Get());
        if (found.Count > 0)
        {
            return Outcome.Fail($"Environment variables hold credentials: {string.Join("; ", found.Select(f => $"{f.Variable.Name} ({f.Why})"))}. Read them from Secrets Manager or Parameter Store at run time.", found[0].Variable.Value.Source);
        }

        var undecided = EnvironmentSecrets.Undecided(function.Environment.Get());
        return undecided.Count > 0
            ? Outcome.Unknown($"Variables with credential-like names have values unknown until apply: {string.Join(", ", undecided.Select(v => v.Name))}.")
            : Outcome.Pass("No environment variable holds a credential.");
    }
}
