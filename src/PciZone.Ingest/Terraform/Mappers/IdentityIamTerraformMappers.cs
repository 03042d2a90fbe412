using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// IAM policies, roles, users and groups, joined with the inline policies, attachments, login
/// profiles and access keys that Terraform declares as separate resources.
/// </summary>
internal sealed class IdentityIamTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_iam_policy", Policy);
        registry.Primary("aws_iam_role", Role);
        registry.Primary("aws_iam_user", User);
        registry.Primary("aws_iam_group", Group);

        registry.Companion("aws_iam_role_policy", (r, e) => Inline(r, e, "role", PrincipalKind.Role));
        registry.Companion("aws_iam_user_policy", (r, e) => Inline(r, e, "user", PrincipalKind.User));
        registry.Companion("aws_iam_group_policy", (r, e) => Inline(r, e, "group", PrincipalKind.Group));
        registry.Companion("aws_iam_role_policy_attachment", (r, e) => Attachment(r, e, "role", PrincipalKind.Role));
        registry.Companion("aws_iam_user_policy_attachment", (r, e) => Attachment(r, e, "user", PrincipalKind.User));
        registry.Companion("aws_iam_group_policy_attachment", (r, e) => Attachment(r, e, "group", PrincipalKind.Group));
        registry.Companion("aws_iam_policy_attachment", SharedAttachment);
        registry.Companion("aws_iam_user_login_profile", LoginProfile);
        registry.Companion("aws_iam_access_key", AccessKey);
        registry.Companion("aws_iam_user_group_membership", UserGroups);
        registry.Companion("aws_iam_group_membership", GroupMembers);
    }

    private static void Policy(IResourceView r, IEstateBuilder estate) => estate.Add(new IamPolicy
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Name = r.String("name"),
        Document = r.Policy("policy"),
    });

    private static void Role(IResourceView r, IEstateBuilder estate) => estate.Add(new IamRole
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Name = r.String("name"),
        AssumeRolePolicy = r.Policy("assume_role_policy"),
        // inline_policy and managed_policy_arns are Optional+Computed: unknown in the plan unless written.
        InlinePolicies = r.Blocks("inline_policy").Where(b => b.Has("policy")).Select(InlineBlock).ToList(),
        AttachedPolicies = r.IsWritten("managed_policy_arns") ? IdentityJoins.RefList(r, "managed_policy_arns") : [],
        PermissionsBoundary = r.Ref("permissions_boundary"),
        MaxSessionDuration = r.Int("max_session_duration", 3600),
    });

    private static void User(IResourceView r, IEstateBuilder estate) => estate.Add(new IamUser
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Name = r.String("name"),
        PasswordResetRequired = Value.Default(false, r.Provenance),
    });

    private static void Group(IResourceView r, IEstateBuilder estate) => estate.Add(new IamGroup
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Name = r.String("name"),
    });

    private static InlinePolicy InlineBlock(IResourceView block) =>
        new(block.String("name").GetOrDefault() ?? "(unnamed)", block.Policy("policy"), block.At("policy"));

    private static void Inline(IResourceView r, IEstateBuilder estate, string principalPath, PrincipalKind kind) =>
        IdentityJoins.AddInline(estate, r, r.Ref(principalPath),
            new InlinePolicy(r.String("name").GetOrDefault() ?? r.Address, r.Policy("policy"), r.At("policy")), kind);

    private static void Attachment(IResourceView r, IEstateBuilder estate, string principalPath, PrincipalKind kind) =>
        IdentityJoins.AddAttachment(estate, r, r.Ref(principalPath), r.Ref("policy_arn"), kind);

    // aws_iam_policy_attachment attaches one policy to lists of users, roles and groups at once.
    private static void SharedAttachment(IResourceView r, IEstateBuilder estate)
    {
        var policy = r.Ref("policy_arn");
        foreach (var (path, kind) in new[] { ("users", PrincipalKind.User), ("roles", PrincipalKind.Role), ("groups", PrincipalKind.Group) })
        {
            if (r.Has(path))
            {
                foreach (var target in IdentityJoins.RefList(r, path))
                {
                    IdentityJoins.AddAttachment(estate, r, target, policy, kind);
                }
            }
        }
    }

    // password_reset_required is Optional+Computed: unknown in the plan unless written, and then
    // CreateLoginProfile gets no value and AWS's default (false) applies.
    private static void LoginProfile(IResourceView r, IEstateBuilder estate)
    {
        var reset = r.IsWritten("password_reset_required") ? r.Bool("password_reset_required", false) : Value.Default(false, r.Provenance);
        estate.Join<IamUser>(r, r.Ref("user"), u => u with { HasLoginProfile = true, PasswordResetRequired = reset }, u => u.Name.GetOrDefault());
    }

    private static void UserGroups(IResourceView r, IEstateBuilder estate)
    {
        var groups = IdentityJoins.RefList(r, "groups");
        estate.Join<IamUser>(r, r.Ref("user"), u => u with { Groups = [.. u.Groups, .. groups] }, u => u.Name.GetOrDefault());
    }

    private static void GroupMembers(IResourceView r, IEstateBuilder estate)
    {
        var users = IdentityJoins.RefList(r, "users");
        estate.Join<IamGroup>(r, r.Ref("group"), g => g with { Members = [.. g.Members, .. users] }, g => g.Name.GetOrDefault());
    }

    private static void AccessKey(IResourceView r, IEstateBuilder estate) =>
        estate.Join<IamUser>(r, r.Ref("user"), u => u with { AccessKeyCount = u.AccessKeyCount + 1 }, u => u.Name.GetOrDefault());
}
