using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

internal sealed class KmsCdeDataStoreUsesCustomerManagedKey : IRule
{
    /// <inheritdoc />
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    /// <inheritdoc />
    public IReadOnlyList<Type> EstateTypes => [typeof(S3Bucket), typeof(RdsInstance), typeof(RdsCluster), typeof(DynamoDbTable), typeof(KmsKey)];

    /// <inheritdoc />
    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context)
    {
        foreach (var r in context.Estate.Resources)
        {
            // A cluster member's storage key is the cluster's, judged there.
            if (!CdeKeys.IsCde(r) || r is RdsInstance { IsClusterMember: true })
            {
                continue;
            }

            var outcome = r switch
            {
                S3Bucket b => Bucket(b, context.Estate),
                RdsInstance i => Encrypted(i.StorageEncrypted, i.KmsKey, "aws/rds", context.Estate),
                RdsCluster c => Encrypted(c.StorageEncrypted, c.KmsKey, "aws/rds", context.Estate),
                DynamoDbTable t => Encrypted(t.KmsEncryption, t.KmsKey, "aws/dynamodb", context.Estate, "the AWS-owned key"),
                _ => null,
            };
            if (outcome is not null)
            {
                yield return (r, outcome);
            }
        }
    }

    private static Outcome Bucket(S3Bucket bucket, AwsEstate estate)
    {
        if (bucket.Encryption.IsUnknown)
        {
            return Outcome.Unknown($"Default encryption cannot be read: {bucket.Encryption.UnknownReason}.", bucket.Encryption.Source);
        }

        // Elastic Load Balancing delivers access logs only to buckets encrypted with SSE-S3.
        if (bucket.Policy.GetOrDefault() is { } policy && S3.S3PolicyFacts.AllowsElbLogDelivery(policy))
        {
            return Outcome.Pass("CDE bucket receives load balancer access logs, which AWS delivers only to SSE-S3 buckets; a customer managed key cannot be used.");
        }

        if (bucket.Encryption.Get() is not { } encryption)
        {
            return Outcome.Fail("CDE bucket has no default encryption configuration: S3 applies SSE-S3 with an S3-owned key.", bucket.Encryption.Source);
        }

        var isKms = encryption.Algorithm.Map(a => a.StartsWith("aws:kms", StringComparison.Ordinal));
        return Encrypted(isKms, encryption.KmsKey, "aws/s3", estate, "SSE-S3 (an S3-owned key)");
    }

    private static Outcome Encrypted(Value<bool> usesKms, Value<ResourceRef?> key, string managedAlias, AwsEstate estate, string without = "no encryption at rest")
    {
        if (usesKms.IsUnknown)
        {
            return Outcome.Unknown($"Encryption cannot be read: {usesKms.UnknownReason}.", usesKms.Source);
        }

        if (!usesKms.Get())
        {
            return Outcome.Fail($"CDE data store uses {without}, not a customer managed KMS key.", usesKms.Source);
        }

        if (key.IsUnknown)
        {
            return Outcome.Unknown($"The KMS key cannot be read: {key.UnknownReason}.", key.Source);
        }

        if (key.Get() is not { } reference)
        {
            return Outcome.Fail($"CDE data store is encrypted with the AWS managed key {managedAlias}, not a customer managed key.", key.Source);
        }

        if (CdeKeys.Resolve(estate, reference) is { } cmk)
        {
            return Outcome.Pass($"CDE data store is encrypted with the customer managed key {cmk.Address}.");
        }

        if (reference.Literal is { } literal && literal.Contains("alias/aws/", StringComparison.Ordinal))
        {
            return Outcome.Fail($"CDE data store names the AWS managed key {literal}, not a customer managed key.", key.Source);
        }

        return reference.Address is { } address && address.StartsWith("data.", StringComparison.Ordinal)
            ? Outcome.Unknown($"The key comes from {address}, which may be an AWS managed key.", key.Source)
            : Outcome.Pass($"CDE data store is encrypted with the customer managed key {reference}.");
    }
}
