using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Reach;

/// <summary>
/// Turns what a stateless ACL lets through in one direction into a constraint on forward traffic:
/// the forward flows whose replies (addresses swapped, destination port ephemeral) get through.
/// </summary>
internal static class Replies
{
    private static readonly Range AnyAddress = Range.All(uint.MaxValue);

    /// <summary>Forward traffic whose replies pass on EVERY ephemeral port.</summary>
    public static BoxSet AllPorts(BoxSet passes, BoxSet ephemeral, bool remoteIsDestination)
    {
        var blocked = ephemeral.Except(passes);
        return BoxSet.Full(Traffic.Space).Except(Forward(blocked, remoteIsDestination));
    }

    /// <summary>Forward traffic whose replies pass on SOME ephemeral port.</summary>
    public static BoxSet AnyPort(BoxSet passes, BoxSet ephemeral, bool remoteIsDestination) =>
        Forward(passes.Intersect(ephemeral), remoteIsDestination);

    /// <summary>
    /// Projects reply traffic onto forward traffic: the reply's remote address becomes the forward
    /// source (replies leaving the forward destination) or destination (replies entering the forward
    /// source); the protocol stays; ports are free.
    /// </summary>
    private static BoxSet Forward(BoxSet replies, bool remoteIsDestination)
    {
        var result = BoxSet.Empty(Traffic.Space);
        foreach (var box in replies.Boxes)
        {
            var remote = remoteIsDestination ? box[1] : box[0];
            var f = remoteIsDestination
                ? Traffic.Of(remote, AnyAddress, box[2], Range.All(65535))
                : Traffic.Of(AnyAddress, remote, box[2], Range.All(65535));
            result = result.Union(f);
        }

        return result;
    }
}
