using PciZone.Estate;

namespace PciZone.Rules.Aws.DynamoDB;

internal sealed class DynamodbTablePointInTimeRecoveryEnabled : ResourceRule<DynamoDbTable>
{
    protected override Outcome Check(DynamoDbTable table, RuleContext context) =>
        Outcome.MustBeTrue(
            table.PointInTimeRecovery,
            "Point-in-time recovery is enabled.",
            "Point-in-time recovery is disabled.");
}
