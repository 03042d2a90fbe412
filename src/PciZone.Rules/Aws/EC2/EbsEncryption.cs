using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

/// <summary>
/// Whether an EBS volume ends up encrypted: its own flag, or, when nobody set the flag, the account's
/// default EBS encryption if the estate turns it on.
/// </summary>
internal static class EbsEncryption
{
    /// <summary>Pass, Fail or Unknown for one volume's encrypted flag.</summary>
    public static Outcome Judge(Value<bool> encrypted, AwsEstate estate, string what)
    {
        if (encrypted.IsKnown && encrypted.Get())
        {
            return Outcome.Pass($"{what} is encrypted.");
        }

        if ((encrypted.IsUnknown || encrypted.IsDefault) &&
            estate.Memo("ebs-default-encryption-on", e => e.OfType<EbsDefaultEncryption>().Where(d => d.Enabled.GetOrDefault()).Take(1).ToArray())
                .FirstOrDefault() is { } account)
        {
            return Outcome.Pass($"{what} is encrypted by the account default ({account.Address}).");
        }

        return encrypted.IsUnknown
            ? Outcome.Unknown($"Whether {what.ToLowerInvariant()} is encrypted is unknown: {encrypted.UnknownReason}.", encrypted.Source)
            : Outcome.Fail(
                encrypted.IsDefault
                    ? $"{what} does not set encryption, and no account default EBS encryption is on in this estate."
                    : $"{what} is explicitly unencrypted.",
                encrypted.Source);
    }
}
