using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace PciZone.Monitoring.Aws.Sqs;

/// <summary>Where messages go that cannot be processed: a dead-letter queue, or a folder of JSON files.</summary>
internal sealed class DeadLetterPath(IAmazonSQS sqs, SqsS3SourceOptions options, TimeProvider time)
{
    /// <summary>Message attribute that carries the reason on the dead-letter queue.</summary>
    public const string ReasonAttribute = "PciZone.DeadLetterReason";

    /// <summary>Message attribute that carries the original queue's message id.</summary>
    public const string SourceMessageIdAttribute = "PciZone.SourceMessageId";

    /// <summary>Message attribute that carries how often the message had been received.</summary>
    public const string ReceiveCountAttribute = "PciZone.ReceiveCount";

    // SQS caps a string attribute at the message size limit, but a reason is for humans: keep it short.
    private const int MaxReasonLength = 1024;

    public async Task WriteAsync(Message message, int receiveCount, string reason, CancellationToken cancellationToken)
    {
        reason = reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
        if (options.DeadLetterQueueUrl is { } queueUrl)
        {
            await sqs.SendMessageAsync(new SendMessageRequest
            {
                QueueUrl = queueUrl,
                MessageBody = string.IsNullOrEmpty(message.Body) ? "(empty)" : message.Body,
                MessageAttributes = new Dictionary<string, MessageAttributeValue>(StringComparer.Ordinal)
                {
                    [ReasonAttribute] = new() { DataType = "String", StringValue = reason },
                    [SourceMessageIdAttribute] = new() { DataType = "String", StringValue = message.MessageId },
                    [ReceiveCountAttribute] = new()
                    {
                        DataType = "Number", StringValue = receiveCount.ToString(CultureInfo.InvariantCulture),
                    },
                },
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        await WriteFileAsync(options.DeadLetterFolder!, message, receiveCount, reason, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteFileAsync(
        string folder, Message message, int receiveCount, string reason, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var letter = new DeadLetter(
            message.MessageId, options.QueueUrl, receiveCount, reason, time.GetUtcNow(), message.Body ?? string.Empty);
        var name = SafeName(message.MessageId) + ".json";
        var temporary = Path.Combine(folder, name + ".tmp");

        // Written aside and moved, so a reader of the folder never sees half a file.
        await File.WriteAllBytesAsync(
            temporary, JsonSerializer.SerializeToUtf8Bytes(letter, DeadLetterJson.Default.DeadLetter), cancellationToken)
            .ConfigureAwait(false);
        File.Move(temporary, Path.Combine(folder, name), overwrite: true);
    }

    private static string SafeName(string? messageId)
    {
        var id = string.IsNullOrEmpty(messageId) ? "message" : messageId;
        return string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
    }
}

/// <summary>The JSON file written to the dead-letter folder.</summary>
internal sealed record DeadLetter(
    string? MessageId, string QueueUrl, int ReceiveCount, string Reason, DateTimeOffset DeadLetteredAt, string Body);

[System.Text.Json.Serialization.JsonSerializable(typeof(DeadLetter))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(
    PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
internal sealed partial class DeadLetterJson : System.Text.Json.Serialization.JsonSerializerContext;
