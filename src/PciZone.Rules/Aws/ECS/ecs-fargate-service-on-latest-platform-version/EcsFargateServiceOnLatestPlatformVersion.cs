using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

internal sealed class EcsFargateServiceOnLatestPlatformVersion : ResourceRule<EcsService>
{
    // The newest Fargate platform versions (AWS Fargate platform versions page): Linux 1.4.0, Windows 1.0.0.
    private const string LatestLinux = "1.4.0";
    private const string LatestWindows = "1.0.0";

    public override IReadOnlyList<Type> EstateTypes => [typeof(EcsService), typeof(EcsTaskDefinition)];

    protected override bool AppliesTo(EcsService service, RuleContext context) =>
        service.OnFargate.IsUnknown || service.OnFargate.Get();

    protected override Outcome Check(EcsService service, RuleContext context)
    {
        if (service.OnFargate.IsUnknown)
        {
            return Outcome.Unknown($"Whether the tasks run on Fargate is unknown: {service.OnFargate.UnknownReason}.", service.OnFargate.Source);
        }

        if (service.PlatformVersion.IsUnknown)
        {
            return Outcome.Unknown($"The platform version is unknown until apply: {service.PlatformVersion.UnknownReason}.", service.PlatformVersion.Source);
        }

        var version = service.PlatformVersion.Get();
        if (version == "LATEST")
        {
            return Outcome.Pass("Fargate runs the tasks on the LATEST platform version.");
        }

        var task = service.TaskDefinition.TryGet(out var r) ? context.Estate.Resolve<EcsTaskDefinition>(r) : null;
        var windows = task?.OperatingSystemFamily.GetOrDefault()?.StartsWith("WINDOWS", StringComparison.Ordinal);
        var latest = windows == true ? LatestWindows : LatestLinux;
        if (version == latest)
        {
            return Outcome.Pass($"Platform version {version} is the latest for {(windows == true ? "Windows" : "Linux")} tasks.");
        }

        return windows is null && version == LatestWindows
            ? Outcome.Unknown($"Platform version {version} is the latest only for Windows tasks, and the task definition is not in the estate.", service.PlatformVersion.Source)
            : Outcome.Fail($"Platform version {version} is pinned below the latest ({latest}): the tasks miss the runtime's security fixes.", service.PlatformVersion.Source);
    }
}
