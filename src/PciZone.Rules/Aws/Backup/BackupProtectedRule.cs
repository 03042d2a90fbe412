using PciZone.Estate;

namespace PciZone.Rules.Aws.Backup;

/// <summary>
/// Base of the "protected by AWS Backup" rules. Every resource of the type is evaluated, not only the
/// CDE-tagged ones: the AWS Config rules they follow do so, audit logs (PCI DSS 10.3.3) are often kept
/// in stores outside the CDE-tagged set, and a tag-scoped check would pass an untagged estate silently.
/// A finding on a CDE resource says so, for triage.
/// </summary>
/// <typeparam name="T">The estate type.</typeparam>
internal abstract class BackupProtectedRule<T> : ResourceRule<T>
    where T : Resource
{
    /// <inheritdoc />
    public override IReadOnlyList<Type> EstateTypes => [typeof(T), typeof(BackupPlan), typeof(BackupSelection)];

    private Outcome? _none;
    private Outcome? _noneCde;

    /// <summary>What the finding calls the resource (<c>volume</c>, <c>table</c>).</summary>
    protected abstract string Noun { get; }

    /// <summary>A reason the resource cannot be backed up even when selected, or null.</summary>
    protected virtual Outcome? Blocker(T resource) => null;

    /// <inheritdoc />
    protected override Outcome Check(T resource, RuleContext context)
    {
        // No selection at all: the one answer for every resource, built once per rule (most estates
        // without AWS Backup would otherwise build an ARN, a search and a message per resource).
        if (BackupCoverage.NoSelections(context.Estate))
        {
            return CdeTags.IsCde(resource)
                ? _noneCde ??= Outcome.Fail($"No AWS Backup plan protects the CDE {Noun}: no backup selection in the estate picks it.")
                : _none ??= Outcome.Fail($"No AWS Backup plan protects the {Noun}: no backup selection in the estate picks it.");
        }

        var found = BackupCoverage.Find(context.Estate, resource, BackupArns.For(resource)!);
        var cde = CdeTags.IsCde(resource) ? "CDE " : "";
        return found.Match switch
        {
            Match.Definite => Blocker(resource) ?? Outcome.Pass($"Backup selection {found.Selection} {found.Why}."),
            Match.Possible => Outcome.Unknown($"No backup selection protects the {cde}{Noun} for sure; {found.Selection} may: {found.Why}."),
            _ => Outcome.Fail($"No AWS Backup plan protects the {cde}{Noun}: {found.Why}."),
        };
    }
}
