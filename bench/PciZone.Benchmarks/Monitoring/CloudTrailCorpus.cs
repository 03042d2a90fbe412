using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace PciZone.Benchmarks.Monitoring;

/// <summary>
/// A seeded synthetic CloudTrail corpus: gzip log files of 1,000 records (about 1.5 KB each as JSON), with
/// the mix a busy organisation trail shows: EC2 describes, STS, S3 data events, KMS, sign-ins, IAM and
/// security-group changes, service principals. Accounts, ARNs and addresses are documentation examples.
/// </summary>
internal static class CloudTrailCorpus
{
    private static readonly (string Source, string Name, int Weight)[] Events =
    [
        ("ec2.amazonaws.com", "DescribeInstances", 14), ("ec2.amazonaws.com", "DescribeSecurityGroups", 6),
        ("sts.amazonaws.com", "AssumeRole", 14), ("s3.amazonaws.com", "GetObject", 16), ("s3.amazonaws.com", "PutObject", 8),
        ("kms.amazonaws.com", "Decrypt", 10), ("kms.amazonaws.com", "GenerateDataKey", 6), ("logs.amazonaws.com", "PutLogEvents", 6),
        ("lambda.amazonaws.com", "Invoke", 4), ("dynamodb.amazonaws.com", "GetItem", 4), ("signin.amazonaws.com", "ConsoleLogin", 2),
        ("iam.amazonaws.com", "GetRole", 3), ("iam.amazonaws.com", "AttachRolePolicy", 1), ("iam.amazonaws.com", "CreateAccessKey", 1),
        ("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", 1), ("cloudtrail.amazonaws.com", "LookupEvents", 2),
        ("secretsmanager.amazonaws.com", "GetSecretValue", 2),
    ];

    private static readonly string[] Regions = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2"];
    private static readonly string[] Accounts = ["111122223333", "444455556666", "777788889999"];
    private static readonly string[] Buckets = ["app-assets-111122223333", "org-cloudtrail-logs-111122223333", "pcz-cardholder-data-111122223333", "reports-444455556666"];

