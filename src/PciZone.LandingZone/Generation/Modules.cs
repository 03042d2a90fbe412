using PciZone.LandingZone.Spec;

namespace PciZone.LandingZone.Generation;

/// <summary>Module calls shared by several stages.</summary>
internal static class Modules
{
    /// <summary>The key prefix of AWS Config deliveries in the log archive; the bucket policy and every recorder must agree.</summary>
    public const string ConfigPrefix = "config";

    public static string Source(string module) => $"../../modules/{module}";

    /// <summary>
    /// The account baseline in every allowed region (PCI 10.2.1 Config everywhere; 2.2 secure defaults).
    /// <paramref name="logArchive"/> is the expression prefix holding log_bucket_name and log_kms_key_arn.
    /// </summary>
    public static void Baselines(ZoneSpec spec, Stage stage, string account, string logArchive)
    {
        foreach (var region in spec.Organization.AllowedRegions)
        {
            stage.AddProvider(account, region, spec.Organization.HomeRegion);
            var provider = stage.Provider(account, region);
            var home = region == spec.Organization.HomeRegion;
            stage.Main.Blank();
            stage.Main.Comment($"Account baseline in {region}: AWS Config, EBS encryption by default, IMDSv2 by default, Access Analyzer{(home ? ", password policy, S3 Block Public Access" : "")}.");
            stage.Main.Comment("PCI 2.2.1, 2.2.6, 8.3.6, 8.3.7, 8.3.9, 10.2.1, 1.4.4");
            stage.Main.Block("module", [$"baseline_{Naming.Identifier(region)}"], m =>
            {
                m.Attribute("source", Source("account-baseline"));
                Modules.Providers(m, provider);

                m.Blank();
                m.Attribute("account_id", Hcl.Ref($"local.account_ids[\"{account}\"]"));
                m.Attribute("region", region);
                m.Attribute("is_home_region", home);
                m.Attribute("config_bucket_name", Hcl.Ref($"{logArchive}.log_bucket_name"));
                m.Attribute("config_kms_key_arn", Hcl.Ref($"{logArchive}.log_kms_key_arn"));
                m.Attribute("config_s3_prefix", ConfigPrefix);
                m.Attribute("tags", Hcl.Ref("local.tags"));
            });
        }
    }

    /// <summary>Passes a non-default provider (<c>aws.alias</c>) to a module call; the default needs no line.</summary>
    public static void Providers(HclBody module, string provider)
    {
        if (provider != "aws")
        {
            module.Attribute("providers", Hcl.Object(("aws", Hcl.Ref(provider))));
        }
    }

    /// <summary>Adds an output block.</summary>
    public static void Output(Stage stage, string name, string description, string value)
    {
        stage.Outputs.Block("output", [name], o => o.Attribute("description", description).Attribute("value", Hcl.Ref(value)));
        stage.Outputs.Blank();
    }
}
