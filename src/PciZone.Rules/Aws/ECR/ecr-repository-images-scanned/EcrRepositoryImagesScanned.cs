using PciZone.Estate;

namespace PciZone.Rules.Aws.ECR;

internal sealed class EcrRepositoryImagesScanned : ResourceRule<EcrRepository>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(EcrRepository), typeof(EcrRegistryScanning)];

    protected override Outcome Check(EcrRepository repository, RuleContext context)
    {
        var registry = EcrScanning.Registry(context.Estate);
        var covered = registry is null ? Value.Default(false, repository.Provenance) : EcrScanning.RegistryCovers(registry, repository);
        if (covered.IsKnown && covered.Get())
        {
            return Outcome.Pass($"Registry scanning configuration {registry!.Address} ({registry.ScanType.GetOrDefault()}) scans the repository.");
        }

        // With enhanced scanning Amazon Inspector replaces basic scanning: the repository's own
        // scan-on-push flag no longer applies.
        var enhanced = registry?.ScanType.GetOrDefault() == "ENHANCED";
        if (!enhanced && repository.ScanOnPush.IsKnown && repository.ScanOnPush.Get())
        {
            return Outcome.Pass("Images are scanned on push.");
        }

        if (covered.IsUnknown)
        {
            return Outcome.Unknown($"Whether the registry scanning configuration covers the repository is unknown: {covered.UnknownReason}.", covered.Source);
        }

        if (!enhanced && repository.ScanOnPush.IsUnknown)
        {
            return Outcome.Unknown($"Scan on push is unknown until apply: {repository.ScanOnPush.UnknownReason}.", repository.ScanOnPush.Source);
        }

        return registry is null
            ? Outcome.Fail("Images are not scanned on push, and no registry scanning configuration in the estate scans the repository.", repository.ScanOnPush.Source)
            : Outcome.Fail($"No scan-on-push or continuous rule of registry scanning configuration {registry.Address} matches the repository{(enhanced ? " (with ENHANCED scanning the repository's own scan-on-push setting is ignored)" : ", and the repository does not scan on push")}.", registry.Provenance);
    }
}
