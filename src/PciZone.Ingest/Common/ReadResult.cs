using PciZone.Estate;

namespace PciZone.Ingest;

/// <summary>The input formats PciZone reads.</summary>
public enum InputFormat
{
    /// <summary>Terraform plan JSON (<c>terraform show -json</c>).</summary>
    TerraformPlan,

    /// <summary>CloudFormation template in JSON or YAML.</summary>
    CloudFormation,
}

/// <summary>A problem with one input: a one-line message naming the file and, where known, the line.</summary>
/// <param name="Line">1-based line; 0 when there is none.</param>
public sealed record InputError(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>A note about the input that is not an error (a resource type with no model, a companion with no primary).</summary>
public sealed record InputNote(string File, string Address, string Message);

/// <summary>One input that was read.</summary>
public sealed record InputFile(string Path, InputFormat Format, int ResourceCount);

/// <summary>A file found while walking a directory that is neither a plan nor a template.</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>What reading one file produced.</summary>
public sealed record FileReadResult(IReadOnlyList<Resource> Resources, IReadOnlyList<InputError> Errors, IReadOnlyList<InputNote> Notes)
{
    /// <summary>A file that failed as a whole.</summary>
    public static FileReadResult Failed(InputError error) => new([], [error], []);
}

/// <summary>What reading all inputs of a scan produced.</summary>
public sealed record LoadResult(
    AwsEstate Estate,
    IReadOnlyList<InputFile> Inputs,
    IReadOnlyList<SkippedFile> Skipped,
    IReadOnlyList<InputError> Errors,
    IReadOnlyList<InputNote> Notes);
