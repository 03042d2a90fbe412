using PciZone.Estate;

namespace PciZone.Rules.Aws.IdentityCenter;

internal sealed class SsoCdePermissionSetsNotAdmin : ResourceRule<PermissionSet>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(PermissionSet), typeof(AccountAssignment), typeof(OrganizationAccount), typeof(OrganizationalUnit)];

    protected override bool AppliesTo(PermissionSet set, RuleContext context) => !PermissionSets.IsBreakGlass(set);

    protected override Outcome Check(PermissionSet set, RuleContext context)
    {
        var admin = PermissionSets.FullAdmin(set);
        if (admin.IsKnown && admin.Get() is null)
        {
            return Outcome.Pass("The permission set grants no full administrative access.");
        }

        var assignments = PermissionSets.AssignmentsOf(context.Estate, set);
        AccountAssignment? undecided = null;
        foreach (var a in assignments)
        {
            var cde = PermissionSets.TargetsCde(context.Estate, a);
            if (cde.IsKnown && cde.Get())
            {
                return admin.IsKnown
                    ? Outcome.Fail($"Full administrative access through {admin.Get()} is assigned in CDE account {a.Target.Get()} by {a.Address}.", a.Target.Source)
                    : Outcome.Unknown($"Assigned in CDE account {a.Target.Get()}, but cannot tell whether it grants full administrative access: {admin.UnknownReason}.", admin.Source);
            }

            undecided ??= cde.IsUnknown ? a : null;
        }

        if (undecided is not null)
        {
            return Outcome.Unknown($"Cannot tell whether {undecided.Address} assigns it in a CDE account: {PermissionSets.TargetsCde(context.Estate, undecided).UnknownReason}.", undecided.Target.Source);
        }

        // Assignments whose permission set the input does not link may be assignments of this one.
        if (PermissionSets.UnlinkedAssignments(context.Estate) is [var unlinked, ..])
        {
            return Outcome.Unknown($"It may grant full administrative access, and {unlinked.Address} assigns a permission set the input does not link: it may be this one.", unlinked.PermissionSet.Source);
        }

        return Outcome.Pass(assignments.Count == 0
            ? "The permission set is not assigned in the scanned input."
            : "The permission set is assigned only in non-CDE accounts.");
    }
}
