using System.Globalization;

namespace PciZone.LandingZone.Spec;

/// <summary>An IPv4 CIDR block as a 32-bit network address and a prefix length.</summary>
public readonly record struct Ipv4Cidr(uint Network, int Prefix)
{
    /// <summary>The first address.</summary>
    public uint First => Network;

    /// <summary>The last address.</summary>
    public uint Last => Network | (Prefix == 0 ? uint.MaxValue : (1u << (32 - Prefix)) - 1);

    /// <summary>Parses "a.b.c.d/n"; the address must be the network address (no host bits), as AWS requires.</summary>
    public static bool TryParse(string text, out Ipv4Cidr cidr, out string problem)
    {
        cidr = default;
        problem = "";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 32)
        {
            problem = $"'{text}' is not an IPv4 CIDR block (a.b.c.d/n)";
            return false;
        }

        var parts = text[..slash].Split('.');
        uint address = 0;
        if (parts.Length != 4)
        {
            problem = $"'{text}' is not an IPv4 CIDR block (a.b.c.d/n)";
            return false;
        }

        foreach (var part in parts)
        {
            if (!byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet))
            {
                problem = $"'{text}' is not an IPv4 CIDR block (a.b.c.d/n)";
                return false;
            }

            address = (address << 8) | octet;
        }

        var candidate = new Ipv4Cidr(address, prefix);
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        if ((address & ~mask) != 0)
        {
            problem = $"'{text}' has host bits set; the network address is {Format(address & mask)}/{prefix}";
            return false;
        }

        cidr = candidate;
        return true;
    }

    /// <summary>True when the two blocks share at least one address.</summary>
    public bool Overlaps(Ipv4Cidr other) => First <= other.Last && other.First <= Last;

    /// <inheritdoc />
    public override string ToString() => $"{Format(Network)}/{Prefix}";

    private static string Format(uint a) => $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}";
}
