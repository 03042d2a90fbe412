using System.Text.Json;
using System.Text.Json.Nodes;

namespace PciZone.Monitoring.Aws.Tests.Loopback;

/// <summary>
/// The SQS JSON protocol (awsJson1_0, as AWSSDK.SQS v4 speaks it): POST /, <c>X-Amz-Target: AmazonSQS.Op</c>,
/// bodies and errors shaped as in the SQS API reference.
/// </summary>
internal sealed class SqsJsonHandler(LoopbackAws server)
{
    public async Task<LoopbackResponse> HandleAsync(string operation, string requestBody, CancellationToken cancellationToken)
    {
        var request = JsonNode.Parse(requestBody)!.AsObject();
        var queueUrl = (string?)request["QueueUrl"];
        var queue = queueUrl is null ? null : server.FindQueue(queueUrl);
        if (queue is null)
        {
            return Error(400, "AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist", "The specified queue does not exist.");
        }

        switch (operation)
        {
            case "ReceiveMessage":
                return await ReceiveAsync(queue, request, cancellationToken);
            case "DeleteMessage":
                return Outcome(queue.Delete((string)request["ReceiptHandle"]!));
            case "ChangeMessageVisibility":
                return Outcome(queue.ChangeVisibility((string)request["ReceiptHandle"]!, (int)request["VisibilityTimeout"]!));
            case "SendMessage":
                return Send(queue, request);
            default:
                return Error(400, "InvalidAction", "InvalidAction", "The action " + operation + " is not valid for this endpoint.");
        }
    }

    private static async Task<LoopbackResponse> ReceiveAsync(FakeQueue queue, JsonObject request, CancellationToken cancellationToken)
    {
        var names = Names(request["MessageSystemAttributeNames"]).Concat(Names(request["AttributeNames"])).ToHashSet(StringComparer.Ordinal);
        var received = await queue.ReceiveAsync(
            (int?)request["MaxNumberOfMessages"] ?? 1, (int?)request["VisibilityTimeout"] ?? 30,
            (int?)request["WaitTimeSeconds"] ?? 0, cancellationToken);
        var messages = new JsonArray();
        foreach (var message in received)
        {
            var attributes = new JsonObject();
            void Add(string name, string value)
            {
                if (names.Contains("All") || names.Contains(name))
                {
                    attributes[name] = value;
                }
            }

            Add("SenderId", "AIDASSYFHUBOBT7F4XT75");
            Add("ApproximateFirstReceiveTimestamp", FakeQueue.Epoch(message.FirstReceived!.Value));
            Add("ApproximateReceiveCount", message.ReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add("SentTimestamp", FakeQueue.Epoch(message.Sent));
            var item = new JsonObject
            {
                ["Body"] = message.Body,
                ["MD5OfBody"] = SqsMd5.OfBody(message.Body),
                ["MessageId"] = message.Id,
                ["ReceiptHandle"] = message.ReceiptHandle,
            };
            if (attributes.Count > 0)
            {
                item["Attributes"] = attributes;
            }

            messages.Add(item);
        }

        // Like SQS, an empty receive answers {} rather than an empty list.
        var response = messages.Count == 0 ? new JsonObject() : new JsonObject { ["Messages"] = messages };
        return Json(200, response.ToJsonString());
    }

    private static LoopbackResponse Send(FakeQueue queue, JsonObject request)
    {
        var body = (string)request["MessageBody"]!;
        var attributes = new Dictionary<string, (string Type, string Value)>(StringComparer.Ordinal);
        if (request["MessageAttributes"] is JsonObject map)
        {
            foreach (var (name, value) in map)
            {
                attributes[name] = ((string)value!["DataType"]!, (string)value["StringValue"]!);
            }
        }

        var id = queue.Send(body, attributes);
        var response = new JsonObject { ["MD5OfMessageBody"] = SqsMd5.OfBody(body), ["MessageId"] = id };
        if (attributes.Count > 0)
        {
            response["MD5OfMessageAttributes"] = SqsMd5.OfAttributes(attributes);
        }

        return Json(200, response.ToJsonString());
    }

    private static IEnumerable<string> Names(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => (string)n!) : [];

    private static LoopbackResponse Outcome(string? errorCode) => errorCode switch
    {
        null => Json(200, "{}"),
        "MessageNotInflight" => Error(400, "AWS.SimpleQueueService.MessageNotInflight", "MessageNotInflight", "The message referred to isn't in flight."),
        _ => Error(400, "ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", "The specified receipt handle isn't valid."),
    };

    public static LoopbackResponse Json(int status, string body) =>
        new(status, "application/x-amz-json-1.0", body, new Dictionary<string, string>());

    /// <summary>An error as the JSON protocol sends it; the query-compatible code rides in x-amzn-query-error.</summary>
    public static LoopbackResponse Error(int status, string queryCode, string type, string message)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["__type"] = "com.amazonaws.sqs#" + type,
            ["message"] = message,
        });
        var fault = status >= 500 ? "Receiver" : "Sender";
        return new(status, "application/x-amz-json-1.0", body, new Dictionary<string, string> { ["x-amzn-query-error"] = queryCode + ";" + fault });
    }
}
