using PciZone.Compliance;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PciZone.Rules;

/// <summary>The on-disk shape of rule.yaml. Unknown keys are an error.</summary>
internal sealed class RuleYaml
{
    public string Id { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    public string Severity { get; set; } = "";

    public string Status { get; set; } = "";

    public string Service { get; set; } = "";

    public List<string> EstateTypes { get; set; } = [];

    public List<string> Formats { get; set; } = [];

    public List<string> Catalogue { get; set; } = [];

    public string Description { get; set; } = "";

    public string Risk { get; set; } = "";

    public RemediationYaml Remediation { get; set; } = new();

    public List<string> References { get; set; } = [];

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Parses and validates one rule.yaml; throws FormatException naming the file.</summary>
    public static RuleDescriptor Parse(string name, string text)
    {
        RuleYaml y;
        try
        {
            y = Deserializer.Deserialize<RuleYaml>(text) ?? throw new FormatException($"{name}: empty");
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new FormatException($"{name}: {ex.Message}", ex);
        }

        if (!Wire.TryParse<Severity>(y.Severity, out var severity))
        {
            throw new FormatException($"{name}: severity '{y.Severity}' is not one of info, low, medium, high, critical");
        }

        if (!Wire.TryParse<RuleStatus>(y.Status, out var status))
        {
            throw new FormatException($"{name}: status '{y.Status}' is not experimental or stable");
        }

        return new RuleDescriptor
        {
            Id = y.Id,
            Slug = y.Slug,
            Title = y.Title.Trim(),
            Severity = severity,
            Status = status,
            Service = y.Service,
            EstateTypes = y.EstateTypes,
            Formats = y.Formats,
            CatalogueIds = y.Catalogue,
            Description = y.Description.Trim(),
            Risk = y.Risk.Trim(),
            Remediation = y.Remediation.Text.Trim(),
            RemediationTerraform = y.Remediation.Terraform.TrimEnd(),
            RemediationCloudFormation = y.Remediation.CloudFormation.TrimEnd(),
            References = y.References,
        };
    }
}

/// <summary>The remediation block of rule.yaml.</summary>
internal sealed class RemediationYaml
{
    public string Text { get; set; } = "";

    public string Terraform { get; set; } = "";

    public string CloudFormation { get; set; } = "";
}