    /// <summary>Gzip log files, each of <paramref name="recordsPerFile"/> records.</summary>
    public static List<byte[]> Files(int files, int recordsPerFile = 1000, int seed = 42)
    {
        var random = new Random(seed);
        var total = Events.Sum(e => e.Weight);
        var result = new List<byte[]>(files);
        var start = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        for (var f = 0; f < files; f++)
        {
            using var raw = new MemoryStream();
            using (var gzip = new GZipStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            using (var w = new Utf8JsonWriter(gzip))
            {
                w.WriteStartObject();
                w.WriteStartArray("Records");
                for (var i = 0; i < recordsPerFile; i++)
                {
                    var pick = random.Next(total);
                    var e = Events[0];
                    foreach (var candidate in Events)
                    {
                        if ((pick -= candidate.Weight) < 0)
                        {
                            e = candidate;
                            break;
                        }
                    }

                    Record(w, random, e.Source, e.Name, start.AddMilliseconds(((long)f * recordsPerFile + i) * 37));
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            result.Add(raw.ToArray());
        }

        return result;
    }

    private static void Record(Utf8JsonWriter w, Random random, string source, string name, DateTimeOffset time)
    {
        var account = Accounts[random.Next(Accounts.Length)];
        var region = Regions[random.Next(Regions.Length)];
        w.WriteStartObject();
        w.WriteString("eventVersion", "1.09");
        Identity(w, random, account, source);
        w.WriteString("eventTime", time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteString("eventSource", source);
        w.WriteString("eventName", name);
        w.WriteString("awsRegion", region);
        w.WriteString("sourceIPAddress", random.Next(4) == 0 ? "ec2.amazonaws.com" : $"203.0.113.{random.Next(1, 255)}");
        w.WriteString("userAgent", random.Next(2) == 0 ? "aws-sdk-java/2.25.10 Linux/5.10.219-208.866.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.11+9-LTS Java/17.0.11 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/standard" : "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.debian.12 prompt/off command/ec2.describe-instances");
        if (random.Next(20) == 0)
        {
            w.WriteString("errorCode", "AccessDenied");
            w.WriteString("errorMessage", "User is not authorized to perform this operation");
        }

        Request(w, random, name, account, region);
        w.WriteNull("responseElements");
        w.WriteString("requestID", Guid(random).ToUpperInvariant());
        w.WriteString("eventID", Guid(random));
        w.WriteBoolean("readOnly", name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("Get", StringComparison.Ordinal));
        w.WriteStartArray("resources");
        w.WriteStartObject();
        w.WriteString("accountId", account);
        w.WriteString("type", "AWS::KMS::Key");
        w.WriteString("ARN", $"arn:aws:kms:{region}:{account}:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("eventType", "AwsApiCall");
        w.WriteBoolean("managementEvent", source != "s3.amazonaws.com");
        w.WriteString("recipientAccountId", account);
        w.WriteString("eventCategory", source == "s3.amazonaws.com" ? "Data" : "Management");
        w.WriteStartObject("tlsDetails");
        w.WriteString("tlsVersion", "TLSv1.3");
        w.WriteString("cipherSuite", "TLS_AES_128_GCM_SHA256");
        w.WriteString("clientProvidedHostHeader", $"{source.Split('.')[0]}.{region}.amazonaws.com");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Identity(Utf8JsonWriter w, Random random, string account, string source)
    {
        w.WriteStartObject("userIdentity");
        var kind = random.Next(100);
        if (kind < 60)
        {
            var role = random.Next(3) switch { 0 => "payment-api", 1 => "ci-deploy", _ => "analytics-reader" };
            w.WriteString("type", "AssumedRole");
            w.WriteString("principalId", "AROAEXAMPLEID:session-" + random.Next(1000));
            w.WriteString("arn", $"arn:aws:sts::{account}:assumed-role/{role}/session-{random.Next(1000)}");
            w.WriteString("accountId", account);
            w.WriteString("accessKeyId", "ASIAEXAMPLEKEY" + random.Next(100000));
            w.WriteStartObject("sessionContext");
            w.WriteStartObject("sessionIssuer");
            w.WriteString("type", "Role");
            w.WriteString("principalId", "AROAEXAMPLEID");
            w.WriteString("arn", $"arn:aws:iam::{account}:role/{role}");
            w.WriteString("accountId", account);
            w.WriteString("userName", role);
            w.WriteEndObject();
            w.WriteStartObject("attributes");
            w.WriteString("creationDate", "2024-05-01T00:00:00Z");
            w.WriteString("mfaAuthenticated", "false");
            w.WriteEndObject();
            w.WriteEndObject();
        }
        else if (kind < 85)
        {
            w.WriteString("type", "IAMUser");
            w.WriteString("principalId", "AIDACKCEVSQ6C2EXAMPLE");
            w.WriteString("arn", $"arn:aws:iam::{account}:user/user{random.Next(50)}");
            w.WriteString("accountId", account);
            w.WriteString("userName", "user" + random.Next(50));
        }
        else if (kind < 99)
        {
            w.WriteString("type", "AWSService");
            w.WriteString("invokedBy", source);
        }
        else
        {
            w.WriteString("type", "Root");
            w.WriteString("principalId", account);
            w.WriteString("arn", $"arn:aws:iam::{account}:root");
            w.WriteString("accountId", account);
        }

        w.WriteEndObject();
    }

    private static void Request(Utf8JsonWriter w, Random random, string name, string account, string region)
    {
        w.WriteStartObject("requestParameters");
        switch (name)
        {
            case "GetObject" or "PutObject":
                w.WriteString("bucketName", Buckets[random.Next(Buckets.Length)]);
                w.WriteString("Host", "bucket.s3.amazonaws.com");
                w.WriteString("key", $"data/2024/05/01/part-{random.Next(100000):D5}.parquet");
                break;
            case "AuthorizeSecurityGroupIngress":
                w.WriteString("groupId", "sg-0123456789abcdef0");
                w.WriteStartObject("ipPermissions");
                w.WriteStartArray("items");
                for (var i = 0; i < 2; i++)
                {
                    w.WriteStartObject();
                    w.WriteString("ipProtocol", "tcp");
                    w.WriteNumber("fromPort", i == 0 ? 443 : 22);
                    w.WriteNumber("toPort", i == 0 ? 443 : 22);
                    w.WriteStartObject("ipRanges");
                    w.WriteStartArray("items");
                    w.WriteStartObject();
                    w.WriteString("cidrIp", random.Next(10) == 0 ? "0.0.0.0/0" : "10.0.0.0/8");
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                break;
            case "AssumeRole":
                w.WriteString("roleArn", $"arn:aws:iam::{account}:role/payment-api");
                w.WriteString("roleSessionName", "session-" + random.Next(1000));
                w.WriteNumber("durationSeconds", 3600);
                break;
            case "Decrypt" or "GenerateDataKey":
                w.WriteString("keyId", $"arn:aws:kms:{region}:{account}:key/1234abcd-12ab-34cd-56ef-1234567890ab");
                w.WriteString("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
                w.WriteStartObject("encryptionContext");
                w.WriteString("aws:lambda:FunctionArn", $"arn:aws:lambda:{region}:{account}:function:payments");
                w.WriteEndObject();
                break;
            default:
                w.WriteStartObject("filterSet");
                w.WriteStartArray("items");
                w.WriteStartObject();
                w.WriteString("name", "tag:Environment");
                w.WriteString("value", "production");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteNumber("maxResults", 100);
                break;
        }

        w.WriteEndObject();
    }

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new System.Guid(bytes).ToString();
    }
}
