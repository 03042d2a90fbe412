using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules;

/// <summary>What a rule decided about one resource.</summary>
/// <param name="Status">Pass, Fail or Unknown (never Suppressed: suppression comes later).</param>
/// <param name="Message">One sentence about this resource.</param>
/// <param name="Evidence">The value that decided it, when more precise than the resource itself.</param>
public sealed record Outcome(FindingStatus Status, string Message, Provenance? Evidence = null)
{
    // Most rules pass thousands of resources with one constant sentence: outcomes are immutable, so
    // consecutive passes with the same message share one (a race only costs another allocation).
    private static Outcome? _lastPass;

    /// <summary>The resource meets the rule.</summary>
    public static Outcome Pass(string message)
    {
        var last = _lastPass;
        return last is not null && ReferenceEquals(last.Message, message)
            ? last
            : _lastPass = new Outcome(FindingStatus.Pass, message);
    }

    /// <summary>The resource breaks the rule.</summary>
    public static Outcome Fail(string message, Provenance? evidence = null) => new(FindingStatus.Fail, message, evidence);

    /// <summary>The rule cannot decide.</summary>
    public static Outcome Unknown(string message, Provenance? evidence = null) => new(FindingStatus.Unknown, message, evidence);

    /// <summary>
    /// The common shape "this boolean must be true": Known true passes, Known false fails, Unknown is Unknown.
    /// </summary>
    public static Outcome MustBeTrue(Value<bool> value, string passMessage, string failMessage) =>
        value.IsUnknown
            ? Unknown($"{failMessage.TrimEnd('.')}? Cannot tell: {value.UnknownReason}.", value.Source)
            : value.Get()
                ? Pass(passMessage)
                : Fail(failMessage, value.Source);

    /// <summary>"This boolean must be false".</summary>
    public static Outcome MustBeFalse(Value<bool> value, string passMessage, string failMessage) =>
        MustBeTrue(value.Map(v => !v), passMessage, failMessage);
}
