using PciZone.Estate;

namespace PciZone.Rules.Aws.Lambda;

internal sealed class LambdaFunctionEnvironmentEncryptedWithKms : ResourceRule<LambdaFunction>
{
    // Without variables there is nothing to encrypt.
    protected override bool AppliesTo(LambdaFunction function, RuleContext context) =>
        function.Environment.IsUnknown || function.Environment.Get().Count > 0;

    protected override Outcome Check(LambdaFunction function, RuleContext context) =>
        Outcome.MustBeTrue(function.KmsKey.Map(k => k is not null),
            $"Environment variables are encrypted with customer managed key {function.KmsKey.GetOrDefault()}.",
            "Environment variables are encrypted only with the AWS managed key aws/lambda: no key policy of yours controls who can decrypt them.");
}
