using System.Text;

namespace PciZone.Scope.Tests.Output;

/// <summary>A strict RFC 4180 reader for checking the writer: records end in CRLF, quoted fields may hold anything.</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("unterminated quoted field");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }
            }

            while (i < text.Length && text[i] != ',' && text[i] != '\r')
            {
                if (text[i] is '"' or '\n')
                {
                    throw new FormatException($"bare {(text[i] == '"' ? "quote" : "LF")} at {i}");
                }

                field.Append(text[i++]);
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            if (i + 1 >= text.Length || text[i + 1] != '\n')
            {
                throw new FormatException($"record not ended by CRLF at {i}");
            }

            records.Add([.. fields]);
            fields.Clear();
            i += 2;
        }

        return records;
    }
}
