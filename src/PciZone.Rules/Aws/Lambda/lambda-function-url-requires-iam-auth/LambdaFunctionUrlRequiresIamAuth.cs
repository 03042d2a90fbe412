using PciZone.Estate;

namespace PciZone.Rules.Aws.Lambda;

internal sealed class LambdaFunctionUrlRequiresIamAuth : ResourceRule<LambdaFunctionUrl>
{
    protected override Outcome Check(LambdaFunctionUrl url, RuleContext context) =>
        Outcome.MustBeTrue(url.AuthType.Map(a => a == "AWS_IAM"),
            "The function URL requires SigV4-signed requests (AWS_IAM).",
            $"The function URL's auth type is {url.AuthType.GetOrDefault() ?? "not set"}: Lambda does not authenticate callers.");
}
