using PciZone.Estate;

namespace PciZone.Rules.Aws.Organizations;

internal sealed class OrgCdeAccountsInCdeOu : ResourceRule<OrganizationAccount>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(OrganizationAccount), typeof(OrganizationalUnit), typeof(Organization)];

    protected override bool AppliesTo(OrganizationAccount account, RuleContext context) => OrgTree.Tagged(account) is not null;

    protected override Outcome Check(OrganizationAccount account, RuleContext context)
    {
        var cde = OrgTree.Tagged(account) == true;
        OrganizationalUnit? cdeOu = null;
        string? gap = null;
        var seen = new HashSet<Resource>(ReferenceEqualityComparer.Instance);
        for (var n = OrgTree.ParentOf(context.Estate, account, out gap); n is OrganizationalUnit ou && seen.Add(ou); n = OrgTree.ParentOf(context.Estate, ou, out gap))
        {
            if (OrgTree.DeclaredCde(ou))
            {
                cdeOu = ou;
                break;
            }
        }

        if (cdeOu is not null)
        {
            return cde
                ? Outcome.Pass($"The CDE account sits under CDE OU {cdeOu.Address}.")
                : Outcome.Fail($"The account is tagged {OrgTree.CdeTag}=false but sits under CDE OU {cdeOu.Address}, mixing non-CDE workloads into the CDE.", account.Parent.Source);
        }

        if (gap is not null)
        {
            return Outcome.Unknown($"Cannot tell which OU the account sits in: {gap}.", account.Parent.Source);
        }

        return cde
            ? Outcome.Fail($"The account is tagged {OrgTree.CdeTag}=true but no OU above it is a CDE OU (tagged {OrgTree.CdeTag}=true or named CDE/PCI).", account.Parent.Source)
            : Outcome.Pass("The non-CDE account sits outside the CDE OUs.");
    }
}
