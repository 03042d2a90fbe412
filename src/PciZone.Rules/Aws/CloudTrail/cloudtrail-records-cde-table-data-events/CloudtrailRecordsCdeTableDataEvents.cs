using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailRecordsCdeTableDataEvents : ResourceRule<DynamoDbTable>
{
    private const string TableType = "AWS::DynamoDB::Table";

    public override IReadOnlyList<Type> EstateTypes => [typeof(DynamoDbTable), typeof(Trail)];

    protected override bool AppliesTo(DynamoDbTable table, RuleContext context) => CdeTags.IsCde(table);

    protected override Outcome Check(DynamoDbTable table, RuleContext context)
    {
        var coverage = context.Estate.Memo("cloudtrail-dynamodb-data-events", Coverage);
        if (coverage.Read is { } r && coverage.Write is { } w)
        {
            return Outcome.Pass(r == w
                ? $"Trail {r} records item-level reads and writes in every DynamoDB table, this cardholder-data table included."
                : $"Trail {r} records item-level reads and trail {w} writes in every DynamoDB table.");
        }

        var missing = (coverage.Read, coverage.Write) switch
        {
            (null, null) => "item-level reads or writes",
            (_, null) => "item-level writes",
            _ => "item-level reads",
        };
        return coverage.Undecided.Count > 0
            ? Outcome.Unknown($"No trail is known to record {missing} in this cardholder-data table; cannot tell for {string.Join(", ", coverage.Undecided)}.")
            : Outcome.Fail($"No logging trail records {missing} (DynamoDB data events) in this cardholder-data table, so access to the cardholder data in it leaves no audit trail.");
    }

    // Which trails record DynamoDB data events in every table, read and write; ARN-filtered selectors
    // cannot be matched to a table offline and leave the trail undecided.
    private static TableCoverage Coverage(AwsEstate estate)
    {
        string? read = null, write = null;
        var undecided = new List<string>();
        foreach (var trail in estate.OfType<Trail>().Where(t => !t.IsLogging.IsKnown || t.IsLogging.Get()))
        {
            if (trail.AdvancedEventSelectors.IsUnknown || trail.EventSelectors.IsUnknown || trail.IsLogging.IsUnknown)
            {
                undecided.Add($"{trail.Address} (selectors or logging unknown until apply)");
                continue;
            }

            var advanced = trail.AdvancedEventSelectors.Get();
            var parts = advanced.Count > 0
                ? advanced.Where(s => Has(s, "eventCategory", "Data") && Has(s, "resources.type", TableType))
                    .Select(s => (All: !s.FieldSelectors.Any(f => Is(f, "resources.ARN")), RW: ReadWrite(s)))
                : trail.EventSelectors.Get().SelectMany(s => s.DataResources.Where(d => d.Type == TableType)
                    .Select(d => (All: d.Values.Any(v => v is "arn:aws:dynamodb"), RW: ReadWrite(s.ReadWriteType))));
            foreach (var (all, (r, w)) in parts)
            {
                if (!all)
                {
                    undecided.Add($"{trail.Address} (records named tables only)");
                    continue;
                }

                read ??= r ? trail.Address : null;
                write ??= w ? trail.Address : null;
            }
        }

        return new TableCoverage(read, write, undecided.Distinct().ToList());
    }

    private static (bool Read, bool Write) ReadWrite(TrailAdvancedSelector s)
    {
        var readOnly = s.FieldSelectors.FirstOrDefault(f => Is(f, "readOnly"))?.EqualsTo ?? [];
        return (readOnly.Count == 0 || readOnly.Contains("true", StringComparer.OrdinalIgnoreCase),
            readOnly.Count == 0 || readOnly.Contains("false", StringComparer.OrdinalIgnoreCase));
    }

    private static (bool Read, bool Write) ReadWrite(Value<string> readWriteType) => readWriteType.GetOrDefault("All") switch
    {
        "ReadOnly" => (true, false),
        "WriteOnly" => (false, true),
        _ => (true, true),
    };

    private static bool Has(TrailAdvancedSelector s, string field, string value) =>
        s.FieldSelectors.Any(f => Is(f, field) && f.EqualsTo.Contains(value, StringComparer.Ordinal));

    private static bool Is(TrailFieldSelector f, string field) => string.Equals(f.Field, field, StringComparison.OrdinalIgnoreCase);

    private sealed record TableCoverage(string? Read, string? Write, IReadOnlyList<string> Undecided);
}
