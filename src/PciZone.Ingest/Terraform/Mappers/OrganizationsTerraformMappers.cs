using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// The organisation, its OUs and accounts, its policies joined with their attachments, account
/// alternate contacts, and the delegated administrators of security services.
/// </summary>
internal sealed class OrganizationsTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_organizations_organization", Organization);
        registry.Primary("aws_organizations_organizational_unit", Unit);
        registry.Primary("aws_organizations_account", Account);
        registry.Primary("aws_organizations_policy", Policy);
        registry.Companion("aws_organizations_policy_attachment", Attachment);
        registry.Primary("aws_account_alternate_contact", AlternateContact);
        registry.Primary("aws_organizations_delegated_administrator", (r, e) => Delegated(r, e, r.String("service_principal"), "account_id"));
        registry.Primary("aws_guardduty_organization_admin_account", (r, e) => Delegated(r, e, Principal(r, "guardduty"), "admin_account_id"));
        registry.Primary("aws_securityhub_organization_admin_account", (r, e) => Delegated(r, e, Principal(r, "securityhub"), "admin_account_id"));
        registry.Primary("aws_inspector2_delegated_admin_account", (r, e) => Delegated(r, e, Principal(r, "inspector2"), "account_id"));
        registry.Primary("aws_macie2_organization_admin_account", (r, e) => Delegated(r, e, Principal(r, "macie"), "admin_account_id"));
    }

    // The services' own admin-account APIs register the delegation for their service principal.
    private static Value<string?> Principal(IResourceView r, string service) => Value.Of<string?>($"{service}.amazonaws.com", r.Provenance);

    private static void Delegated(IResourceView r, IEstateBuilder estate, Value<string?> principal, string accountPath) => estate.Add(new DelegatedAdministrator
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        ServicePrincipal = principal,
        Account = r.Ref(accountPath),
    });

    // Without account_id the contact is registered for the account the provider runs in.
    private static void AlternateContact(IResourceView r, IEstateBuilder estate) => estate.Add(new AccountAlternateContact
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        ContactType = r.String("alternate_contact_type"),
        Account = r.IsWritten("account_id") ? r.Ref("account_id") : Value.Default<ResourceRef?>(null, r.Provenance),
    });

    private static void Organization(IResourceView r, IEstateBuilder estate) => estate.Add(new Organization
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        FeatureSet = r.String("feature_set", "ALL"),
    });

    private static void Unit(IResourceView r, IEstateBuilder estate) => estate.Add(new OrganizationalUnit
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Name = r.String("name"),
        Parent = r.Ref("parent_id"),
    });

    // parent_id is Optional+Computed: without it CreateAccount puts the account in the root.
    private static void Account(IResourceView r, IEstateBuilder estate) => estate.Add(new OrganizationAccount
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Name = r.String("name"),
        Parent = r.IsWritten("parent_id") ? r.Ref("parent_id") : Value.Default<ResourceRef?>(null, r.Provenance),
    });

    private static void Policy(IResourceView r, IEstateBuilder estate) => estate.Add(new OrganizationPolicy
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Name = r.String("name"),
        PolicyType = r.String("type", OrganizationPolicy.ServiceControlPolicy),
        Document = r.Policy("content"),
        ContentLength = r.String("content").Map(c => c?.Length ?? 0),
    });

    private static void Attachment(IResourceView r, IEstateBuilder estate)
    {
        var target = r.Ref("target_id");
        estate.Join<OrganizationPolicy>(r, r.Ref("policy_id"), p => p with { Targets = [.. p.Targets, target] });
    }
}
