using PciZone.LandingZone.Spec;

namespace PciZone.LandingZone.Generation;

/// <summary>Stage 05 (the transit-gateway hubs) and stage 06 (one root per remaining account: keys, VPCs, edge, baseline).</summary>
internal static class NetworkStages
{
    private const string LogArchiveState = "data.terraform_remote_state.log_archive.outputs";
    private const string NetworkState = "data.terraform_remote_state.network.outputs";

    /// <summary>Regions that hold at least one workload VPC, home region first.</summary>
    public static IReadOnlyList<string> HubRegions(ZoneSpec spec) =>
        spec.Organization.AllowedRegions.Where(r => spec.Vpcs().Any(v => v.Vpc.Region == r)).ToList();

    /// <summary>How a VPC attaches to the hub: cde, non_cde or shared.</summary>
    public static string Role(AccountSpec account) =>
        account.CardholderData ? "cde" : account.Ou == Ous.Infrastructure ? "shared" : "non_cde";

    public static Stage Network(ZoneSpec spec)
    {
        var stage = new Stage("05-network", "network", "transit gateway hub per region with separate CDE, non-CDE and shared route tables");
        stage.Upstream.Add("organization");
        stage.Upstream.Add("log_archive");
        stage.AddProvider("network", spec.Organization.HomeRegion, spec.Organization.HomeRegion);
        foreach (var region in HubRegions(spec))
        {
            stage.AddProvider("network", region, spec.Organization.HomeRegion);
            var provider = stage.Provider("network", region);
            stage.Main.Comment($"Hub in {region}. PCI 1.2.1, 1.3.1, 1.3.2, 1.4.1: no route table both CDE and non-CDE networks propagate into.");
            stage.Main.Block("module", [$"hub_{Naming.Identifier(region)}"], m =>
            {
                m.Attribute("source", Modules.Source("network-hub"));
                Modules.Providers(m, provider);

                m.Blank();
                m.Attribute("name_prefix", $"{spec.Organization.Name}-{region}");
                m.Attribute("amazon_side_asn", spec.Network.TransitGatewayAsn);
                m.Attribute("organization_arn", Hcl.Ref("data.terraform_remote_state.organization.outputs.organization_arn"));
                m.Attribute("tags", Hcl.Ref("local.tags"));
            });
            stage.Main.Blank();
        }

        Modules.Baselines(spec, stage, "network", LogArchiveState);
        var regions = HubRegions(spec);
        Modules.Output(stage, "transit_gateway_ids", "Transit gateway id per region.",
            "{ " + string.Join(", ", regions.Select(r => $"\"{r}\" = module.hub_{Naming.Identifier(r)}.transit_gateway_id")) + " }");
        Modules.Output(stage, "route_table_ids", "Transit gateway route table ids (cde, non_cde, shared) per region.",
            "{ " + string.Join(", ", regions.Select(r => $"\"{r}\" = module.hub_{Naming.Identifier(r)}.route_table_ids")) + " }");
        return stage;
    }

    public static Stage Account(ZoneSpec spec, AccountSpec account)
    {
        var stage = new Stage($"06-account-{account.Key}", account.Key,
            account.CardholderData ? "CDE workload account: CDE keys, segmented VPC, TLS edge with WAF" : $"{account.Ou} account: keys, VPC, baseline");
        stage.Upstream.Add("organization");
        stage.Upstream.Add("log_archive");
        var home = spec.Organization.HomeRegion;
        stage.AddProvider(account.Key, home, home);
        var main = stage.Main;
        foreach (var region in account.Vpcs.Select(v => v.Region).Prepend(home).Distinct())
        {
            stage.AddProvider(account.Key, region, home);
            Keys(spec, stage, account, region);
        }

        foreach (var vpc in account.Vpcs)
        {
            stage.Upstream.Add("network");
            Vpc(spec, stage, account, vpc);
        }

        Modules.Baselines(spec, stage, account.Key, LogArchiveState);
        return stage;
    }

    private static void Keys(ZoneSpec spec, Stage stage, AccountSpec account, string region)
    {
        var provider = stage.Provider(account.Key, region);
        string Role(string name) => $"\"arn:aws:iam::${{local.account_ids[\"{account.Key}\"]}}:role/{name}\"";
        stage.Main.Comment($"Keys in {region}. PCI 3.6.1, 3.7.1-3.7.5: one key per purpose, rotated yearly, administrators cannot use it and users cannot manage it.");
        stage.Main.Block("module", [$"kms_{Naming.Identifier(region)}"], m =>
        {
            m.Attribute("source", Modules.Source("kms-keys"));
            Modules.Providers(m, provider);

            m.Blank();
            m.Attribute("name_prefix", $"{spec.Organization.Name}-{account.Key}-{region}");
            m.Attribute("account_id", Hcl.Ref($"local.account_ids[\"{account.Key}\"]"));
            m.Attribute("admin_role_arns", Hcl.List([Hcl.Ref(Role(spec.Organization.DeploymentRole)), Hcl.Ref(Role(spec.Organization.BreakGlassRole))]));
            m.Attribute("purposes", Hcl.Object(
                ("data", Purpose(account.CardholderData ? "Cardholder data at rest" : "Workload data at rest", [])),
                ("backups", Purpose("Backups", [], [$"backup.{region}.amazonaws.com"])),
                ("logs", Purpose("CloudWatch Logs (WAF and application logs) and S3 access logs", [$"logs.{region}.amazonaws.com", "logging.s3.amazonaws.com"]))));
            m.Attribute("tags", Hcl.Ref("local.tags"));
        });
        stage.Main.Blank();
    }

