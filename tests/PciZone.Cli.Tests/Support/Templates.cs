namespace PciZone.Cli.Tests.Support;

/// <summary>Small CloudFormation inputs whose outcome for PCZ-S3-002 (public access blocked) is known.</summary>
internal static class Templates
{
    /// <summary>The rule every scan test pins with --rule, so other rules landing does not move the results.</summary>
    public const string Rule = "PCZ-S3-002";

    /// <summary>Address of the failing bucket in <see cref="FailingBucket"/>.</summary>
    public const string FailingAddress = "CardExportBucket";

    /// <summary>A bucket with no public access block: fails PCZ-S3-002 (high).</summary>
    public const string FailingBucket =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          CardExportBucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: card-export
        """;

    /// <summary>A bucket with every public access setting on: passes PCZ-S3-002.</summary>
    public const string PassingBucket =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          LockedBucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: locked
              PublicAccessBlockConfiguration:
                BlockPublicAcls: true
                BlockPublicPolicy: true
                IgnorePublicAcls: true
                RestrictPublicBuckets: true
        """;

    /// <summary>A bucket whose public access settings come from a parameter without a default: PCZ-S3-002 cannot decide.</summary>
    public const string UnknownBucket =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Block:
            Type: String
        Resources:
          MaybeBucket:
            Type: AWS::S3::Bucket
            Properties:
              PublicAccessBlockConfiguration:
                BlockPublicAcls: !Ref Block
                BlockPublicPolicy: !Ref Block
                IgnorePublicAcls: !Ref Block
                RestrictPublicBuckets: !Ref Block
        """;
}
