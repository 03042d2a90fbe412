namespace PciZone.Estate;

/// <summary>An SNS subscription (<c>aws_sns_topic_subscription</c>, <c>AWS::SNS::Subscription</c>).</summary>
public sealed record SnsSubscription : Resource
{
    /// <summary>The topic.</summary>
    public Value<ResourceRef?> Topic { get; init; }

    /// <summary>Protocol: <c>http</c>, <c>https</c>, <c>email</c>, <c>email-json</c>, <c>sms</c>, <c>sqs</c>, <c>lambda</c>, <c>firehose</c>, <c>application</c>.</summary>
    public Value<string?> Protocol { get; init; }

    /// <summary>The endpoint (URL, address, or ARN).</summary>
    public Value<string?> Endpoint { get; init; }
}
