using System.Text.Json;
using PciZone.Estate;
using PciZone.Ingest.CloudFormation;
using PciZone.Ingest.Terraform;

namespace PciZone.Ingest;

/// <summary>
/// Reads files and directories into one estate. A JSON file is recognised as a plan or a template by
/// its content; YAML files are templates. Files named on the command line that are neither are
/// errors; files found by walking a directory that are neither are listed as skipped.
/// </summary>
public static class InputLoader
{
    /// <summary>Largest input read at all; bigger files are refused before parsing.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    private static readonly string[] TemplateExtensions = [".yaml", ".yml", ".template", ".json"];
    private static readonly string[] IgnoredDirectories = [".git", ".terraform", "node_modules", "bin", "obj"];

    /// <summary>Loads every path (file or directory) into one estate.</summary>
    public static LoadResult Load(IEnumerable<string> paths)
    {
        var resources = new List<Resource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inputs = new List<InputFile>();
        var skipped = new List<SkippedFile>();
        var errors = new List<InputError>();
        var notes = new List<InputNote>();

        foreach (var (file, explicitlyNamed) in Expand(paths, errors))
        {
            var outcome = ReadFile(file, "", out var format);
            if (outcome.NotRecognised is { } reason)
            {
                if (explicitlyNamed)
                {
                    errors.Add(new InputError(file, 0, reason));
                }
                else
                {
                    skipped.Add(new SkippedFile(file, reason));
                }

                continue;
            }

            var result = outcome.Result!;
            // The first input cannot clash with anything: skip hashing its addresses twice.
            if (seen.Count > 0 && result.Resources.Any(r => seen.Contains(r.Address)))
            {
                // Two inputs declare the same address: qualify this file's addresses with its path.
                result = ReadFile(file, file + "#", out _).Result!;
            }

            foreach (var r in result.Resources)
            {
                seen.Add(r.Address);
            }

            resources.AddRange(result.Resources);
            errors.AddRange(result.Errors);
            notes.AddRange(result.Notes);
            if (result.Errors.Count == 0 || result.Resources.Count > 0)
            {
                inputs.Add(new InputFile(file, format, result.Resources.Count));
            }
        }

        return new LoadResult(new AwsEstate(resources), inputs, skipped, errors, notes);
    }

    private sealed record Outcome(FileReadResult? Result, string? NotRecognised);

    private static Outcome ReadFile(string file, string addressPrefix, out InputFormat format)
    {
        format = InputFormat.CloudFormation;
        try
        {
            var info = new FileInfo(file);
            if (info.Length > MaxFileBytes)
            {
                return new Outcome(FileReadResult.Failed(new InputError(file, 0,
                    $"file is {info.Length / (1024 * 1024)} MB; inputs larger than {MaxFileBytes / (1024 * 1024)} MB are refused")), null);
            }

            using var mapped = MappedFile.Open(file);
            var bytes = mapped.Memory;
            var ext = Path.GetExtension(file).ToLowerInvariant();
            if (ext == ".json")
            {
                var kind = JsonSniffer.Sniff(bytes.Span, out var error);
                if (error is not null)
                {
                    return new Outcome(FileReadResult.Failed(new InputError(file, error.Value.Line, error.Value.Message)), null);
                }

                switch (kind)
                {
                    case JsonKind.Plan:
                        format = InputFormat.TerraformPlan;
                        return new Outcome(TerraformPlanReader.Read(file, bytes, addressPrefix), null);
                    case JsonKind.Template:
                        return new Outcome(CloudFormationReader.Read(file, bytes.ToArray(), addressPrefix), null);
                    default:
                        return new Outcome(null, "JSON is neither a Terraform plan (terraform show -json) nor a CloudFormation template");
                }
            }

            // Templates are small and their reader keeps the text: they get their own copy.
            var text = bytes.ToArray();
            if (!CloudFormationReader.LooksLikeTemplate(text))
            {
                return new Outcome(null, "YAML has no top-level Resources section; not a CloudFormation template");
            }

            return new Outcome(CloudFormationReader.Read(file, text, addressPrefix), null);
        }
        catch (IOException ex)
        {
            return new Outcome(FileReadResult.Failed(new InputError(file, 0, $"cannot read file: {ex.Message}")), null);
        }
        catch (UnauthorizedAccessException ex)
        {
            return new Outcome(FileReadResult.Failed(new InputError(file, 0, $"cannot read file: {ex.Message}")), null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A reader defect must cost one file, not the scan: report it like unreadable input.
            return new Outcome(FileReadResult.Failed(new InputError(file, 0, $"internal error while reading: {ex.GetType().Name}: {ex.Message}")), null);
        }
    }

    private static IEnumerable<(string File, bool Explicit)> Expand(IEnumerable<string> paths, List<InputError> errors)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return (path, true);
            }
            else if (Directory.Exists(path))
            {
                foreach (var f in Walk(path))
                {
                    yield return (f, false);
                }
            }
            else
            {
                errors.Add(new InputError(path, 0, "no such file or directory"));
            }
        }
    }

    private static IEnumerable<string> Walk(string dir)
    {
        var files = Directory.EnumerateFiles(dir)
            .Where(f => TemplateExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal);
        foreach (var f in files)
        {
            yield return f;
        }

        foreach (var sub in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
        {
            if (!IgnoredDirectories.Contains(Path.GetFileName(sub)))
            {
                foreach (var f in Walk(sub))
                {
                    yield return f;
                }
            }
        }
    }
}

internal enum JsonKind
{
    Neither,
    Plan,
    Template,
}

/// <summary>Decides plan or template from the top-level keys, without building a document.</summary>
internal static class JsonSniffer
{
    public static JsonKind Sniff(ReadOnlySpan<byte> bytes, out (int Line, string Message)? error)
    {
        error = null;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 512, CommentHandling = JsonCommentHandling.Skip });
        var kind = JsonKind.Neither;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return JsonKind.Neither;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                if (name is "format_version" or "terraform_version" or "planned_values" or "resource_changes")
                {
                    // Terraform writes these first; the plan reader parses (and validates) the rest.
                    return JsonKind.Plan;
                }
                else if (name is "AWSTemplateFormatVersion" or "Resources" && kind == JsonKind.Neither)
                {
                    kind = JsonKind.Template;
                }

                reader.Read();
                reader.Skip();
            }

            return kind;
        }
        catch (JsonException ex)
        {
            error = (JsonErrors.Line(ex), $"malformed JSON: {JsonErrors.Message(ex)}");
            return JsonKind.Neither;
        }
    }
}
