using PciZone.Vault.Audit;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static List<AuditEntry> Chain(int n) =>
        [.. AuditChain.Link(null, [.. Enumerable.Range(1, n).Select(i => new AuditDraft(T0.AddSeconds(i), $"client-{i % 3}", i % 2 == 0 ? "detokenize" : "tokenize", $"tok_{i:0000}", "ok"))])];

    [Fact]
    public void Verify_IntactChain_IsNull()
    {
        AuditChain.Verify(Chain(50)).ShouldBeNull();
    }

    [Fact]
    public void Link_AfterAnExistingEntry_ContinuesSequenceAndHash()
    {
        var first = Chain(3);
        var more = AuditChain.Link(first[^1], [new AuditDraft(T0.AddMinutes(5), "admin", "key.rotate", "Ff1 v2", "ok")]);

        more[0].Sequence.ShouldBe(4);
        more[0].PreviousHash.ShouldBe(first[^1].Hash);
        AuditChain.Verify([.. first, .. more]).ShouldBeNull();
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("action")]
    [InlineData("subject")]
    [InlineData("outcome")]
    [InlineData("time")]
    public void Verify_EditedField_NamesTheEditedEntry(string field)
    {
        var chain = Chain(20);
        var e = chain[9];
        chain[9] = field switch
        {
            "actor" => e with { Actor = "someone-else" },
            "action" => e with { Action = "tokenize" == e.Action ? "detokenize" : "tokenize" },
            "subject" => e with { Subject = "tok_9999" },
            "outcome" => e with { Outcome = "denied" },
            _ => e with { At = e.At.AddSeconds(1) },
        };

        AuditChain.Verify(chain)!.Value.Sequence.ShouldBe(10);
    }

    [Fact]
    public void Verify_DeletedEntry_NamesTheGap()
    {
        var chain = Chain(20);
        chain.RemoveAt(6);

        var broken = AuditChain.Verify(chain)!.Value;
        broken.Sequence.ShouldBe(7);
        broken.Reason.ShouldContain("missing");
    }

    [Fact]
    public void Verify_SwappedEntries_AreDetected()
    {
        var chain = Chain(20);
        (chain[4], chain[5]) = (chain[5], chain[4]);

        AuditChain.Verify(chain).ShouldNotBeNull();
    }

    [Fact]
    public void Verify_RehashedEditWithoutTheFollowingEntries_IsDetectedAtTheNextEntry()
    {
        // An attacker who edits entry 10 and recomputes its own hash still breaks entry 11's link.
        var chain = Chain(20);
        var e = chain[9];
        var forged = e with { Subject = "tok_forged" };
        chain[9] = forged with { Hash = AuditChain.Hash(forged.PreviousHash, forged.Sequence, forged.At, forged.Actor, forged.Action, forged.Subject, forged.Outcome) };

        AuditChain.Verify(chain)!.Value.Sequence.ShouldBe(11);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(3000)]
    public void Hash_ShortAndLongFields_EqualsTheDocumentedCanonicalForm(int subjectLength)
    {
        var previous = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var at = new DateTimeOffset(638_700_000_000_000_007, TimeSpan.Zero);
        var subject = new string('é', subjectLength);

        var hash = AuditChain.Hash(previous, 42, at, "client-ä", "tokenize", subject, "ok");

        using var reference = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        reference.AppendData(previous);
        var n = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(n, 42);
        reference.AppendData(n);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(n, at.UtcTicks);
        reference.AppendData(n);
        foreach (var field in new[] { "client-ä", "tokenize", subject, "ok" })
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(field);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(n, bytes.Length);
            reference.AppendData(n, 0, 4);
            reference.AppendData(bytes);
        }

        hash.ShouldBe(reference.GetHashAndReset());
    }
}
