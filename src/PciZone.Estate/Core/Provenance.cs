namespace PciZone.Estate;

/// <summary>Where a value or resource came from: a file and line, and the address inside that input.</summary>
/// <param name="File">The input file (plan JSON, template, or the .tf source the plan points to).</param>
/// <param name="Line">1-based line, or 0 when the input has no line for it (a plan JSON value).</param>
/// <param name="Address">The plan address, CloudFormation logical id and property path, or ARN.</param>
public sealed record Provenance(string File, int Line, string Address)
{
    /// <summary>Provenance for values that nobody wrote down (AWS defaults applied by a reader).</summary>
    public static Provenance None { get; } = new("", 0, "");

    /// <summary>The same place with another address (a property below the resource).</summary>
    public Provenance At(string subAddress, int line = 0) =>
        new(File, line > 0 ? line : Line, Address.Length == 0 ? subAddress : $"{Address}.{subAddress}");

    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line} ({Address})" : $"{File} ({Address})";
}
