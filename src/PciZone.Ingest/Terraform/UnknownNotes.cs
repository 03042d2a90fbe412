using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>
/// The <see cref="UnknownAttribute"/> of each attribute path of a plan, made once: every instance of
/// a type has the same computed attributes (<c>arn</c>, <c>id</c>), so tens of thousands of unknown
/// values share a few reason texts instead of each keeping its own text and provenance.
/// </summary>
internal sealed class UnknownNotes
{
    private readonly Dictionary<string, UnknownAttribute> _byPath = new(StringComparer.Ordinal);

    /// <summary>The note for <paramref name="path"/> below a resource (no nested-block prefix).</summary>
    public UnknownAttribute For(string path)
    {
        if (!_byPath.TryGetValue(path, out var note))
        {
            _byPath[path] = note = new UnknownAttribute(Reason(path), path);
        }

        return note;
    }

    /// <summary>Why an attribute at <paramref name="path"/> is unknown.</summary>
    public static string Reason(string path) => $"{path} is known only after apply";
}
