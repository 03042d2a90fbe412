using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Reach;

/// <summary>
/// The protocol x port plane: what a component admits between two fixed addresses. The engine's fast
/// path works here, because for two interfaces with known addresses every address dimension is a
/// single point and only protocols and ports remain.
/// </summary>
internal static class Plane
{
    public static Space Space { get; } = new(255, 65535);

    public static BoxSet Empty { get; } = BoxSet.Empty(Space);

    public static BoxSet Full { get; } = BoxSet.Full(Space);

    /// <summary>The protocols and ports of 4-dimensional boxes whose address dimensions satisfy <paramref name="keep"/>.</summary>
    public static BoxSet Of(BoxSet traffic, Func<Range, Range, bool>? keep = null)
    {
        var result = Empty;
        foreach (var box in traffic.Boxes)
        {
            if (keep is null || keep(box[0], box[1]))
            {
                result = result.Union(BoxSet.Box(Space, box[2], box[3]));
            }
        }

        return result;
    }

    /// <summary>Back to the traffic space between two address blocks.</summary>
    public static BoxSet Expand(BoxSet plane, Range src, Range dst)
    {
        var result = BoxSet.Empty(Traffic.Space);
        foreach (var box in plane.Boxes)
        {
            result = result.Union(Traffic.Of(src, dst, box[0], box[1]));
        }

        return result;
    }
}

/// <summary>
/// One direction of an attachment's security groups in the plane: address rules as (remote block,
/// plane) and reference rules as (group, plane). <see cref="Exact"/> is false when something is
/// unknown, and the engine then takes the 4-dimensional path.
/// </summary>
internal sealed class PlaneRules
{
    public required (Range Remote, BoxSet Plane)[] Cidrs { get; init; }

    public required (Model.Attachment? Self, PciZone.Estate.SecurityGroup Group, BoxSet Plane)[] Refs { get; init; }

    public bool Exact { get; init; } = true;

    public bool AdmitsAll { get; init; }

    /// <summary>What the rules admit to or from <paramref name="remote"/>; null when a block covers only part of the remote's addresses.</summary>
    public BoxSet? For(Model.Attachment remote)
    {
        if (AdmitsAll)
        {
            return Plane.Full;
        }

        // Usually one rule matches: hand back its plane without building a union.
        BoxSet? result = null;
        var r = remote.Address;
        foreach (var (block, plane) in Cidrs)
        {
            if (block.Contains(r))
            {
                result = result is null ? plane : result.Union(plane);
            }
            else if (block.Overlaps(r))
            {
                return null;
            }
        }

        foreach (var (_, group, plane) in Refs)
        {
            if (remote.HasGroup(group))
            {
                result = result is null ? plane : result.Union(plane);
            }
        }

        return result ?? Plane.Empty;
    }

    public static PlaneRules Compile(GroupRules rules, bool ingress)
    {
        if (!rules.CidrPart.Definite.SetEquals(rules.CidrPart.Possible) || rules.UnknownRefs)
        {
            return new PlaneRules { Cidrs = [], Refs = [], Exact = false };
        }

        if (rules.CidrPart.Definite.IsFull && rules.Refs.Count == 0)
        {
            return new PlaneRules { Cidrs = [], Refs = [], AdmitsAll = true };
        }

        var cidrs = new List<(Range, BoxSet)>();
        foreach (var box in rules.CidrPart.Definite.Boxes)
        {
            var remote = ingress ? box[0] : box[1];
            var other = ingress ? box[1] : box[0];
            if (other.Lo != 0 || other.Hi != uint.MaxValue)
            {
                return new PlaneRules { Cidrs = [], Refs = [], Exact = false };
            }

            cidrs.Add((remote, BoxSet.Box(Plane.Space, box[2], box[3])));
        }

        return new PlaneRules
        {
            Cidrs = [.. cidrs],
            Refs = [.. rules.Refs.Select(r => ((Model.Attachment?)null, r.Group, Plane.Of(r.Traffic)))],
        };
    }
}
