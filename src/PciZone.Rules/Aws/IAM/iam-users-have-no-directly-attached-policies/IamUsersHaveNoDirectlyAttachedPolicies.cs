using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamUsersHaveNoDirectlyAttachedPolicies : ResourceRule<IamUser>
{
    // A CloudFormation ManagedPolicy can attach itself to users, so policies are read too.
    public override IReadOnlyList<Type> EstateTypes => [typeof(IamUser), typeof(IamPolicy)];

    protected override Outcome Check(IamUser user, RuleContext context)
    {
        // An attachment whose policy is unknown until apply is still a direct attachment.
        var attached = user.AttachedPolicies
            .Where(a => a.IsUnknown || a.Get() is not null)
            .Select(a => new { Name = a.IsUnknown ? "a policy known only after apply" : a.Get()!.ToString(), a.Source })
            .Concat(PolicyFacts.PoliciesNaming(context.Estate, user, user.Name).Select(p => new { Name = p.Address, Source = p.Provenance }))
            .ToList();
        return attached.Count == 0
            ? Outcome.Pass("User has no managed policies attached directly.")
            : Outcome.Fail(
                $"Managed policies are attached directly to the user ({string.Join(", ", attached.Select(a => a.Name))}); attach them to a group or role instead.",
                attached[0].Source);
    }
}
