using PciZone.Compliance;

namespace PciZone.Reporting;

/// <summary>Counts of findings per status; mutable while a report is tallied.</summary>
internal sealed class StatusCounts
{
    public int Pass { get; private set; }

    public int Fail { get; private set; }

    public int Unknown { get; private set; }

    public int Suppressed { get; private set; }

    public int Total => Pass + Fail + Unknown + Suppressed;

    public void Add(FindingStatus status)
    {
        switch (status)
        {
            case FindingStatus.Pass: Pass++; break;
            case FindingStatus.Fail: Fail++; break;
            case FindingStatus.Unknown: Unknown++; break;
            default: Suppressed++; break;
        }
    }

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public void Add(StatusCounts other)
    {
        Pass += other.Pass;
        Fail += other.Fail;
        Unknown += other.Unknown;
        Suppressed += other.Suppressed;
    }
}

/// <summary>The findings of one requirement, tallied for the summaries.</summary>
internal sealed record RequirementTally(string Id, Requirement? Requirement, StatusCounts Counts);
