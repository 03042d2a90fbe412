using PciZone.Estate;

namespace PciZone.Rules.Aws.EFS;

internal sealed class EfsFileSystemEncryptedAtRest : ResourceRule<EfsFileSystem>
{
    protected override Outcome Check(EfsFileSystem fs, RuleContext context) =>
        Outcome.MustBeTrue(fs.Encrypted,
            $"File system is encrypted at rest with {(fs.KmsKey.GetOrDefault() is { } key ? $"KMS key {key}" : "the AWS managed key aws/elasticfilesystem")}.",
            "File system is not encrypted at rest (encryption can only be chosen when the file system is created).");
}
