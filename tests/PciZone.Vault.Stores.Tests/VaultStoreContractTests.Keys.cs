using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores.Tests;

public abstract partial class VaultStoreContractTests
{
    private static StoredDataKey Key(KeyPurpose purpose, int version, byte fill = 7) => new(
        purpose,
        version,
        Enumerable.Repeat(fill, 40).ToArray(),
        "local",
        "kek-1",
        T0.AddDays(version),
        T0.AddDays(version).AddTicks(3),
        null,
        T0.AddDays(version + 365));

    [Fact]
    public async Task AddKeyAsync_NewVersion_RetiresPreviousActiveVersionOfThatPurposeOnly()
    {
        await Store.AddKeyAsync(Key(KeyPurpose.Lookup, 1), Ct);
        await Store.AddKeyAsync(Key(KeyPurpose.FieldEncryption, 1), Ct);
        var v2 = Key(KeyPurpose.Lookup, 2, fill: 9);

        await Store.AddKeyAsync(v2, Ct);

        var keys = await Store.GetKeysAsync(Ct);
        keys.Count.ShouldBe(3);
        var lookup1 = keys.Single(k => k is { Purpose: KeyPurpose.Lookup, Version: 1 });
        lookup1.RetiredAt.ShouldNotBeNull().UtcTicks.ShouldBe(v2.ActivatedAt.UtcTicks);
        var lookup2 = keys.Single(k => k is { Purpose: KeyPurpose.Lookup, Version: 2 });
        lookup2.RetiredAt.ShouldBeNull();
        lookup2.WrappedKey.ShouldBe(v2.WrappedKey);
        lookup2.KekProvider.ShouldBe("local");
        lookup2.KekId.ShouldBe("kek-1");
        lookup2.CreatedAt.UtcTicks.ShouldBe(v2.CreatedAt.UtcTicks);
        lookup2.ActivatedAt.UtcTicks.ShouldBe(v2.ActivatedAt.UtcTicks);
        lookup2.CryptoPeriodEnds.UtcTicks.ShouldBe(v2.CryptoPeriodEnds.UtcTicks);
        keys.Single(k => k.Purpose == KeyPurpose.FieldEncryption).RetiredAt.ShouldBeNull();
    }

    [Fact]
    public async Task AddKeyAsync_ExistingVersion_ThrowsAndChangesNothing()
    {
        await Store.AddKeyAsync(Key(KeyPurpose.Ff1, 1), Ct);
        await Store.AddKeyAsync(Key(KeyPurpose.Ff1, 2), Ct);
        var other = await OpenAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => other.AddKeyAsync(Key(KeyPurpose.Ff1, 2, fill: 1), Ct));

        var keys = await Store.GetKeysAsync(Ct);
        keys.Count.ShouldBe(2);
        keys.Single(k => k.Version == 2).WrappedKey.ShouldBe(Key(KeyPurpose.Ff1, 2).WrappedKey);
        keys.Single(k => k.Version == 2).RetiredAt.ShouldBeNull();
    }

    [Fact]
    public async Task UpdateWrappedKeyAsync_ExistingVersion_ReplacesWrappedMaterialAndKek()
    {
        await Store.AddKeyAsync(Key(KeyPurpose.FieldEncryption, 1), Ct);
        byte[] rewrapped = [5, 4, 3, 2, 1];

        await Store.UpdateWrappedKeyAsync(KeyPurpose.FieldEncryption, 1, rewrapped, "aws-kms", "arn:aws:kms:eu-west-1:111122223333:key/k2", Ct);

        var key = (await Store.GetKeysAsync(Ct)).ShouldHaveSingleItem();
        key.WrappedKey.ShouldBe(rewrapped);
        key.KekProvider.ShouldBe("aws-kms");
        key.KekId.ShouldBe("arn:aws:kms:eu-west-1:111122223333:key/k2");
        key.ActivatedAt.UtcTicks.ShouldBe(Key(KeyPurpose.FieldEncryption, 1).ActivatedAt.UtcTicks);
    }

    [Fact]
    public async Task UpdateWrappedKeyAsync_UnknownVersion_ThrowsKeyNotFound()
    {
        await Should.ThrowAsync<KeyNotFoundException>(() => Store.UpdateWrappedKeyAsync(KeyPurpose.Lookup, 9, [1], "local", "kek", Ct));
    }

    [Fact]
    public async Task AddKeyAsync_DuplicatesRacingWithTokenInserts_FailAloneWhileOtherWritesCommit()
    {
        var outcomes = await RaceAsync(8, async i =>
        {
            if (i % 2 == 0)
            {
                try
                {
                    await Store.AddKeyAsync(Key(KeyPurpose.Lookup, 1), Ct);
                    return "key";
                }
                catch (InvalidOperationException)
                {
                    return "duplicate";
                }
            }

            return (await Store.InsertOrGetAsync(Record($"tok-{i}", $"400005665566555{i}"), Ct)).Token;
        });

        outcomes.Count(o => o == "key").ShouldBe(1);
        outcomes.Count(o => o == "duplicate").ShouldBe(3);
        (await ScalarAsync("SELECT COUNT(*) FROM vault_tokens")).ShouldBe(4);
        (await Store.GetKeysAsync(Ct)).ShouldHaveSingleItem();
    }
}
