using PciZone.Estate;

namespace PciZone.Rules.Aws.Account;

internal sealed class AcctSecurityContactRegistered : ResourceRule<OrganizationAccount>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(OrganizationAccount), typeof(AccountAlternateContact)];

    protected override Outcome Check(OrganizationAccount account, RuleContext context)
    {
        var index = context.Estate.Memo("acct-security-contacts", SecurityContacts);
        if (index.ByAccount.TryGetValue(account.Address, out var contact))
        {
            return Outcome.Pass($"Security alternate contact {contact.Address} is registered.");
        }

        return index.Unplaced is { } unplaced
            ? Outcome.Unknown($"Security contact {unplaced.Address} names an account unknown until apply; it may be this one.", unplaced.Account.Source)
            : Outcome.Fail("No SECURITY alternate contact is registered for the account: AWS security notices go only to the root e-mail address.");
    }

    private static Contacts SecurityContacts(AwsEstate estate)
    {
        var byAccount = new Dictionary<string, AccountAlternateContact>(StringComparer.Ordinal);
        AccountAlternateContact? unplaced = null;
        foreach (var c in estate.OfType<AccountAlternateContact>())
        {
            if (!string.Equals(c.ContactType.GetOrDefault(), "SECURITY", StringComparison.Ordinal))
            {
                continue;
            }

            if (c.Account.IsUnknown)
            {
                unplaced ??= c;
            }
            else if (c.Account.Get()?.Address is { } address)
            {
                byAccount.TryAdd(address, c);
            }
        }

        return new Contacts(byAccount, unplaced);
    }

    private sealed record Contacts(Dictionary<string, AccountAlternateContact> ByAccount, AccountAlternateContact? Unplaced);
}
