using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailEventDataStoreEncryptedWithCmk : ResourceRule<TrailEventDataStore>
{
    protected override Outcome Check(TrailEventDataStore store, RuleContext context) =>
        Outcome.MustBeTrue(store.KmsKey.Map(k => k is not null),
            $"Event data store is encrypted with customer managed key {store.KmsKey.GetOrDefault()}.",
            "Event data store is encrypted with a key CloudTrail owns: no key policy of yours decides who may read the events, and disabling access is not in your hands.");
}
