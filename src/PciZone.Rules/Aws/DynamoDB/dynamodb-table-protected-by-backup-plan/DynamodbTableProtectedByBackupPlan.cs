using PciZone.Estate;
using PciZone.Rules.Aws.Backup;

namespace PciZone.Rules.Aws.DynamoDB;

internal sealed class DynamodbTableProtectedByBackupPlan : BackupProtectedRule<DynamoDbTable>
{
    protected override string Noun => "table";
}
