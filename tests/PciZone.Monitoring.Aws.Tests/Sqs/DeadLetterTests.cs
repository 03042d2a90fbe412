using System.Text.Json;
using PciZone.Monitoring.Aws.Tests.Loopback;

namespace PciZone.Monitoring.Aws.Tests.Sqs;

public sealed class DeadLetterTests : IAsyncLifetime
{
    private readonly AwsHarness aws = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "pcizone-dlq-" + Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await aws.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task FailAsync_BelowMaxReceives_MessageIsRedeliveredWithAHigherReceiveCount()
    {
        var id = aws.Queue.Send(Fixtures.Notification(aws.PutLog(1)));
        var source = aws.Source();

        await AwsHarness.DrainAsync(source, d => d.FailAsync("detector crashed", TestContext.Current.CancellationToken));

        // MaxReceives is 3: two failures give it back, the third dead-letters it.
        source.Counters.Retried.ShouldBe(2);
        source.Counters.DeadLettered.ShouldBe(1);
        aws.Queue.Deleted.ShouldBe([id]);
    }

    [Fact]
    public async Task FailAsync_WithBackOff_MessageIsHiddenUntilTheDelayPasses()
    {
        aws.Queue.Send(Fixtures.Notification(aws.PutLog(1)));
        var source = aws.Source(aws.Options with { RetryDelay = TimeSpan.FromMinutes(10) });

        var deliveries = await AwsHarness.DrainAsync(source, d => d.FailAsync("transient", TestContext.Current.CancellationToken));

        deliveries.ShouldHaveSingleItem();
        var message = aws.Queue.Messages.ShouldHaveSingleItem();
        message.VisibleAt.ShouldBeGreaterThan(TimeProvider.System.GetUtcNow().AddMinutes(9));
    }

    [Fact]
    public async Task FailAsync_AtMaxReceives_MovesTheMessageToTheDeadLetterQueueWithTheReason()
    {
        var body = Fixtures.Notification(aws.PutLog(1));
        var id = aws.Queue.Send(body);
        var source = aws.Source();

        var deliveries = await AwsHarness.DrainAsync(source, d => d.FailAsync("detector crashed", TestContext.Current.CancellationToken));

        deliveries.Count.ShouldBe(3);
        aws.Queue.Messages.ShouldBeEmpty();
        var letter = aws.DeadLetters.Messages.ShouldHaveSingleItem();
        letter.Body.ShouldBe(body);
        letter.Attributes["PciZone.DeadLetterReason"].Value.ShouldBe("failed 3 times; last: detector crashed");
        letter.Attributes["PciZone.SourceMessageId"].Value.ShouldBe(id);
        letter.Attributes["PciZone.ReceiveCount"].ShouldBe(("Number", "3"));
        source.Counters.Problems.ShouldContain(p => p.ObjectKey == "sqs:" + id && p.Message.Contains("detector crashed"));
    }

    [Fact]
    public async Task FailAsync_AtMaxReceivesWithoutQueue_WritesTheDeadLetterFolder()
    {
        var body = Fixtures.Notification(aws.PutLog(1));
        var id = aws.Queue.Send(body);
        var source = aws.Source(aws.Options with { DeadLetterQueueUrl = null, DeadLetterFolder = folder, MaxReceives = 2 });

        await AwsHarness.DrainAsync(source, d => d.FailAsync("bad gzip", TestContext.Current.CancellationToken));

        aws.Queue.Messages.ShouldBeEmpty();
        aws.DeadLetters.Messages.ShouldBeEmpty();
        var file = Directory.GetFiles(folder).ShouldHaveSingleItem();
        using var letter = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        letter.RootElement.GetProperty("messageId").GetString().ShouldBe(id);
        letter.RootElement.GetProperty("reason").GetString().ShouldBe("failed 2 times; last: bad gzip");
        letter.RootElement.GetProperty("receiveCount").GetInt32().ShouldBe(2);
        letter.RootElement.GetProperty("body").GetString().ShouldBe(body);
        letter.RootElement.GetProperty("queueUrl").GetString().ShouldBe(aws.Queue.Url);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadAsync_PoisonBody_IsDeadLetteredAtOnce(bool toFolder)
    {
        var id = aws.Queue.Send("This is a test message");
        var options = toFolder ? aws.Options with { DeadLetterQueueUrl = null, DeadLetterFolder = folder } : aws.Options;
        var source = aws.Source(options);

        var deliveries = await AwsHarness.DrainAsync(source);

        deliveries.ShouldBeEmpty();
        aws.Queue.Messages.ShouldBeEmpty();
        aws.Queue.Deleted.ShouldBe([id]);
        source.Counters.PoisonMessages.ShouldBe(1);
        source.Counters.DeadLettered.ShouldBe(1);
        var reason = toFolder
            ? JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(folder).ShouldHaveSingleItem(), TestContext.Current.CancellationToken))
                .RootElement.GetProperty("reason").GetString()
            : aws.DeadLetters.Messages.ShouldHaveSingleItem().Attributes["PciZone.DeadLetterReason"].Value;
        reason.ShouldNotBeNull().ShouldStartWith("poison message: not JSON");
    }

    [Fact]
    public void Constructor_WithoutDeadLetterPath_IsRejected()
    {
        var error = Should.Throw<ArgumentException>(() => aws.Source(aws.Options with { DeadLetterQueueUrl = null }));

        error.Message.ShouldContain("DeadLetterFolder");
    }
}
