using PciZone.Estate;

namespace PciZone.Rules.Aws.Lambda;

internal sealed class LambdaFunctionRuntimeSupported : ResourceRule<LambdaFunction>
{
    // Container images bring their own runtime: Lambda's calendar does not apply.
    protected override bool AppliesTo(LambdaFunction function, RuleContext context) =>
        function.PackageType.GetOrDefault() != "Image";

    protected override Outcome Check(LambdaFunction function, RuleContext context)
    {
        if (function.Runtime.IsUnknown)
        {
            return Outcome.Unknown($"The runtime is unknown until apply: {function.Runtime.UnknownReason}.", function.Runtime.Source);
        }

        if (function.Runtime.Get() is not { } runtime)
        {
            return Outcome.Unknown("The function names no runtime.", function.Runtime.Source);
        }

        var today = DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime);
        return LambdaRuntimes.DeprecatedOn(runtime) switch
        {
            null => Outcome.Unknown($"Runtime {runtime} is not in PciZone's Lambda runtime calendar.", function.Runtime.Source),
            { } date when date <= today => Outcome.Fail($"Runtime {runtime} was deprecated on {date:yyyy-MM-dd}: it no longer gets security patches.", function.Runtime.Source),
            { } date => Outcome.Pass($"Runtime {runtime} is supported until {date:yyyy-MM-dd}."),
        };
    }
}
