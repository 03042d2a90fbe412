namespace PciZone.Estate;

/// <summary>A parsed IAM-style policy document (identity, resource, key, bucket, or SCP policy).</summary>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statements)
{
    /// <summary>Statements that allow.</summary>
    public IEnumerable<PolicyStatement> Allows => Statements.Where(s => s.Effect == PolicyEffect.Allow);

    /// <summary>Statements that deny.</summary>
    public IEnumerable<PolicyStatement> Denies => Statements.Where(s => s.Effect == PolicyEffect.Deny);
}

/// <summary>Allow or Deny.</summary>
public enum PolicyEffect
{
    /// <summary>Allow.</summary>
    Allow,

    /// <summary>Deny.</summary>
    Deny,
}

/// <summary>One statement. Lists hold the values as written (a single string becomes a one-item list).</summary>
public sealed record PolicyStatement(
    string? Sid,
    PolicyEffect Effect,
    IReadOnlyList<PolicyPrincipal> Principals,
    IReadOnlyList<PolicyPrincipal> NotPrincipals,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> NotActions,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> NotResources,
    IReadOnlyList<PolicyCondition> Conditions)
{
    /// <summary>True when the statement has a Principal of "*" or {"AWS": "*"}.</summary>
    public bool HasWildcardPrincipal => Principals.Any(p => p.Value == "*" && p.Type is "*" or "AWS");

    /// <summary>True when an action pattern matches <paramref name="action"/> (case-insensitive, * and ? wildcards).</summary>
    public bool MatchesAction(string action) =>
        Actions.Count > 0
            ? Actions.Any(a => Wildcard.Matches(a, action))
            : NotActions.Count > 0 && !NotActions.Any(a => Wildcard.Matches(a, action));

    /// <summary>True when the statement grants every action ("*" or "*:*", or NotAction with nothing excluded).</summary>
    public bool AllowsAllActions => Actions.Any(a => a is "*" or "*:*");

    /// <summary>True when the statement applies to every resource.</summary>
    public bool AppliesToAllResources => Resources.Any(r => r == "*");

    /// <summary>Conditions with the given key (case-insensitive).</summary>
    public IEnumerable<PolicyCondition> ConditionsOn(string key) =>
        Conditions.Where(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A principal: type (<c>AWS</c>, <c>Service</c>, <c>Federated</c>, <c>CanonicalUser</c> or <c>*</c>) and value.</summary>
public sealed record PolicyPrincipal(string Type, string Value);

/// <summary>One condition: operator (<c>Bool</c>, <c>StringEquals</c> ...), key and values.</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values);

/// <summary>Wildcard matching: '*' any run; by default also '?' any one character, case-insensitive (IAM's rules).</summary>
public static class Wildcard
{
    /// <summary>True when <paramref name="pattern"/> matches <paramref name="text"/> by IAM's rules.</summary>
    public static bool Matches(string pattern, string text) => Matches(pattern, text, ignoreCase: true, questionMark: true);

    /// <summary>
    /// True when <paramref name="pattern"/> matches <paramref name="text"/>; <paramref name="questionMark"/> makes '?'
    /// a one-character wildcard, <paramref name="ignoreCase"/> compares without case (CloudWatch Logs patterns use neither).
    /// </summary>
    public static bool Matches(string pattern, string text, bool ignoreCase, bool questionMark)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            // IAM mode keeps its historical order (a literal '*' in the text may match a '*' in the pattern).
            if (p < pattern.Length && (questionMark || pattern[p] != '*') && ((questionMark && pattern[p] == '?') || Same(pattern[p], text[t], ignoreCase)))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) => ignoreCase ? char.ToLowerInvariant(a) == char.ToLowerInvariant(b) : a == b;
}
