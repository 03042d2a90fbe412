using System.Runtime.CompilerServices;
using System.Text.Json;
using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>Reads <c>terraform show -json</c> output (plan or state) into estate resources.</summary>
public static class TerraformPlanReader
{
    private static readonly Lazy<MapperRegistry> BuiltIn = new(() => Registry(DiscoverMappers()));

    /// <summary>Terraform JSON output format major version this reader understands.</summary>
    public const string SupportedFormatMajor = "1";

    /// <summary>Input types that the built-in mappers model.</summary>
    public static IEnumerable<string> ModelledTypes => BuiltIn.Value.Types;

    /// <summary>Reads one plan file with the built-in mappers. Never throws for bad input.</summary>
    public static FileReadResult Read(string file, ReadOnlyMemory<byte> json, string addressPrefix) =>
        Read(file, json, addressPrefix, BuiltIn.Value);

    internal static FileReadResult Read(string file, ReadOnlyMemory<byte> json, string addressPrefix, MapperRegistry registry)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            return FileReadResult.Failed(new InputError(file, JsonErrors.Line(ex), $"malformed JSON: {JsonErrors.Message(ex)}"));
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (!root.TryGetProperty("format_version", out var fv) || fv.ValueKind != JsonValueKind.String)
            {
                return FileReadResult.Failed(new InputError(file, 0, "plan has no format_version; expected output of `terraform show -json`"));
            }

            var version = fv.GetString() ?? "";
            if (version.Split('.')[0] != SupportedFormatMajor)
            {
                return FileReadResult.Failed(new InputError(file, 0,
                    $"unsupported plan format_version \"{version}\"; PciZone reads format {SupportedFormatMajor}.x (Terraform 0.12 and later)"));
            }

            return Map(file, root, addressPrefix, registry);
        }
    }

    // Runs once per scan over every instance: without this the tiered JIT keeps it in unoptimised
    // tier-0 code with on-stack replacement for the loops for the first thirty scans of a process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static FileReadResult Map(string file, JsonElement root, string addressPrefix, MapperRegistry registry)
    {
        var instances = PlanInstances.Collect(root);
        var config = new ConfigIndex(root, Path.GetDirectoryName(Path.GetFullPath(file)));
        var resolver = new ReferenceResolver(config, instances);
        var locator = new SourceLocator(file);
        var sources = new SourceLiterals();
        var policies = new PolicyCache();
        var schemas = new AttributeSchemas();
        var unknowns = new UnknownNotes();
        var builder = new EstateBuilder(file, duplicateIsError: false, "plan");
        var errors = new List<InputError>();
        var unmodelled = new SortedDictionary<string, int>(StringComparer.Ordinal);

        // Views are made when their mapper runs and dropped right after: holding 100,000 views (each
        // with its attribute slots) through both phases only gives the GC more survivors to copy.
        var work = new List<(MapperPhase Phase, ResourceMapper Map, PlanInstance Instance)>(instances.Count);
        foreach (var instance in instances)
        {
            if (!registry.TryGet(instance.Type, out var phase, out var map))
            {
                unmodelled[instance.Type] = unmodelled.GetValueOrDefault(instance.Type) + 1;
                continue;
            }

            work.Add((phase, map, instance));
        }

        foreach (var phase in new[] { MapperPhase.Primary, MapperPhase.Companion })
        {
            foreach (var (p, map, instance) in work)
            {
                if (p != phase)
                {
                    continue;
                }

                var address = addressPrefix + instance.Address;
                var provenance = locator.Locate(config.Module(instance.ConfigPath), instance.Type, instance.Name, address);
                var expressions = config.Expressions(instance.ConfigPath, instance.ConfigAddress);
                var view = new TfView(instance, new TfContext(resolver, instance, addressPrefix, sources, policies, schemas, unknowns), address, provenance, expressions);
                try
                {
                    map(view, builder);
                }
                catch (Exception ex) when (ex is InvalidOperationException or InvalidCastException or FormatException
                                               or KeyNotFoundException or ArgumentException or JsonException or NullReferenceException)
                {
                    errors.Add(new InputError(file, view.Provenance.Line, $"{view.Address}: cannot be modelled: {FirstSentence(ex.Message)}"));
                }
            }
        }

        foreach (var provider in ProviderConfigurations.Read(root, file, addressPrefix))
        {
            builder.Add(provider);
        }

        var notes = builder.Notes;
        foreach (var (type, count) in unmodelled)
        {
            notes.Add(new InputNote(file, type, $"{count} resource(s) of type {type} have no model yet and are not checked"));
        }

        errors.AddRange(builder.Errors);
        var resources = builder.Resources.ToList();
        if (locator.HasSuppressions)
        {
            AttachSuppressions(resources, instances, addressPrefix, locator, config);
        }

        return new FileReadResult(resources, errors, notes);
    }

    // Rare (only sources with pcizone:ignore comments), so it runs after mapping instead of in every view.
    private static void AttachSuppressions(List<Resource> resources, List<PlanInstance> instances, string addressPrefix, SourceLocator locator, ConfigIndex config)
    {
        var byAddress = new Dictionary<string, PlanInstance>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            byAddress.TryAdd(addressPrefix + instance.Address, instance);
        }

        for (var i = 0; i < resources.Count; i++)
        {
            if (byAddress.TryGetValue(resources[i].Address, out var instance)
                && locator.Suppressions(config.Module(instance.ConfigPath), instance.Type, instance.Name) is { Count: > 0 } found)
            {
                resources[i] = resources[i] with { InlineSuppressions = found };
            }
        }
    }

    internal static MapperRegistry Registry(IEnumerable<ITerraformMappers> groups)
    {
        var registry = new MapperRegistry();
        foreach (var g in groups)
        {
            g.Register(registry);
        }

        return registry;
    }

    private static IEnumerable<ITerraformMappers> DiscoverMappers() =>
        typeof(TerraformPlanReader).Assembly.GetTypes()
            .Where(t => typeof(ITerraformMappers).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ITerraformMappers)Activator.CreateInstance(t, nonPublic: true)!);

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
