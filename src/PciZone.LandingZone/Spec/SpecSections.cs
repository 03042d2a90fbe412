using YamlDotNet.RepresentationModel;
using static PciZone.LandingZone.Spec.SpecNodes;

namespace PciZone.LandingZone.Spec;

/// <summary>One reader per spec section; each returns a defaulted record and leaves problems in <see cref="SpecNodes"/>.</summary>
internal static class SpecSections
{
    public static OrganizationSpec Organization(SpecNodes n, YamlMappingNode root)
    {
        var node = Child(root, "organization");
        if (node is null)
        {
            n.Error(root, "'organization' is required");
        }

        var map = n.Mapping(node, "organization", SpecKeys.Organization);
        var home = n.String(map, "homeRegion", "organization", "eu-west-1", required: true);
        var allowed = n.Strings(map, "allowedRegions", "organization");
        return new OrganizationSpec(
            n.String(map, "name", "organization", "zone", required: true),
            home,
            allowed.Count > 0 ? allowed.Select(a => a.Value).ToList() : [home],
            n.String(map, "deploymentRole", "organization", "OrganizationAccountAccessRole"),
            n.String(map, "breakGlassRole", "organization", "BreakGlass"),
            map is null ? SpecMark.None : MarkOf(map),
            MarkOf(map, "name"),
            MarkOf(map, "homeRegion"),
            allowed.Select(a => a.Mark).ToList())
        {
            SecurityContact = SecurityContact(n, map),
        };
    }

    private static SecurityContactSpec? SecurityContact(SpecNodes n, YamlMappingNode? organization)
    {
        const string path = "organization.securityContact";
        var node = Child(organization, "securityContact");
        if (node is null)
        {
            if (organization is not null)
            {
                n.Error(organization, $"'{path}' is required: the SECURITY alternate contact of every account (PCI 12.10.1)");
            }

            return null;
        }

        var map = n.Mapping(node, path, SpecKeys.SecurityContact);
        return new SecurityContactSpec(
            n.String(map, "name", path, "", required: true),
            n.String(map, "title", path, "Security operations"),
            n.String(map, "email", path, "", required: true),
            n.String(map, "phone", path, "", required: true),
            MarkOf(node));
    }

    public static List<AccountSpec> Accounts(SpecNodes n, YamlMappingNode root, string homeRegion)
    {
        var accounts = new List<AccountSpec>();
        if (n.Mapping(Child(root, "accounts"), "accounts") is not { } map)
        {
            n.Error(root, "'accounts' is required: a mapping from account key to its email and OU");
            return accounts;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var path = $"accounts.{key}";
            var account = n.Mapping(value, path, SpecKeys.Account);
            var vpcs = new List<VpcSpec>();
            if (Child(account, "vpcs") is { } vpcNode)
            {
                if (vpcNode is YamlSequenceNode seq)
                {
                    vpcs.AddRange(seq.Children.Select((item, i) => Vpc(n, item, $"{path}.vpcs[{i}]", homeRegion)));
                }
                else
                {
                    n.Error(vpcNode, $"'{path}.vpcs' must be a list");
                }
            }

            accounts.Add(new AccountSpec(
                key,
                n.String(account, "email", path, "", required: true),
                n.String(account, "ou", path, "", required: true),
                n.Boolean(account, "cardholderData", path, false),
                vpcs,
                n.StringMap(account, "tags", path),
                MarkOf(keyNode),
                MarkOf(account, "email"),
                MarkOf(account, "ou")));
        }

        return accounts;
    }

    private static VpcSpec Vpc(SpecNodes n, YamlNode item, string path, string homeRegion)
    {
        var map = n.Mapping(item, path, SpecKeys.Vpc);
        return new VpcSpec(
            n.String(map, "region", path, homeRegion),
            n.String(map, "cidr", path, "", required: true),
            n.Boolean(map, "internetEdge", path, false),
            n.OptionalString(map, "domainName", path),
            MarkOf(item),
            MarkOf(map, "cidr"),
            MarkOf(map, "region"));
    }

    public static NetworkSpec Network(SpecNodes n, YamlMappingNode root)
    {
        var map = n.Mapping(Child(root, "network"), "network", SpecKeys.Network);
        return new NetworkSpec(
            n.Integer(map, "transitGatewayAsn", "network", 64512),
            (int)n.Integer(map, "availabilityZones", "network", 2),
            (int)n.Integer(map, "subnetNewbits", "network", 4),
            (int)n.Integer(map, "appPort", "network", 8443),
            (int)n.Integer(map, "dbPort", "network", 5432),
            MarkOf(map, "transitGatewayAsn"),
            MarkOf(map, "availabilityZones"),
            MarkOf(map, "subnetNewbits"));
    }

