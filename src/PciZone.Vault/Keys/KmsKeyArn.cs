namespace PciZone.Vault.Keys;

/// <summary>A KMS key ARN: <c>arn:partition:kms:region:account:key/key-id</c>. Aliases are refused because the
/// stored KEK id must keep naming the same key after an alias is moved.</summary>
internal readonly record struct KmsKeyArn(string Partition, string Region, string Account, string Id)
{
    public static KmsKeyArn Parse(string arn)
    {
        ArgumentException.ThrowIfNullOrEmpty(arn);
        var parts = arn.Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || !parts[1].StartsWith("aws", StringComparison.Ordinal) || parts[2] != "kms"
            || parts[3].Length == 0 || parts[4].Length == 0 || !parts[5].StartsWith("key/", StringComparison.Ordinal) || parts[5].Length <= 4)
        {
            throw new ArgumentException($"'{arn}' is not a KMS key ARN (arn:aws:kms:region:account:key/key-id); aliases are not accepted.", nameof(arn));
        }

        return new KmsKeyArn(parts[1], parts[3], parts[4], parts[5][4..]);
    }
}