    // via: services through which the account's own principals (the AWS Backup role) may use the key.
    private static HclObject Purpose(string description, IReadOnlyList<string> services, IReadOnlyList<string>? via = null) =>
        via is null
            ? Hcl.Object(("description", description), ("user_role_arns", Hcl.List([])), ("service_principals", Hcl.Strings(services)))
            : Hcl.Object(("description", description), ("user_role_arns", Hcl.List([])), ("service_principals", Hcl.Strings(services)), ("via_services", Hcl.Strings(via)));

    private static void Vpc(ZoneSpec spec, Stage stage, AccountSpec account, VpcSpec vpc)
    {
        var home = spec.Organization.HomeRegion;
        var id = Naming.Identifier(vpc.Region);
        stage.AddProvider(account.Key, vpc.Region, home);
        stage.AddProvider("network", vpc.Region, home);
        var provider = stage.Provider(account.Key, vpc.Region);
        var role = Role(account);
        var peers = spec.Vpcs().Where(o => o.Vpc.Region == vpc.Region && o.Account != account && Reachable(role, Role(o.Account))).Select(o => o.Vpc.Cidr).ToList();
        var main = stage.Main;
        main.Blank();
        main.Comment($"VPC in {vpc.Region} ({role}). PCI 1.2.1, 1.3.1, 1.3.2, 1.4.1, 1.4.4, 10.2.1: tiers, NACLs, SGs by reference, no internet route to data, flow logs.");
        main.Block("module", [$"vpc_{id}"], m =>
        {
            m.Attribute("source", Modules.Source("workload-vpc"));
            Modules.Providers(m, provider);

            m.Blank();
            m.Attribute("name", $"{spec.Organization.Name}-{account.Key}-{vpc.Region}");
            m.Attribute("cidr", vpc.Cidr);
            m.Attribute("azs", Hcl.Strings(Enumerable.Range(0, spec.Network.AvailabilityZones).Select(i => $"{vpc.Region}{(char)('a' + i)}")));
            m.Attribute("is_cde", account.CardholderData);
            m.Attribute("subnet_newbits", spec.Network.SubnetNewbits);
            m.Attribute("flow_log_bucket_arn", Hcl.Ref($"{LogArchiveState}.log_bucket_arn"));
            m.Attribute("transit_gateway_id", Hcl.Ref($"{NetworkState}.transit_gateway_ids[\"{vpc.Region}\"]"));
            m.Attribute("tgw_destination_cidrs", Hcl.Strings(peers));
            m.Attribute("internet_edge", vpc.InternetEdge);
            m.Attribute("app_port", spec.Network.AppPort);
            m.Attribute("db_port", spec.Network.DbPort);
            m.Attribute("region", vpc.Region);
            m.Attribute("tags", Hcl.Ref("local.tags"));
        });
        main.Blank();
        main.Comment("PCI 1.3.1, 1.3.2: the attachment joins only its own route table; non-CDE tables never learn CDE routes.");
        main.Block("module", [$"routing_{id}"], m => m
            .Attribute("source", Modules.Source("transit-routing"))
            .Attribute("providers", Hcl.Object(("aws", Hcl.Ref(stage.Provider("network", vpc.Region)))))
            .Blank()
            .Attribute("attachment_id", Hcl.Ref($"module.vpc_{id}.tgw_attachment_id"))
            .Attribute("is_cde", role == "cde")
            .Attribute("is_shared_services", role == "shared")
            .Attribute("route_table_ids", Hcl.Ref($"{NetworkState}.route_table_ids[\"{vpc.Region}\"]")));
        if (vpc.InternetEdge)
        {
            Edge(spec, stage, account, vpc, id, provider);
        }
    }

    private static void Edge(ZoneSpec spec, Stage stage, AccountSpec account, VpcSpec vpc, string id, string provider)
    {
        stage.Main.Blank();
        stage.Main.Comment("PCI 4.2.1, 6.4.1, 6.4.2, 10.2.1: TLS 1.2+ only, HTTP redirected, WAF in front, access and WAF logs kept.");
        stage.Main.Block("module", [$"edge_{id}"], m =>
        {
            m.Attribute("source", Modules.Source("edge-alb"));
            Modules.Providers(m, provider);

            m.Blank();
            m.Attribute("name", Naming.Edge(account.Key, vpc.Region));
            m.Attribute("account_id", Hcl.Ref($"local.account_ids[\"{account.Key}\"]"));
            m.Attribute("vpc_id", Hcl.Ref($"module.vpc_{id}.vpc_id"));
            m.Attribute("subnet_ids", Hcl.Ref($"module.vpc_{id}.subnet_ids[\"edge\"]"));
            m.Attribute("security_group_id", Hcl.Ref($"module.vpc_{id}.security_group_ids[\"alb\"]"));
            m.Attribute("domain_name", vpc.DomainName ?? "");
            m.Attribute("target_port", spec.Network.AppPort);
            m.Attribute("log_retention_days", spec.Logging.RetentionDays);
            m.Attribute("waf_log_kms_key_arn", Hcl.Ref($"module.kms_{id}.key_arns[\"logs\"]"));
            m.Attribute("access_log_kms_key_arn", Hcl.Ref($"module.kms_{id}.key_arns[\"logs\"]"));
            m.Attribute("backup_logs", true);
            m.Attribute("backup_kms_key_arn", Hcl.Ref($"module.kms_{id}.key_arns[\"backups\"]"));
            m.Attribute("tags", Hcl.Ref("local.tags"));
        });
    }

    /// <summary>Which VPC roles route to each other: shared services reach everything; CDE and non-CDE only shared services.</summary>
    private static bool Reachable(string from, string to) => from == "shared" || to == "shared";
}
