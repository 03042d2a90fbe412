using System.Net;
using System.Text.Json.Nodes;
using PciZone.Cli.Tests.Support;
using PciZone.Vault.Stores;

namespace PciZone.Cli.Tests.VaultCmd;

/// <summary>Issue 7, item 3: SIGKILL during a stream of tokenisations loses no acknowledged token, and a restart carries on.</summary>
public sealed class VaultServeSigkillTests(SigkillRun run, ITestOutputHelper output) : IClassFixture<SigkillRun>
{
    private const int Workers = 8;

    [Fact]
    public void Stream_UntilSigkill_AcknowledgedHundredsOfNewTokensThenEveryLoopFailed()
    {
        output.WriteLine($"{run.Acknowledged.Count} tokens acknowledged before SIGKILL of {run.SentPans.Count} sent; {run.InFlightAtKill} in flight at the kill; loops ended by: {string.Join(", ", run.Failures)}");

        run.Acknowledged.Count.ShouldBeGreaterThanOrEqualTo(200);
        run.Acknowledged.ShouldAllBe(a => a.Created, "every PAN of the stream is new");
        run.Acknowledged.Select(a => a.Token).Distinct().Count().ShouldBe(run.Acknowledged.Count);
        run.Failures.Count.ShouldBe(SigkillRun.LoopCount, "each loop ends with exactly one request failing against the killed process");
        run.Failures.ShouldAllBe(f => f.EndsWith("Exception", StringComparison.Ordinal), "no request was refused with an HTTP status");
    }

    [Fact]
    public async Task Detokenize_AfterSigkillAndRestart_EveryAcknowledgedTokenGivesItsPan()
    {
        var wrong = await ForEachAcknowledgedAsync(async a =>
        {
            using var response = await run.PostAsync("v1/detokenize", $$"""{"token":"{{a.Token}}"}""", run.DetokenizeKey);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return response.StatusCode == HttpStatusCode.OK && body["pan"]!.GetValue<string>() == a.Pan
                ? null
                : $"token {a.Token}: HTTP {(int)response.StatusCode}";
        });

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task Tokenize_AfterSigkillAndRestart_AcknowledgedPanGetsSameTokenNotCreated()
    {
        var wrong = await ForEachAcknowledgedAsync(async a =>
        {
            using var response = await run.PostAsync("v1/tokenize", $$"""{"pan":"{{a.Pan}}"}""", run.TokenizeKey);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return response.StatusCode == HttpStatusCode.OK && body["token"]!.GetValue<string>() == a.Token && !body["created"]!.GetValue<bool>()
                ? null
                : $"the PAN acknowledged as {a.Token}: HTTP {(int)response.StatusCode}, token {body["token"]}, created {body["created"]}";
        });

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task Tokenize_AfterRestart_NewPanCreatesToken()
    {
        using var response = await run.PostAsync("v1/tokenize", """{"pan":"4111111111111111"}""", run.TokenizeKey);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        body["created"]!.GetValue<bool>().ShouldBeTrue();
        run.Acknowledged.ShouldNotContain(a => a.Token == body["token"]!.GetValue<string>());
    }

    [Fact]
    public void AuditVerify_AfterSigkill_ChainIntact()
    {
        var result = Pcizone.Run("vault", "audit", "verify", "--data", run.Data);

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldStartWith("audit chain intact: ");
    }

    [Fact]
    public async Task Audit_AfterSigkill_RecordsEveryAcknowledgedTokenisation()
    {
        var store = SqliteVaultStore.Open(Path.Combine(run.Data, "vault.db"));
        try
        {
            var tokenized = new HashSet<string>(StringComparer.Ordinal);
            for (long from = 1; ; from += 5_000)
            {
                var page = await store.ReadAuditAsync(from, 5_000, TestContext.Current.CancellationToken);
                tokenized.UnionWith(page.Where(e => e.Action == "tokenize" && e.Outcome == "ok").Select(e => e.Subject));
                if (page.Count < 5_000)
                {
                    break;
                }
            }

            run.Acknowledged.Where(a => !tokenized.Contains(a.Token)).Select(a => a.Token).ShouldBeEmpty();
        }
        finally
        {
            store.Dispose();
        }
    }

    [Fact]
    public void Logs_OfStreamAndKill_HoldNoCardNumber()
    {
        var logs = run.FirstRunOutput + run.Restarted.Output;
        output.WriteLine(logs);

        logs.ShouldContain("vault listening on", customMessage: "the child's output was captured");
        CardNumbers.LuhnValidRuns(logs).ShouldBeEmpty();
        run.SentPans.Where(pan => logs.Contains(pan, StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void LuhnValidRuns_CardNumberInText_Found()
    {
        // The scanner must see what it is meant to catch, or the log test above proves nothing.
        var text = $"id kek-{new string('0', 13)}1fa808d306610f1c36baf926db2f1b07 pan={CardNumbers.Sequential(42)}; other 4111111111111112 and 12345";

        CardNumbers.LuhnValidRuns(text).ShouldBe([CardNumbers.Sequential(42)]);
        CardNumbers.IsLuhnValid("5555555555554444").ShouldBeTrue();
        CardNumbers.IsLuhnValid("378282246310005").ShouldBeTrue();
    }

    private async Task<List<string>> ForEachAcknowledgedAsync(Func<(string Pan, string Token, bool Created), Task<string?>> check)
    {
        var acknowledged = run.Acknowledged;
        acknowledged.ShouldNotBeEmpty();
        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < acknowledged.Count)
            {
                if (await check(acknowledged[i]) is { } problem)
                {
                    problems.Enqueue(problem);
                }
            }
        })));
        return [.. problems.Take(20)];
    }
}
