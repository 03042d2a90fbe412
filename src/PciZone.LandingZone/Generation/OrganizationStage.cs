using PciZone.LandingZone.Guardrails;
using PciZone.LandingZone.Spec;

namespace PciZone.LandingZone.Generation;

/// <summary>Stage 01 in the management account: organisation, OUs, accounts, SCP guardrails, delegated administrators, Identity Center.</summary>
internal static class OrganizationStage
{
    private static readonly string[] ServicePrincipals =
    [
        "access-analyzer.amazonaws.com", "account.amazonaws.com", "cloudtrail.amazonaws.com", "config.amazonaws.com",
        "config-multiaccountsetup.amazonaws.com", "guardduty.amazonaws.com", "malware-protection.guardduty.amazonaws.com",
        "ram.amazonaws.com", "securityhub.amazonaws.com", "sso.amazonaws.com",
    ];

    public static Stage Build(ZoneSpec spec, IReadOnlyList<PackedPolicy> policies)
    {
        var stage = new Stage("01-organization", "management", "organisation, OUs, accounts, SCP guardrails, delegated administrators, IAM Identity Center");
        stage.AddProvider("management", spec.Organization.HomeRegion, spec.Organization.HomeRegion);
        var main = stage.Main;
        main.Comment("PCI 12.5.2, 1.2.3: accounts are the isolation boundary; the CDE has its own OU.");
        main.Block("module", ["organization"], m =>
        {
            m.Attribute("source", Modules.Source("organization"));
            m.Blank();
            m.Attribute("organization_name", spec.Organization.Name);
            m.Attribute("service_access_principals", Hcl.Strings(ServicePrincipals));
            m.Attribute("top_level_ous", Hcl.Map(Ous.All.Where(o => o != Ous.Root && Ous.Parent(o) is null).Select(o => KeyValuePair.Create(Ous.Key(o), o))));
            m.Attribute("child_ous", Hcl.Object(Ous.All.Where(o => Ous.Parent(o) is not null).Select(o => KeyValuePair.Create(Ous.Key(o),
                (HclExpr)Hcl.Object(("name", Ous.Name(o)), ("parent", Ous.Key(Ous.Parent(o)!)))))));
            m.Attribute("accounts", Hcl.Object(spec.Accounts.Where(a => a.Key != "management").Select(a => KeyValuePair.Create(a.Key, (HclExpr)Hcl.Object(
                ("name", $"{spec.Organization.Name}-{a.Key}"),
                ("email", a.Email),
                ("ou", Ous.Key(a.Ou)),
                ("tags", Hcl.Map(a.Tags.Append(KeyValuePair.Create("pcizone:cde", a.CardholderData ? "true" : "false")))))))));
            m.Attribute("delegated_admin_account_key", "security-tooling");
            m.Attribute("delegated_admin_services", Hcl.Strings(["access-analyzer.amazonaws.com", "config.amazonaws.com"]));
            m.Attribute("tags", Hcl.Ref("local.tags"));
        });

        foreach (var policy in policies)
        {
            Scp(spec, main, policy);
        }

        SecurityContacts(spec, main);
        Identity(spec, main);
        Modules.Output(stage, "account_ids", "Account id per account key, the management account included.", "merge(module.organization.account_ids, { management = module.organization.management_account_id })");
        Modules.Output(stage, "organization_id", "The organisation id (o-...).", "module.organization.organization_id");
        Modules.Output(stage, "organization_arn", "The organisation ARN.", "module.organization.organization_arn");
        Modules.Output(stage, "root_id", "The root id (r-...).", "module.organization.root_id");
        Modules.Output(stage, "ou_ids", "OU id per OU key.", "module.organization.ou_ids");
        return stage;
    }

    private static void Scp(ZoneSpec spec, HclBody main, PackedPolicy policy)
    {
        var id = Naming.Identifier(policy.Name[(spec.Organization.Name.Length + 1)..]);
        var target = policy.Target == Ous.Root
            ? "module.organization.root_id"
            : Ous.All.Contains(policy.Target) ? $"module.organization.ou_ids[\"{Ous.Key(policy.Target)}\"]" : $"module.organization.account_ids[\"{policy.Target}\"]";
        main.Blank();
        main.Comment(policy.GuardrailIds.Count > 0
            ? $"SCP for {policy.Target} ({policy.Characters} of {ScpLimits.MaxPolicyCharacters} characters): {string.Join(", ", policy.GuardrailIds)}. PCI {string.Join(", ", policy.Requirements)}"
            : $"Organisation SCP from the spec for {policy.Target} ({policy.Characters} of {ScpLimits.MaxPolicyCharacters} characters).");
        main.Block("resource", ["aws_organizations_policy", id], r => r
            .Attribute("name", policy.Name)
            .Attribute("description", policy.Description.Length > 512 ? policy.Description[..509] + "..." : policy.Description)
            .Attribute("type", "SERVICE_CONTROL_POLICY")
            .Attribute("content", Hcl.JsonEncode(policy.Document))
            .Attribute("tags", Hcl.Ref("local.tags")));
        main.Blank();
        main.Block("resource", ["aws_organizations_policy_attachment", id], r => r
            .Attribute("policy_id", Hcl.Ref($"aws_organizations_policy.{id}.id"))
            .Attribute("target_id", Hcl.Ref(target)));
    }

    private static void SecurityContacts(ZoneSpec spec, HclBody main)
    {
        if (spec.Organization.SecurityContact is not { } contact)
        {
            return;
        }

        void Body(HclBody r) => r
            .Attribute("alternate_contact_type", "SECURITY")
            .Attribute("name", contact.Name)
            .Attribute("title", contact.Title)
            .Attribute("email_address", contact.Email)
            .Attribute("phone_number", contact.Phone);

        main.Blank();
        main.Comment("PCI 12.10.1: AWS security notices reach the incident-response team in every account, not only the root mailbox.");
        main.Block("resource", ["aws_account_alternate_contact", "security_management"], Body);
        main.Blank();
        main.Block("resource", ["aws_account_alternate_contact", "security"], r =>
        {
            r.Attribute("for_each", Hcl.Ref("module.organization.account_ids"));
            r.Blank();
            r.Attribute("account_id", Hcl.Ref("each.value"));
            Body(r);
        });
    }

    private static void Identity(ZoneSpec spec, HclBody main)
    {
        main.Blank();
        main.Comment("PCI 7.2.1, 7.2.2, 8.2.1, 8.4.1: people sign in through IAM Identity Center with MFA; access by group and job function.");
        main.Block("module", ["identity_center"], m =>
        {
            m.Attribute("source", Modules.Source("identity-center"));
            m.Blank();
            m.Attribute("instance_arn", spec.Identity.InstanceArn);
            m.Attribute("identity_store_id", spec.Identity.IdentityStoreId);
            m.Attribute("groups", Hcl.Object(spec.Identity.Groups.Select(g => KeyValuePair.Create(Naming.Identifier(g.Name), (HclExpr)Hcl.Object(
                ("display_name", g.Name),
                ("description", g.Description),
                ("permission_set", g.PermissionSet),
                ("accounts", Hcl.Object(Accounts(spec, g).Select(a => KeyValuePair.Create(a, (HclExpr)Hcl.Ref($"local.account_ids[\"{a}\"]"))))))))));
            m.Attribute("tags", Hcl.Ref("local.tags"));
        });
    }

    private static IEnumerable<string> Accounts(ZoneSpec spec, GroupSpec group) =>
        (group.Accounts.Contains("*") ? spec.Accounts.Select(a => a.Key) : group.Accounts).Where(a => a != "management").Distinct();
}
