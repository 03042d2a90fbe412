using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class NetworkAclInternetIngressNotAllPortsOrFtp : ResourceRule<NetworkAcl>
{
    private static readonly int[] FtpPorts = [20, 21];

    protected override Outcome Check(NetworkAcl acl, RuleContext context)
    {
        // An allow-everything entry is a fault wherever it sits: it is the ACL giving up filtering.
        foreach (var entry in acl.Entries.Where(e => !e.Egress))
        {
            if (entry.Action.GetOrDefault() == "allow" && FromInternet(entry) && AllPorts(entry))
            {
                return Outcome.Fail($"Entry {entry.RuleNumber.GetOrDefault()} allows all ports from the whole internet.", entry.Source);
            }
        }

        Outcome? unknown = null;
        foreach (var port in FtpPorts)
        {
            foreach (var ipv6 in new[] { false, true })
            {
                var (allowed, entry) = NaclIngress.InternetReaches(acl, port, ipv6);
                var source = ipv6 ? "::/0" : "0.0.0.0/0";
                if (allowed == true)
                {
                    return Outcome.Fail($"Entry {entry!.RuleNumber.GetOrDefault()} allows {source} to FTP port {port} before any entry denies it.", entry.Source);
                }

                unknown ??= allowed is null
                    ? Outcome.Unknown($"Entry {entry?.RuleNumber.GetOrDefault()} is not known until apply; cannot tell whether {source} reaches port {port}.", entry?.Source)
                    : null;
            }
        }

        return unknown ?? Outcome.Pass("No ingress entry allows all ports or FTP from the internet.");
    }

    private static bool FromInternet(NetworkAclEntry e) =>
        NetworkMath.IsAnyAddress(e.Ipv4Cidr.GetOrDefault()) || NetworkMath.IsAnyAddress(e.Ipv6Cidr.GetOrDefault());

    private static bool AllPorts(NetworkAclEntry e) =>
        e.Protocol.GetOrDefault() == NetworkMath.AllProtocols ||
        (e.FromPort.GetOrDefault(-1) <= 0 && e.ToPort.GetOrDefault() == 65535 && e.FromPort.IsKnown);
}
