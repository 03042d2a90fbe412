using PciZone.Estate;
using PciZone.Rules.Aws.SecretsManager;

namespace PciZone.Rules.Aws.SSM;

internal sealed class SsmSecretParameterSecurestringWithCmk : ResourceRule<SsmParameter>
{
    // Name segments that mark a parameter as holding a secret.
    private static readonly string[] SecretWords =
        ["password", "passwd", "secret", "token", "apikey", "api-key", "api_key", "private-key", "private_key", "privatekey", "credential"];

    protected override bool AppliesTo(SsmParameter parameter, RuleContext context) =>
        parameter.Name.GetOrDefault() is { } name && SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    protected override Outcome Check(SsmParameter parameter, RuleContext context)
    {
        if (parameter.Type.IsUnknown)
        {
            return Outcome.Unknown($"The parameter type cannot be read: {parameter.Type.UnknownReason}.", parameter.Type.Source);
        }

        if (parameter.Type.Get() != "SecureString")
        {
            return Outcome.Fail($"Parameter {parameter.Name.Get()} looks like a secret but is a plain {parameter.Type.Get()}, stored and shown unencrypted.", parameter.Type.Source);
        }

        return CustomerManagedKeys.Check(parameter.KmsKey, "SecureString parameter", "alias/aws/ssm");
    }
}
