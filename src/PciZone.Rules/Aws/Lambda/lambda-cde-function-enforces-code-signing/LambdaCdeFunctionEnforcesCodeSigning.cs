using PciZone.Estate;

namespace PciZone.Rules.Aws.Lambda;

internal sealed class LambdaCdeFunctionEnforcesCodeSigning : ResourceRule<LambdaFunction>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(LambdaFunction), typeof(LambdaCodeSigningConfig)];

    protected override bool AppliesTo(LambdaFunction function, RuleContext context) => CdeFunctions.InCde(function);

    protected override Outcome Check(LambdaFunction function, RuleContext context)
    {
        if (function.CodeSigningConfig.IsUnknown)
        {
            return Outcome.Unknown($"The code signing configuration is unknown until apply: {function.CodeSigningConfig.UnknownReason}.", function.CodeSigningConfig.Source);
        }

        if (function.CodeSigningConfig.Get() is not { } reference)
        {
            return Outcome.Fail("The CDE function has no code signing configuration: Lambda deploys any code package.", function.CodeSigningConfig.Source);
        }

        if (context.Estate.Resolve<LambdaCodeSigningConfig>(reference) is not { } config)
        {
            return Outcome.Unknown($"Code signing configuration {reference} is not in the estate, so its policy cannot be read.", function.CodeSigningConfig.Source);
        }

        return Outcome.MustBeTrue(config.UntrustedArtifactOnDeployment.Map(p => p == "Enforce"),
            $"Code signing configuration {config.Address} rejects unsigned or untrusted code.",
            $"Code signing configuration {config.Address} only warns about untrusted code (UntrustedArtifactOnDeployment is not Enforce).");
    }
}
