using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;
using PciZone.Vault.Server.Tests.Support;

namespace PciZone.Vault.Server.Tests;

public sealed partial class ServiceTests
{
    private const string Pan = "4111111111111111";

    [Fact]
    public async Task Tokenize_WithoutCredentials_Is401_AndHealthIsAnonymous()
    {
        await using var s = await TestServer.StartAsync();

        (await s.Client.SendAsync(TestServer.Post("/v1/tokenize", $"{{\"pan\":\"{Pan}\"}}"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await s.Client.SendAsync(TestServer.Post("/v1/tokenize", $"{{\"pan\":\"{Pan}\"}}", apiKey: "not-a-key"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await s.Client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.Client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Roles_TokenizeOnlyCannotDetokenizeOrRotate_DetokenizeCanDetokenize_AdminCanRotate()
    {
        await using var s = await TestServer.StartAsync();
        var created = await s.Client.SendAsync(TestServer.Post("/v1/tokenize", $"{{\"pan\":\"{Pan}\"}}", TestServer.TokenizeKey));
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        var detok = $"{{\"token\":\"{token}\"}}";

        (await s.Client.SendAsync(TestServer.Post("/v1/detokenize", detok, TestServer.TokenizeKey))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.Client.SendAsync(TestServer.Post("/v1/keys/rotate", "{\"purpose\":\"ff1\"}", TestServer.TokenizeKey))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.Client.SendAsync(TestServer.Post("/v1/keys/rotate", "{\"purpose\":\"ff1\"}", TestServer.DetokenizeKey))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var back = await s.Client.SendAsync(TestServer.Post("/v1/detokenize", detok, TestServer.DetokenizeKey));
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await back.Content.ReadAsStringAsync())!["pan"]!.GetValue<string>().ShouldBe(Pan);
        (await s.Client.SendAsync(TestServer.Post("/v1/keys/rotate", "{\"purpose\":\"ff1\"}", TestServer.AdminKey))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Jwt_ValidTokenWithRole_IsAccepted_ForgedOrExpiredIsRejected()
    {
        await using var s = await TestServer.StartAsync();
        var good = Jwt(TestServer.JwtSecret, "settlement-batch", "detokenize", DateTime.UtcNow.AddMinutes(5));
        var forged = Jwt(Convert.ToBase64String(new byte[32]), "settlement-batch", "detokenize", DateTime.UtcNow.AddMinutes(5));
        var expired = Jwt(TestServer.JwtSecret, "settlement-batch", "detokenize", DateTime.UtcNow.AddMinutes(-5));
        var body = $"{{\"pan\":\"{Pan}\"}}";

        (await s.Client.SendAsync(TestServer.Post("/v1/tokenize", body, bearer: good))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.Client.SendAsync(TestServer.Post("/v1/tokenize", body, bearer: forged))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await s.Client.SendAsync(TestServer.Post("/v1/tokenize", body, bearer: expired))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("{\"pan\":", "")]
    [InlineData("{}", "missing-pan")]
    [InlineData("{\"pan\":\"4111-1111-1111-111x\"}", "not-digits")]
    [InlineData("{\"pan\":\"41111111111\"}", "bad-length")]
    [InlineData("{\"pan\":\"4111111111111112\"}", "luhn")]
    public async Task Tokenize_BadInput_Is400ProblemWithCodeAndWithoutTheInput(string body, string code)
    {
        await using var s = await TestServer.StartAsync();

        var r = await s.Client.SendAsync(TestServer.Post("/v1/tokenize", body, TestServer.TokenizeKey));

        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var text = await r.Content.ReadAsStringAsync();
        if (code.Length > 0)
        {
            JsonNode.Parse(text)!["code"]!.GetValue<string>().ShouldBe(code);
        }

        text.ShouldNotContain("41111111111");
    }

    [Fact]
    public async Task Batch_OverTheLimit_Is400_AndOversizedBody_Is413()
    {
        await using var s = await TestServer.StartAsync(o => o with { MaxBatchItems = 3, MaxRequestBytes = 2_000 });
        var four = "{\"pans\":[" + string.Join(",", Enumerable.Repeat($"\"{Pan}\"", 4)) + "]}";
        var huge = "{\"pans\":[" + string.Join(",", Enumerable.Repeat($"\"{Pan}\"", 200)) + "]}";

        var r = await s.Client.SendAsync(TestServer.Post("/v1/tokenize/batch", four, TestServer.TokenizeKey));
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await r.Content.ReadAsStringAsync())!["code"]!.GetValue<string>().ShouldBe("batch-size");
        (await s.Client.SendAsync(TestServer.Post("/v1/tokenize/batch", huge, TestServer.TokenizeKey))).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Batch_MixedItems_ReportPerItemErrorsInOrder()
    {
        await using var s = await TestServer.StartAsync();
        var body = $"{{\"pans\":[\"{Pan}\",\"123\",\"5555555555554444\"]}}";

        var r = await s.Client.SendAsync(TestServer.Post("/v1/tokenize/batch", body, TestServer.TokenizeKey));

        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var items = JsonNode.Parse(await r.Content.ReadAsStringAsync())!["items"]!.AsArray();
        items.Count.ShouldBe(3);
        items[0]!["token"].ShouldNotBeNull();
        items[1]!["error"]!.GetValue<string>().ShouldBe("bad-length");
        items[2]!["token"].ShouldNotBeNull();
    }

    [Fact]
    public async Task RateLimit_PerClient_Answers429WhenTheBucketIsEmpty()
    {
        await using var s = await TestServer.StartAsync(o => o with { RatePerSecond = 1, RateBurst = 3 });
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            codes.Add((await s.Client.SendAsync(TestServer.Post("/v1/mask", $"{{\"pan\":\"{Pan}\"}}", TestServer.TokenizeKey))).StatusCode);
        }

        codes.ShouldContain(HttpStatusCode.TooManyRequests);
        // Another client has its own bucket.
        (await s.Client.SendAsync(TestServer.Post("/v1/mask", $"{{\"pan\":\"{Pan}\"}}", TestServer.AdminKey))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApi_DocumentListsTheEndpoints()
    {
        await using var s = await TestServer.StartAsync();

        var doc = JsonNode.Parse(await s.Client.GetStringAsync("/openapi/v1.json"))!;

        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/v1/tokenize");
        paths.ShouldContain("/v1/detokenize/batch");
        paths.ShouldContain("/v1/keys/rotate");
    }

    [Fact]
    public async Task Logs_UnderLoadWithErrors_ContainNoCardNumber()
    {
        await using var s = await TestServer.StartAsync();
        string[] pans = ["4111111111111111", "5555555555554444", "378282246310005", "4000056655665556", "6011111111111117"];
        var tasks = new List<Task>();
        for (var i = 0; i < 400; i++)
        {
            var pan = pans[i % pans.Length];
            var body = i % 7 == 0 ? $"{{\"pan\":\"{pan}9\"}}" : i % 11 == 0 ? $"{{\"pan\":{pan}" : $"{{\"pan\":\"{pan}\"}}";
            var key = i % 13 == 0 ? "wrong-key" : TestServer.TokenizeKey;
            tasks.Add(s.Client.SendAsync(TestServer.Post(i % 2 == 0 ? "/v1/tokenize" : "/v1/mask", body, key)));
        }

        await Task.WhenAll(tasks);

        s.Logs.ShouldNotBeEmpty();
        s.Logs.Where(ContainsCardNumber).ShouldBeEmpty();
    }

    private static bool ContainsCardNumber(string line) =>
        DigitRun().Matches(line).Any(m => Luhn(m.Value));

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex("[0-9]{13,19}")]
    private static partial Regex DigitRun();

    private static string Jwt(string secretBase64, string subject, string role, DateTime expires)
    {
        var key = new SymmetricSecurityKey(Convert.FromBase64String(secretBase64));
        var token = new JwtSecurityToken("https://idp.example.com", "pcizone-vault",
            [new Claim("sub", subject), new Claim("roles", role)], DateTime.UtcNow.AddMinutes(-10), expires,
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
