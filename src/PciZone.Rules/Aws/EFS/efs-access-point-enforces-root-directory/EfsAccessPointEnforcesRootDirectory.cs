using PciZone.Estate;

namespace PciZone.Rules.Aws.EFS;

internal sealed class EfsAccessPointEnforcesRootDirectory : ResourceRule<EfsAccessPoint>
{
    protected override Outcome Check(EfsAccessPoint accessPoint, RuleContext context)
    {
        var path = accessPoint.RootDirectoryPath;
        if (path.IsUnknown)
        {
            return Outcome.Unknown($"The root directory cannot be read: {path.UnknownReason}.", path.Source);
        }

        var dir = path.Get() ?? "/";
        return dir.Trim().TrimEnd('/').Length > 0
            ? Outcome.Pass($"Access point confines clients to {dir}.")
            : Outcome.Fail("Access point exposes the file system's root directory (/), so clients see every directory.", path.Source);
    }
}
