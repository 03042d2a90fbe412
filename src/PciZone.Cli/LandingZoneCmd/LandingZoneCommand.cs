using System.CommandLine;
using System.Diagnostics;
using PciZone.LandingZone.Generation;
using PciZone.LandingZone.Spec;

namespace PciZone.Cli.LandingZoneCmd;

/// <summary>
/// <c>landing-zone init</c> writes the commented default spec; <c>landing-zone generate</c> turns a spec into
/// staged Terraform. A bad spec is exit code 2 with one line per problem, and nothing is written.
/// </summary>
internal static class LandingZoneCommand
{
    public static Command Build(CliHost host)
    {
        var initOut = new Option<string>("--out", "-o") { Description = "Where to write the spec. [default: zone.yaml]", HelpName = "FILE" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var init = new Command("init", "Write a commented default spec for a payment gateway's landing zone.") { initOut, force };
        init.SetAction(parse => Init(host, parse.GetValue(initOut) ?? "zone.yaml", parse.GetValue(force)));

        var spec = new Option<string>("--spec", "-s") { Description = "The landing-zone spec (YAML).", HelpName = "FILE", Required = true };
        var outDir = new Option<string>("--out", "-o") { Description = "The folder to write the Terraform into (empty, new, or generated before).", HelpName = "DIR", Required = true };
        var generate = new Command("generate", "Generate the landing zone's Terraform stages, modules and README from a spec.") { spec, outDir };
        generate.SetAction(parse => Generate(host, parse.GetValue(spec)!, parse.GetValue(outDir)!));

        return new Command("landing-zone", "Generate a PCI DSS v4.0.1 AWS landing zone as Terraform.") { init, generate };
    }

    private static int Init(CliHost host, string path, bool force)
    {
        if (File.Exists(path) && !force)
        {
            throw new UsageException($"{path}: file exists; use --force to overwrite");
        }

        try
        {
            File.WriteAllText(path, DefaultSpec.Text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot write: {ex.Message}");
        }

        host.Log($"wrote {path}; next: pcizone landing-zone generate --spec {path} --out zone");
        return ExitCodes.Ok;
    }

    private static int Generate(CliHost host, string specPath, string outDir)
    {
        var clock = Stopwatch.StartNew();
        GeneratedZone zone;
        try
        {
            zone = ZoneGenerator.Generate(SpecReader.Read(specPath), CliApp.Version);
        }
        catch (SpecException ex)
        {
            foreach (var error in ex.Errors)
            {
                host.Log(error.ToString());
            }

            host.Log($"{ex.Errors.Count} problem(s) in {specPath}; nothing was written");
            return ExitCodes.Usage;
        }

        try
        {
            ZoneWriter.Write(zone, outDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(ex.Message);
        }

        var output = host.Out;
        output.WriteLine($"Generated {zone.Files.Count} files in {outDir} ({clock.ElapsedMilliseconds} ms): {zone.Stages.Count} stages, {zone.Controls.Count} controls.");
        output.WriteLine("Apply the stages in order:");
        foreach (var stage in zone.Stages)
        {
            output.WriteLine($"  stages/{stage}");
        }

        output.WriteLine($"PCI DSS v4.0.1 requirements met by construction ({zone.RequirementsMet.Count}; manual steps in {Path.Combine(outDir, "README.md")}):");
        foreach (var (requirement, controls) in zone.RequirementsMet)
        {
            output.WriteLine($"  {requirement,-9} {string.Join(", ", controls)}");
        }

        return ExitCodes.Ok;
    }
}
