using System.Globalization;
using System.Text;
using System.Xml;
using PciZone.Compliance;

namespace PciZone.Reporting;

/// <summary>
/// JUnit XML for CI test tabs: a test suite per rule, a test case per rule and resource. A failure
/// is a failed test; unknown and suppressed findings are skipped tests; read errors become an extra
/// suite of errored tests so an incomplete scan cannot look green.
/// </summary>
internal sealed class JUnitReportWriter : IReportWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        OmitXmlDeclaration = true,
    };

    public string Name => "junit";

    public void Write(ScanReport report, TextWriter output)
    {
        var facts = new ReportFacts(report);
        var suites = JUnitCases.Build(report, facts);

        // The declaration is written by hand: XmlWriter would take the encoding from the TextWriter
        // (UTF-16 for a StringWriter), and the CLI writes reports as UTF-8.
        output.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        using (var x = XmlWriter.Create(output, Settings))
        {
            x.WriteStartElement("testsuites");
            x.WriteAttributeString("name", Wording.ToolName);
            Counts(x, suites.Sum(s => s.Cases.Count), suites.Sum(s => s.Failures), suites.Sum(s => s.Errors), suites.Sum(s => s.Skipped));
            foreach (var suite in suites)
            {
                x.WriteStartElement("testsuite");
                x.WriteAttributeString("name", Clean(suite.Name));
                Counts(x, suite.Cases.Count, suite.Failures, suite.Errors, suite.Skipped);
                foreach (var c in suite.Cases)
                {
                    WriteCase(x, c);
                }

                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        output.Write('\n');
        output.Flush();
    }

    private static void WriteCase(XmlWriter x, JUnitCase c)
    {
        x.WriteStartElement("testcase");
        x.WriteAttributeString("classname", Clean(c.ClassName));
        x.WriteAttributeString("name", Clean(c.Name));
        if (c.File.Length > 0)
        {
            x.WriteAttributeString("file", Clean(c.File));
        }

        if (c.Outcome is { } element)
        {
            x.WriteStartElement(element);
            x.WriteAttributeString("message", Clean(c.Message));
            if (c.Type is { } type)
            {
                x.WriteAttributeString("type", type);
            }

            if (c.Detail.Length > 0)
            {
                x.WriteString(Clean(c.Detail));
            }

            x.WriteEndElement();
        }

        x.WriteEndElement();
    }

    private static void Counts(XmlWriter x, int tests, int failures, int errors, int skipped)
    {
        x.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        x.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        x.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        x.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Replaces characters XML 1.0 cannot carry (control characters, lone surrogates) with U+FFFD.</summary>
    internal static string Clean(string text)
    {
        var bad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsXmlChar(text, i))
            {
                bad = i;
                break;
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        if (bad < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsXmlChar(text, i))
            {
                sb.Append('\uFFFD');
            }
            else if (char.IsHighSurrogate(text[i]))
            {
                sb.Append(text, i++, 2);
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    private static bool IsXmlChar(string text, int i) =>
        char.IsHighSurrogate(text[i])
            ? i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])
            : XmlConvert.IsXmlChar(text[i]);
}
