namespace PciZone.Estate;

/// <summary>Where a value or resource came from: a file and line, and the address inside that input.</summary>
/// <remarks>
/// Every attribute of every resource carries one, so attribute provenance is cheap: it shares its
/// resource's provenance and composes the dotted address only when someone reads it.
/// </remarks>
public sealed class Provenance : IEquatable<Provenance>
{
    private readonly Provenance? _parent;
    private readonly string? _subAddress;
    private string? _address;

    /// <summary>Creates a provenance.</summary>
    /// <param name="file">The input file (plan JSON, template, or the .tf source the plan points to).</param>
    /// <param name="line">1-based line, or 0 when the input has no line for it (a plan JSON value).</param>
    /// <param name="address">The plan address, CloudFormation logical id and property path, or ARN.</param>
    public Provenance(string file, int line, string address)
    {
        File = file;
        Line = line;
        _address = address;
    }

    private Provenance(Provenance parent, string subAddress, int line)
    {
        File = parent.File;
        Line = line;
        _parent = parent;
        _subAddress = subAddress;
    }

    /// <summary>Provenance for values that nobody wrote down (AWS defaults applied by a reader).</summary>
    public static Provenance None { get; } = new("", 0, "");

    /// <summary>The input file.</summary>
    public string File { get; }

    /// <summary>1-based line, or 0.</summary>
    public int Line { get; }

    /// <summary>The address inside the input (resource address, then a dotted attribute path).</summary>
    public string Address => _address ??= _parent!.Address.Length == 0 ? _subAddress! : $"{_parent.Address}.{_subAddress}";

    /// <summary>The same place with another address (a property below the resource).</summary>
    public Provenance At(string subAddress, int line = 0) => new(this, subAddress, line > 0 ? line : Line);

    /// <inheritdoc />
    public bool Equals(Provenance? other) =>
        other is not null && (ReferenceEquals(this, other) ||
                              (Line == other.Line && string.Equals(File, other.File, StringComparison.Ordinal) &&
                               string.Equals(Address, other.Address, StringComparison.Ordinal)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Provenance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(File, Line, Address);

    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line} ({Address})" : $"{File} ({Address})";

    /// <summary>Equality.</summary>
    public static bool operator ==(Provenance? left, Provenance? right) => left?.Equals(right) ?? right is null;

    /// <summary>Inequality.</summary>
    public static bool operator !=(Provenance? left, Provenance? right) => !(left == right);
}
