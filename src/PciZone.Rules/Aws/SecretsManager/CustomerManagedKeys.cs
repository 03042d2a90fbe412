using PciZone.Estate;

namespace PciZone.Rules.Aws.SecretsManager;

/// <summary>Whether a KMS key reference names a customer managed key or an AWS managed one.</summary>
internal static class CustomerManagedKeys
{
    /// <summary>
    /// Null when <paramref name="key"/> names a customer managed key: a key in the estate, or a literal
    /// key id, key ARN or alias outside the <c>alias/aws/</c> namespace. Otherwise why it does not:
    /// no key (the service's AWS managed key) or an <c>alias/aws/...</c> alias.
    /// </summary>
    public static string? Gap(ResourceRef? key, string awsManagedAlias)
    {
        if (key is null)
        {
            return $"no KMS key is set, so the AWS managed key {awsManagedAlias} encrypts it";
        }

        if (key.Address is not null)
        {
            return null;
        }

        var literal = key.Literal ?? "";
        return literal.StartsWith("alias/aws/", StringComparison.Ordinal) || literal.Contains(":alias/aws/", StringComparison.Ordinal)
            ? $"the key {literal} is AWS managed"
            : null;
    }

    /// <summary>The rule outcome for a resource whose data a key encrypts.</summary>
    public static Outcome Check(Value<ResourceRef?> key, string what, string awsManagedAlias)
    {
        if (key.IsUnknown)
        {
            return Outcome.Unknown($"The KMS key of the {what} cannot be read: {key.UnknownReason}.", key.Source);
        }

        return Gap(key.Get(), awsManagedAlias) is { } gap
            ? Outcome.Fail($"The {what} is not encrypted with a customer managed key: {gap}.", key.Source)
            : Outcome.Pass($"The {what} is encrypted with the customer managed key {key.Get()}.");
    }
}
