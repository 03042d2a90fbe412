namespace PciZone.Monitoring.Pipeline;

/// <summary>What a log object turned out to be.</summary>
public enum ObjectKind
{
    /// <summary>A CloudTrail log file with a <c>Records</c> array.</summary>
    CloudTrail,

    /// <summary>A CloudTrail digest file: skipped by design.</summary>
    Digest,

    /// <summary>Valid JSON (or not JSON at all) that is not a CloudTrail log file.</summary>
    NotCloudTrail,

    /// <summary>Truncated gzip or malformed JSON: the records read before the damage are kept.</summary>
    Corrupt,
}

/// <summary>One problem found in an input, named by object and position; never record content.</summary>
/// <param name="ObjectKey">The object.</param>
/// <param name="Position">Record index or byte offset, as text (<c>record 17</c>, <c>byte 40211</c>).</param>
/// <param name="Message">What is wrong.</param>
public sealed record InputProblem(string ObjectKey, string Position, string Message);

/// <summary>Counters for one processed object.</summary>
/// <param name="Kind">What the object was.</param>
/// <param name="Records">Records read and evaluated.</param>
/// <param name="Duplicates">Records skipped because their <c>eventID</c> was seen before.</param>
/// <param name="Skipped">Records skipped because they lack required fields.</param>
/// <param name="Problems">Problems, each naming the object and position.</param>
public sealed record ObjectResult(ObjectKind Kind, long Records, long Duplicates, long Skipped, IReadOnlyList<InputProblem> Problems);
