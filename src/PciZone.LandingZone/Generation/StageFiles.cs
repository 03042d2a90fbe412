using PciZone.LandingZone.Spec;

namespace PciZone.LandingZone.Generation;

/// <summary>
/// The files every stage root has besides its main.tf: Terraform and provider versions, the S3 backend,
/// providers that assume the deployment role in their account, and the remote state of earlier stages.
/// </summary>
internal static class StageFiles
{
    /// <summary>Data source name and stage folder of every stage that others read.</summary>
    public static readonly IReadOnlyDictionary<string, string> Readable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["organization"] = "01-organization",
        ["log_archive"] = "02-log-archive",
        ["network"] = "05-network",
    };

    public static string Versions(ZoneSpec spec, Stage stage)
    {
        var body = new HclBody();
        body.Comment($"Stage {stage.Name}: {stage.Title}");
        body.Comment("State lives in the zone's state bucket (created once by hand; see the zone README).");
        body.Block("terraform", t =>
        {
            t.Attribute("required_version", ">= 1.10.0");
            t.Block("required_providers", p => p.Attribute("aws", Hcl.Object(("source", "hashicorp/aws"), ("version", ">= 5.60.0, < 6.0.0"))));
            t.Block("backend", ["s3"], b => b
                .Attribute("bucket", spec.State.Bucket)
                .Attribute("key", $"{spec.State.KeyPrefix}/{stage.Name}.tfstate")
                .Attribute("region", spec.State.Region)
                .Attribute("encrypt", true)
                .Attribute("use_lockfile", true));
        });
        return Render(body);
    }

    public static string Providers(ZoneSpec spec, Stage stage)
    {
        var body = new HclBody();
        body.Comment("One provider per account and region this stage deploys to, and no more: each costs memory at plan time.");
        body.Comment($"Member accounts are entered through the deployment role ({spec.Organization.DeploymentRole}).");
        foreach (var (alias, account, region) in stage.Providers)
        {
            body.Blank();
            body.Block("provider", ["aws"], p =>
            {
                if (alias is not null)
                {
                    p.Attribute("alias", alias);
                }

                p.Attribute("region", region);
                if (account != "management")
                {
                    p.Block("assume_role", a => a
                        .Attribute("role_arn", Hcl.Ref($"\"arn:aws:iam::${{local.account_ids[\"{account}\"]}}:role/{spec.Organization.DeploymentRole}\""))
                        .Attribute("session_name", "pcizone-landing-zone"));
                }

                p.Block("default_tags", d => d.Attribute("tags", Hcl.Ref("local.tags")));
            });
        }

        return Render(body);
    }

    public static string Locals(ZoneSpec spec, Stage stage, IEnumerable<KeyValuePair<string, string>> extraTags)
    {
        var tags = spec.Tags
            .Append(KeyValuePair.Create("pcizone:zone", spec.Organization.Name))
            .Append(KeyValuePair.Create("pcizone:stage", stage.Name))
            .Concat(extraTags);
        var body = new HclBody();
        body.Block("locals", l =>
        {
            l.Attribute("tags", Hcl.Map(tags));
            if (stage.Upstream.Contains("organization"))
            {
                l.Attribute("account_ids", Hcl.Ref("data.terraform_remote_state.organization.outputs.account_ids"));
            }
            else
            {
                l.Attribute("account_ids", Hcl.Ref("module.organization.account_ids"));
            }
        });
        return Render(body);
    }

    public static string RemoteState(ZoneSpec spec, Stage stage)
    {
        var body = new HclBody();
        body.Comment("Outputs of earlier stages, read from their state in the zone's state bucket.");
        foreach (var name in stage.Upstream)
        {
            body.Blank();
            body.Block("data", ["terraform_remote_state", name], d => d
                .Attribute("backend", "s3")
                .Attribute("config", Hcl.Object(
                    ("bucket", spec.State.Bucket),
                    ("key", $"{spec.State.KeyPrefix}/{Readable[name]}.tfstate"),
                    ("region", spec.State.Region))));
        }

        return Render(body);
    }

    public static string Render(HclBody body)
    {
        var sb = new System.Text.StringBuilder();
        body.RenderInto(sb, 0);
        return sb.ToString().TrimEnd('\n') + "\n";
    }
}
