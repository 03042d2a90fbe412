using PciZone.Estate;

namespace PciZone.Rules.Aws.SSM;

internal sealed class SsmDocumentNotPublic : ResourceRule<SsmDocument>
{
    protected override Outcome Check(SsmDocument document, RuleContext context) =>
        Outcome.MustBeFalse(
            document.SharedWith.Map(ids => ids.Contains("All", StringComparer.OrdinalIgnoreCase)),
            document.SharedWith.GetOrDefault([])!.Count > 0
                ? $"Document is shared only with named accounts ({string.Join(", ", document.SharedWith.Get())})."
                : "Document is not shared with other accounts.",
            "Document is shared with All, so every AWS account can read and run it.");
}
