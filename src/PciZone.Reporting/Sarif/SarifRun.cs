using System.Text.Json;

namespace PciZone.Reporting;

/// <summary>The run-level parts of a SARIF log besides tool and results: invocation and base URIs.</summary>
internal static class SarifRun
{
    // Read errors and skipped files travel as tool notifications so a viewer can tell an incomplete
    // scan from a clean one.
    public static void WriteInvocation(Utf8JsonWriter w, ScanReport report, ArtifactUris uris)
    {
        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", report.Errors.Count == 0);
        if (report.Errors.Count + report.Skipped.Count > 0)
        {
            w.WriteStartArray("toolExecutionNotifications");
            foreach (var e in report.Errors)
            {
                WriteNotification(w, "error", e.Message, e.File, e.Line, uris);
            }

            foreach (var s in report.Skipped)
            {
                WriteNotification(w, "note", $"Skipped: {s.Reason}", s.Path, 0, uris);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteNotification(Utf8JsonWriter w, string level, string message, string file, int line, ArtifactUris uris)
    {
        w.WriteStartObject();
        w.WriteString("level", level);
        SarifRules.WriteText(w, "message", message);
        if (file.Length > 0)
        {
            w.WriteStartArray("locations");
            w.WriteStartObject();
            SarifReportWriter.WritePhysical(w, file, line, uris);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    public static void WriteBase(Utf8JsonWriter w, ScanReport report)
    {
        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject(SarifReportWriter.SourceRoot);
        if (report.SourceRoot is { Length: > 0 } root)
        {
            w.WriteString("uri", ArtifactUris.DirectoryUri(root));
        }
        else
        {
            SarifRules.WriteText(w, "description", "The directory the scan was run on; finding paths are relative to it.");
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
