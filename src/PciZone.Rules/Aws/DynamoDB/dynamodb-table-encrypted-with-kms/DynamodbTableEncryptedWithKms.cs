using PciZone.Estate;

namespace PciZone.Rules.Aws.DynamoDB;

internal sealed class DynamodbTableEncryptedWithKms : ResourceRule<DynamoDbTable>
{
    protected override Outcome Check(DynamoDbTable table, RuleContext context)
    {
        if (!table.KmsEncryption.TryGet(out var kms))
        {
            return Outcome.Unknown($"Table encryption cannot be read: {table.KmsEncryption.UnknownReason}.", table.KmsEncryption.Source);
        }

        if (!kms)
        {
            return Outcome.Fail(
                "Table is encrypted only with the AWS-owned key, which the account can neither control nor audit.",
                table.KmsEncryption.Source);
        }

        return table.KmsKey.GetOrDefault() is { } key
            ? Outcome.Pass($"Table is encrypted with KMS key {key}.")
            : Outcome.Pass("Table is encrypted with a KMS key (the AWS managed aws/dynamodb key unless named).");
    }
}
