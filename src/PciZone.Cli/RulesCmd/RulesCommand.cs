using System.CommandLine;
using PciZone.Cli.Scan;
using PciZone.Compliance;
using PciZone.Rules;

namespace PciZone.Cli.RulesCmd;

/// <summary>The <c>rules list</c> and <c>rules explain</c> commands.</summary>
internal static class RulesCommand
{
    public static Command Build(CliHost host)
    {
        var service = new Option<string>("--service") { Description = "Only rules of this AWS service (S3, EC2, RDS ...).", HelpName = "SERVICE" };
        var severity = new Option<string>("--severity") { Description = "Only rules of this severity or higher.", HelpName = "SEVERITY" };
        var requirement = new Option<string>("--requirement") { Description = "Only rules mapped to this PCI DSS requirement or below it.", HelpName = "PREFIX" };
        var format = new Option<string>("--format", "-f") { Description = "table or json. [default: table]", HelpName = "FORMAT" };
        var list = new Command("list", "List the built-in rules with severity and PCI DSS requirements.")
        {
            service, severity, requirement, format,
        };
        list.SetAction(parse => List(
            host,
            parse.GetValue(service),
            parse.GetValue(severity),
            parse.GetValue(requirement),
            parse.GetValue(format) ?? "table"));

        var id = new Argument<string>("ID") { Description = "Rule id (PCZ-S3-002) or slug (s3-bucket-public-access-blocked)." };
        var explain = new Command("explain", "Explain one rule: what it checks, why, the PCI DSS requirements and how to fix it.") { id };
        explain.SetAction(parse => Explain(host, parse.GetValue(id)!));

        return new Command("rules", "List and explain the built-in rules.") { list, explain };
    }

    private static int List(CliHost host, string? service, string? severity, string? requirement, string format)
    {
        Severity? minimum = severity is null ? null : ScanSettings.ParseGate(severity, "--severity")
                                                      ?? throw new UsageException("--severity: 'none' is not a severity");
        if (requirement is not null && !RequirementCatalogue.PciDss401.Contains(requirement))
        {
            throw new UsageException($"--requirement: '{requirement}' is not a PCI DSS v4.0.1 requirement id");
        }

        if (format is not ("table" or "json"))
        {
            throw new UsageException($"--format: '{format}' is not table or json");
        }

        var mapping = ComplianceMapping.PciDss401;
        var rows = RulePack.BuiltIn.Rules
            .Select(r => r.Descriptor)
            .Where(d => service is null || string.Equals(d.Service, service, StringComparison.OrdinalIgnoreCase))
            .Where(d => minimum is null || d.Severity >= minimum)
            .Where(d => requirement is null || mapping.RequirementsFor(d.Id).Any(req => RuleEngine.RequirementMatches(req, requirement)))
            .Select(d => new RuleRow(d, mapping.RequirementsFor(d.Id)))
            .ToList();

        if (format == "json")
        {
            RuleListWriter.WriteJson(rows, host.Out);
        }
        else
        {
            RuleListWriter.WriteTable(rows, host);
        }

        return ExitCodes.Ok;
    }

    private static int Explain(CliHost host, string idOrSlug)
    {
        var rule = RulePack.BuiltIn.Rules.Select(r => r.Descriptor).FirstOrDefault(d =>
                       string.Equals(d.Id, idOrSlug, StringComparison.OrdinalIgnoreCase)
                       || string.Equals(d.Slug, idOrSlug, StringComparison.OrdinalIgnoreCase))
                   ?? throw new UsageException($"unknown rule '{idOrSlug}' (see 'pcizone rules list')");
        RuleExplainer.Write(rule, ComplianceMapping.PciDss401, RequirementCatalogue.PciDss401, host.Out);
        return ExitCodes.Ok;
    }
}

/// <summary>One line of <c>rules list</c>.</summary>
internal sealed record RuleRow(RuleDescriptor Rule, IReadOnlyList<string> Requirements);
