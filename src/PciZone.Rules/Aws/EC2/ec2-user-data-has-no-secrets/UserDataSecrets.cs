using System.Text.RegularExpressions;

namespace PciZone.Rules.Aws.EC2;

/// <summary>
/// Credentials written into user data: AWS access key ids, private keys, and passwords or secrets
/// assigned literal values. Findings name the kind and the line, never the value.
/// </summary>
internal static partial class UserDataSecrets
{
    /// <summary>"an AWS access key id on line 3" for the first credential found, or null.</summary>
    public static string? Find(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var kind = AccessKeyId().IsMatch(line) ? "an AWS access key id"
                : PrivateKey().IsMatch(line) ? "a private key"
                : Assignment().Matches(line).FirstOrDefault(m => IsLiteral(m.Groups["value"].Value)) is { } m ? $"a literal {m.Groups["name"].Value.ToLowerInvariant()}"
                : null;
            if (kind is not null)
            {
                return $"{kind} on line {i + 1}";
            }
        }

        return null;
    }

    // A value read at boot (a variable, a command substitution, a secret store lookup) is no literal.
    private static bool IsLiteral(string value) =>
        value.Length >= 4 && value[0] is not ('$' or '`' or '<' or '{' or '%') &&
        !value.StartsWith("arn:", StringComparison.Ordinal) && !value.StartsWith("{{resolve:", StringComparison.Ordinal);

    [GeneratedRegex("(^|[^A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}([^A-Z0-9]|$)")]
    private static partial Regex AccessKeyId();

    [GeneratedRegex("-----BEGIN ([A-Z]+ )?PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    // NAME=value, NAME: value, --name value, with NAME a password, passphrase, secret or secret access key.
    [GeneratedRegex(@"(?i)(^|[^a-z0-9])(?<name>password|passwd|passphrase|pwd|secret|secret_access_key|client_secret|api_key|apikey)\s*(=|:|\s)\s*[""']?(?<value>[^\s""';]+)")]
    private static partial Regex Assignment();
}
