using System.Text.RegularExpressions;
using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

/// <summary>
/// Which plain environment variables hold a credential: a credential-like name with a literal value
/// that is not a pointer to a secret store, or a value shaped like an AWS access key or a private key.
/// Shared by the ECS and Lambda rules.
/// </summary>
internal static partial class EnvironmentSecrets
{
    // Names that end in these hold a pointer to a secret (its ARN, name, path), not the secret itself.
    private static readonly string[] PointerSuffixes =
    [
        "_ARN", "_NAME", "_ID", "_PATH", "_URL", "_URI", "_FILE", "_ENDPOINT", "_REGION", "_PARAM", "_PARAMETER", "_KEY_ID", "_SECRET_ID", "_TTL", "_EXPIRY",
    ];

    /// <summary>The variables that hold a secret, with why.</summary>
    public static IReadOnlyList<(EnvironmentVariable Variable, string Why)> Find(IEnumerable<EnvironmentVariable> variables)
    {
        var found = new List<(EnvironmentVariable, string)>();
        foreach (var v in variables)
        {
            if (Why(v) is { } why)
            {
                found.Add((v, why));
            }
        }

        return found;
    }

    /// <summary>The variables with a credential-like name whose value is unknown until apply.</summary>
    public static IReadOnlyList<EnvironmentVariable> Undecided(IEnumerable<EnvironmentVariable> variables) =>
        variables.Where(v => v.Value.IsUnknown && CredentialName(v.Name)).ToList();

    private static string? Why(EnvironmentVariable v)
    {
        if (!v.Value.TryGet(out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (AccessKeyId().IsMatch(value))
        {
            return "its value is an AWS access key id";
        }

        if (value.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return "its value is a private key";
        }

        // CloudFormation resolves these dynamic references at deploy time and stores the plain value.
        if (value.StartsWith("{{resolve:secretsmanager:", StringComparison.Ordinal) || value.StartsWith("{{resolve:ssm-secure:", StringComparison.Ordinal))
        {
            return "its value is a secret that CloudFormation resolves into plain text";
        }

        return CredentialName(v.Name) && !IsPointer(value) ? "its name says it holds a credential and it has a literal value" : null;
    }

    private static bool CredentialName(string name)
    {
        var upper = name.ToUpperInvariant();
        if (upper is "AWS_ACCESS_KEY_ID" or "AWS_SECRET_ACCESS_KEY" or "AWS_SESSION_TOKEN" or "ECS_ENGINE_AUTH_DATA")
        {
            return true;
        }

        return !PointerSuffixes.Any(s => upper.EndsWith(s, StringComparison.Ordinal)) && CredentialWord().IsMatch(upper);
    }

    // The ARN of a secret or parameter, or a placeholder filled at run time. A CloudFormation dynamic
    // reference is no pointer: CloudFormation stores the value it resolves.
    private static bool IsPointer(string value) =>
        value.StartsWith("arn:", StringComparison.Ordinal) || value.StartsWith("${", StringComparison.Ordinal);

    [GeneratedRegex("(^|[^A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}([^A-Z0-9]|$)")]
    private static partial Regex AccessKeyId();

    [GeneratedRegex("PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH_DATA|CLIENT_KEY|SIGNING_KEY")]
    private static partial Regex CredentialWord();
}
