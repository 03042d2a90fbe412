using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class EbsSnapshotEncrypted : ResourceRule<EbsSnapshot>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(EbsSnapshot), typeof(EbsVolume), typeof(EbsDefaultEncryption)];

    protected override Outcome Check(EbsSnapshot snapshot, RuleContext context) => Judge(snapshot, context.Estate, depth: 0);

    private static Outcome Judge(EbsSnapshot s, AwsEstate estate, int depth)
    {
        if (s.Encrypted.IsKnown && s.Encrypted.Get())
        {
            return Outcome.Pass("The snapshot is encrypted.");
        }

        if (!s.IsCopy)
        {
            // A snapshot is encrypted exactly when its volume is.
            return s.SourceVolume.GetOrDefault()?.Address is { } address && estate.Find(address) is EbsVolume volume
                ? EbsEncryption.Judge(volume.Encrypted, estate, $"Its volume {volume.Address}")
                : Outcome.Unknown($"The snapshot is encrypted only if its volume {s.SourceVolume.GetOrDefault()?.ToString() ?? "(unknown)"} is, and that volume is not in the estate.", s.SourceVolume.Source);
        }

        // A copy of an encrypted snapshot is encrypted whatever the copy asks for.
        if (depth < 8 && s.SourceSnapshot.GetOrDefault()?.Address is { } from && estate.Find(from) is EbsSnapshot source)
        {
            var sourceOutcome = Judge(source, estate, depth + 1);
            return sourceOutcome.Status == Compliance.FindingStatus.Pass
                ? Outcome.Pass($"A copy of snapshot {source.Address}, which is encrypted.")
                : EbsEncryption.Judge(s.Encrypted, estate, "The copy") is { Status: Compliance.FindingStatus.Pass } byDefault
                    ? byDefault
                    : sourceOutcome.Status == Compliance.FindingStatus.Fail
                        ? Outcome.Fail($"The copy does not ask for encryption and its source {source.Address} is not encrypted.", s.Encrypted.Source)
                        : Outcome.Unknown($"The copy does not ask for encryption; whether its source {source.Address} is encrypted is unknown.", s.SourceSnapshot.Source);
        }

        var own = EbsEncryption.Judge(s.Encrypted, estate, "The copy");
        return own.Status == Compliance.FindingStatus.Pass
            ? own
            : Outcome.Unknown("The copy does not ask for encryption, and its source snapshot is outside the estate: it is encrypted only if the source is.", s.Encrypted.Source);
    }
}
