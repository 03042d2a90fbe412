using System.Text.RegularExpressions;
using PciZone.Vault.Tests.Support;
using PciZone.Vault.Contracts;
using PciZone.Vault.Keys;
using PciZone.Vault.Service;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Tests.Service.Support;

/// <summary>A real <see cref="TokenVault"/> and <see cref="KeyRing"/> over the in-memory store.</summary>
internal sealed partial class VaultHarness : IAsyncDisposable
{
    public static readonly string[] TestPans = ["4111111111111111", "5555555555554444", "378282246310005", "4000056655665556", "6011111111111117"];

    private VaultHarness(InMemoryVaultStore store, KeyRing ring, TimeProvider time)
    {
        Store = store;
        Ring = ring;
        Vault = new TokenVault(store, ring, time);
    }

    public InMemoryVaultStore Store { get; }

    public KeyRing Ring { get; }

    public TokenVault Vault { get; }

    public static async Task<VaultHarness> CreateAsync(TimeProvider? time = null)
    {
        var store = new InMemoryVaultStore();
        var ring = await KeyRing.OpenAsync(store, new TestKek(), new KeyRingOptions(TimeSpan.FromDays(365)), time ?? TimeProvider.System, TestContext.Current.CancellationToken);
        return new VaultHarness(store, ring, time ?? TimeProvider.System);
    }

    /// <summary>Every 13-19 digit run in any audit field that passes the Luhn check, i.e. anything that could be a card number.</summary>
    public IReadOnlyList<string> LuhnValidDigitRunsInAudit() =>
        [.. Store.Audit
            .SelectMany(e => new[] { e.Actor, e.Action, e.Subject, e.Outcome })
            .SelectMany(field => DigitRun().Matches(field).Select(m => m.Value))
            .Where(run => run.Length is >= 13 and <= 19 && Luhn.IsValid(run))];

    public ValueTask DisposeAsync()
    {
        Vault.Dispose();
        Ring.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex DigitRun();
}
