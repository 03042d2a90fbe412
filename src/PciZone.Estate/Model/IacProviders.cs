namespace PciZone.Estate;

/// <summary>
/// A Terraform <c>provider "aws"</c> configuration block. Only facts about credentials are kept: never
/// a credential itself.
/// </summary>
public sealed record ProviderConfiguration : Resource
{
    /// <summary>Provider local name (<c>aws</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>Alias; null for the default configuration.</summary>
    public string? Alias { get; init; }

    /// <summary>
    /// Credential arguments (<c>access_key</c>, <c>secret_key</c>) written as constants shaped like a real AWS
    /// credential: an access key id (<c>AKIA</c>/<c>ASIA</c> and 16 characters) or a 40-character secret key.
    /// </summary>
    public Value<IReadOnlyList<string>> KeyShapedCredentials { get; init; }

    /// <summary>Credential arguments written as constants that cannot be an AWS credential (test mocks such as <c>"mock"</c>).</summary>
    public Value<IReadOnlyList<string>> OtherConstantCredentials { get; init; }
}
