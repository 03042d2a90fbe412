using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class NetworkAclAdminPortsClosedToInternet : ResourceRule<NetworkAcl>
{
    protected override Outcome Check(NetworkAcl acl, RuleContext context)
    {
        Outcome? unknown = null;
        foreach (var port in OpenIngress.AdminPorts)
        {
            foreach (var ipv6 in new[] { false, true })
            {
                var (allowed, entry) = NaclIngress.InternetReaches(acl, port, ipv6);
                var source = ipv6 ? "::/0" : "0.0.0.0/0";
                if (allowed == true)
                {
                    return Outcome.Fail(
                        $"Entry {entry!.RuleNumber.GetOrDefault()} allows {source} to port {port} before any entry denies it.", entry.Source);
                }

                unknown ??= allowed is null
                    ? Outcome.Unknown($"Entry {entry?.RuleNumber.GetOrDefault()} is not known until apply; cannot tell whether {source} reaches port {port}.", entry?.Source)
                    : null;
            }
        }

        return unknown ?? Outcome.Pass("No ingress entry lets the internet reach port 22 or 3389.");
    }
}
