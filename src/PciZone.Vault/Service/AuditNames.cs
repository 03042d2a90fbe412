namespace PciZone.Vault.Service;

/// <summary>Audit actions written by <see cref="TokenVault"/>.</summary>
internal static class AuditActions
{
    public const string Tokenize = "tokenize";
    public const string Detokenize = "detokenize";
    public const string Mask = "mask";
    public const string Metadata = "metadata";
    public const string KeyReencrypt = "key.reencrypt";
}

/// <summary>Audit outcomes written by <see cref="TokenVault"/>.</summary>
internal static class AuditOutcomes
{
    public const string Ok = "ok";
    public const string Invalid = "invalid";
    public const string NotFound = "not-found";
    public const string Error = "error";
}

/// <summary>Audit subjects built from caller input, which may be anything, including a card number.</summary>
internal static class AuditSubject
{
    /// <summary>
    /// A token the vault does not hold is caller input: a client could send a card number in its place. The
    /// audit keeps its length and its last four characters only (what PCI DSS 3.4.1 allows to be shown).
    /// </summary>
    public static string Unknown(string input)
    {
        var tail = input.Length >= 4 ? input[^4..] : string.Empty;
        var safeTail = string.Create(tail.Length, tail, static (span, t) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(t[i]) ? t[i] : '?';
            }
        });
        return $"unknown token ...{safeTail} ({input.Length} chars)";
    }
}