    public static IdentitySpec Identity(SpecNodes n, YamlMappingNode root)
    {
        var map = n.Mapping(Child(root, "identity"), "identity", SpecKeys.Identity);
        var groups = new List<GroupSpec>();
        if (Child(map, "groups") is { } groupsNode)
        {
            if (groupsNode is YamlSequenceNode seq)
            {
                foreach (var (item, i) in seq.Children.Select((c, i) => (c, i)))
                {
                    var path = $"identity.groups[{i}]";
                    var group = n.Mapping(item, path, SpecKeys.Group);
                    var accounts = n.Strings(group, "accounts", path);
                    groups.Add(new GroupSpec(
                        n.String(group, "name", path, "", required: true),
                        n.String(group, "description", path, "Managed by the PciZone landing zone"),
                        n.String(group, "permissionSet", path, "", required: true),
                        accounts.Select(a => a.Value).ToList(),
                        MarkOf(item),
                        MarkOf(group, "permissionSet"),
                        accounts.Select(a => a.Mark).ToList()));
                }
            }
            else
            {
                n.Error(groupsNode, "'identity.groups' must be a list");
            }
        }

        return new IdentitySpec(
            n.String(map, "instanceArn", "identity", "", required: true),
            n.String(map, "identityStoreId", "identity", "", required: true),
            groups,
            MarkOf(map, "instanceArn"),
            MarkOf(map, "identityStoreId"));
    }

    public static LoggingSpec Logging(SpecNodes n, YamlMappingNode root)
    {
        var map = n.Mapping(Child(root, "logging"), "logging", SpecKeys.Logging);
        return new LoggingSpec(
            (int)n.Integer(map, "retentionDays", "logging", 365),
            (int)n.Integer(map, "immediatelyAvailableDays", "logging", 90),
            n.String(map, "objectLockMode", "logging", "COMPLIANCE"),
            n.OptionalString(map, "alarmEmail", "logging"),
            MarkOf(map, "retentionDays"),
            MarkOf(map, "immediatelyAvailableDays"),
            MarkOf(map, "objectLockMode"));
    }

    public static StateSpec State(SpecNodes n, YamlMappingNode root, OrganizationSpec organization)
    {
        var map = n.Mapping(Child(root, "state"), "state", SpecKeys.State);
        return new StateSpec(
            n.String(map, "bucket", "state", $"{organization.Name}-tfstate"),
            n.String(map, "region", "state", organization.HomeRegion),
            n.String(map, "keyPrefix", "state", "landing-zone"),
            map is null ? SpecMark.None : MarkOf(map));
    }

    public static GuardrailSpec Guardrails(SpecNodes n, YamlMappingNode root)
    {
        var map = n.Mapping(Child(root, "guardrails"), "guardrails", SpecKeys.Guardrails);
        var disabled = Items(n, map, "disable", "guardrails.disable", SpecKeys.DisabledGuardrail, (item, path) =>
            new DisabledGuardrail(n.String(item, "id", path, "", required: true), n.String(item, "reason", path, "", required: true), MarkOf(item!)));
        var custom = Items(n, map, "custom", "guardrails.custom", SpecKeys.CustomPolicy, (item, path) =>
        {
            var targets = n.Strings(item, "targets", path);
            if (targets.Count == 0)
            {
                n.Error(item!, $"'{path}.targets' needs at least one OU path, account key or Root");
            }

            var document = Child(item, "document");
            var json = document is null ? "" : PolicyYaml.ToJson(n, document, $"{path}.document");
            if (document is null)
            {
                n.Error(item!, $"'{path}.document' is required");
            }

            return new CustomPolicySpec(
                n.String(item, "name", path, "", required: true),
                n.String(item, "description", path, "Organisation guardrail"),
                targets.Select(t => t.Value).ToList(),
                json,
                MarkOf(item!),
                targets.Select(t => t.Mark).ToList(),
                document is null ? SpecMark.None : MarkOf(document));
        });
        return new GuardrailSpec(disabled, custom);
    }

    private static List<T> Items<T>(SpecNodes n, YamlMappingNode? map, string key, string path, string[] known, Func<YamlMappingNode?, string, T> build)
    {
        var result = new List<T>();
        switch (Child(map, key))
        {
            case null:
                break;
            case YamlSequenceNode seq:
                foreach (var (item, i) in seq.Children.Select((c, i) => (c, i)))
                {
                    if (n.Mapping(item, $"{path}[{i}]", known) is { } itemMap)
                    {
                        result.Add(build(itemMap, $"{path}[{i}]"));
                    }
                }

                break;
            case var other:
                n.Error(other, $"'{path}' must be a list");
                break;
        }

        return result;
    }
}
