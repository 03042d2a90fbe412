using System.Security.Cryptography;
using PciZone.Vault.Tests.Support;
using PciZone.Vault.Keys;
using PciZone.Vault.Tests.Keys.Fakes;

namespace PciZone.Vault.Tests.Keys;

public sealed class AwsKmsKeyTests : IDisposable
{
    private const string Arn = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private readonly LoopbackKms kms = new();

    public void Dispose() => kms.Dispose();

    private AwsKmsKey Connect(string arn = Arn) => AwsKmsKey.Connect(new AwsKmsOptions(arn)
    {
        EndpointUrl = kms.Url,
        AccessKeyId = "AKIAIOSFODNN7EXAMPLE",
        SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    });

    [Fact]
    public async Task WrapThenUnwrap_ThroughTheSdk_RoundTripsWithPurposeContext()
    {
        using var key = Connect();
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var wrapped = await key.WrapAsync(dataKey, TestContext.Current.CancellationToken);
        var back = await key.UnwrapAsync(wrapped, TestContext.Current.CancellationToken);

        back.ShouldBe(dataKey);
        key.Provider.ShouldBe("aws-kms");
        key.KeyId.ShouldBe(Arn);
        var calls = kms.Calls.ToArray();
        calls.Select(c => c.Target).ShouldBe(["TrentService.Encrypt", "TrentService.Decrypt"]);
        foreach (var call in calls)
        {
            call.ContentType.ShouldStartWith("application/x-amz-json-1.1");
            call.Authorization.ShouldNotBeNull().ShouldContain("/us-west-2/kms/aws4_request");
            call.Body["KeyId"]!.GetValue<string>().ShouldBe(Arn);
            call.Body["EncryptionContext"]!["pcizone:purpose"]!.GetValue<string>().ShouldBe("vault-data-key");
        }
    }

    [Fact]
    public async Task KeyRing_UnderKms_CreatesKeysAndReopensThroughTheSdk()
    {
        var store = new InMemoryVaultStore();
        var options = new KeyRingOptions(TimeSpan.FromDays(365));
        using var key = Connect();
        byte[] ff1;
        using (var ring = await KeyRing.OpenAsync(store, key, options, TimeProvider.System, TestContext.Current.CancellationToken))
        {
            ff1 = ring.Current(Contracts.KeyPurpose.Ff1).Material.ToArray();
        }

        store.Keys.ShouldAllBe(k => k.KekProvider == "aws-kms" && k.KekId == Arn);
        using var reopened = await KeyRing.OpenAsync(store, key, options, TimeProvider.System, TestContext.Current.CancellationToken);
        reopened.Current(Contracts.KeyPurpose.Ff1).Material.ToArray().ShouldBe(ff1);
        kms.Calls.Count(c => c.Target == "TrentService.Decrypt").ShouldBe(3);
    }

    [Theory]
    [InlineData("Encrypt", "AccessDeniedException", "access denied")]
    [InlineData("Encrypt", "NotFoundException", "does not exist")]
    [InlineData("Encrypt", "DisabledException", "disabled")]
    [InlineData("Encrypt", "KMSInvalidStateException", "state")]
    [InlineData("Decrypt", "AccessDeniedException", "kms:Decrypt")]
    [InlineData("Decrypt", "NotFoundException", "does not exist")]
    [InlineData("Decrypt", "DisabledException", "disabled")]
    [InlineData("Decrypt", "InvalidCiphertextException", "modified")]
    public async Task KmsError_IsAClearExceptionNamingTheKey(string operation, string code, string explanation)
    {
        using var key = Connect();
        var wrapped = await key.WrapAsync(new byte[32], TestContext.Current.CancellationToken);
        kms.Fail(operation, code);

        var ex = await Should.ThrowAsync<KeyManagementException>(() => operation == "Encrypt"
            ? key.WrapAsync(new byte[32], TestContext.Current.CancellationToken)
            : key.UnwrapAsync(wrapped, TestContext.Current.CancellationToken));

        ex.ProviderErrorCode.ShouldBe(code);
        ex.Message.ShouldContain(Arn);
        ex.Message.ShouldContain(code);
        ex.Message.ShouldContain(explanation);
    }

    [Fact]
    public async Task UnwrapAsync_BlobOfAnotherKey_FailsAsKmsDoes()
    {
        using var first = Connect();
        using var second = Connect(Arn.Replace("1234abcd", "0987dcba", StringComparison.Ordinal));
        var wrapped = await first.WrapAsync(new byte[32], TestContext.Current.CancellationToken);
        var ex = await Should.ThrowAsync<KeyManagementException>(() => second.UnwrapAsync(wrapped, TestContext.Current.CancellationToken));
        ex.ProviderErrorCode.ShouldBe("InvalidCiphertextException");
    }

    [Fact]
    public async Task UnwrapAsync_AnswerNamesAnotherKey_IsRefused()
    {
        using var key = Connect();
        var wrapped = await key.WrapAsync(new byte[32], TestContext.Current.CancellationToken);
        kms.AnswerKeyId = "arn:aws:kms:us-west-2:111122223333:key/ffffffff-12ab-34cd-56ef-1234567890ab";
        (await Should.ThrowAsync<KeyManagementException>(() => key.UnwrapAsync(wrapped, TestContext.Current.CancellationToken)))
            .Message.ShouldContain("not the configured key");
    }

    [Theory]
    [InlineData("arn:aws:kms:us-west-2:111122223333:alias/pcizone")]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws:s3:::bucket")]
    public void Connect_NotAKeyArn_Throws(string arn) =>
        Should.Throw<ArgumentException>(() => AwsKmsKey.Connect(new AwsKmsOptions(arn)));

    [Fact]
    public void Options_ToString_HidesTheSecret()
    {
        var options = new AwsKmsOptions(Arn) { AccessKeyId = "AKIAIOSFODNN7EXAMPLE", SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
        options.ToString().ShouldNotContain("wJalr");
    }

    [Fact]
    public void KmsKeyArn_Parse_TakesRegionFromTheArn()
    {
        var arn = KmsKeyArn.Parse("arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/abc");
        arn.Region.ShouldBe("us-gov-west-1");
        arn.Id.ShouldBe("abc");
    }
}
