using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>
/// Runs the mappers over a template's resources: every primary first, then every companion, so a
/// companion always finds its primary whatever order the template lists them in.
/// </summary>
internal static class CloudFormationMapping
{
    private static readonly Lazy<MapperRegistry> Discovered = new(Discover);

    /// <summary>The registry of every <see cref="ICloudFormationMappers"/> in this assembly.</summary>
    public static MapperRegistry Registry => Discovered.Value;

    public static FileReadResult Map(string file, Template template, string addressPrefix, MapperRegistry registry)
    {
        var evaluator = new Evaluator(template);
        var estate = new EstateBuilder(file, duplicateIsError: true, "template");
        foreach (var problem in template.Problems)
        {
            estate.Errors.Add(new InputError(file, problem.Line, problem.Message));
        }

        foreach (var transform in template.Transforms)
        {
            estate.Notes.Add(new InputNote(file, "", $"template uses the transform {transform}; what it generates on deploy is not checked"));
        }

        var companions = new List<(TemplateResource, ResourceMapper)>();
        foreach (var resource in template.Resources)
        {
            if (!Included(file, resource, addressPrefix, evaluator, estate.Notes))
            {
                continue;
            }

            if (!registry.TryGet(resource.Type, out var phase, out var map))
            {
                estate.Notes.Add(new InputNote(file, addressPrefix + resource.LogicalId, $"no model for {resource.Type}; not checked"));
            }
            else if (phase == MapperPhase.Companion)
            {
                companions.Add((resource, map));
            }
            else
            {
                Run(file, resource, map, addressPrefix, evaluator, estate);
            }
        }

        foreach (var (resource, map) in companions)
        {
            Run(file, resource, map, addressPrefix, evaluator, estate);
        }

        var resources = estate.Resources.ToList();
        InlineSuppressions.Attach(file, template, addressPrefix, resources, estate.Errors);
        return new FileReadResult(resources, estate.Errors, estate.Notes);
    }

    private static bool Included(string file, TemplateResource resource, string addressPrefix, Evaluator evaluator, List<InputNote> notes)
    {
        if (resource.Condition is null)
        {
            return true;
        }

        var truth = evaluator.Condition(resource.Condition, resource.Line);
        var address = addressPrefix + resource.LogicalId;
        switch (truth.Value)
        {
            case false:
                notes.Add(new InputNote(file, address, $"condition {resource.Condition} is false with the parameter defaults; resource left out"));
                return false;
            case null:
                notes.Add(new InputNote(file, address, $"condition {resource.Condition} cannot be evaluated offline ({truth.Reason}); resource checked as if created"));
                return true;
            default:
                return true;
        }
    }

    private static void Run(string file, TemplateResource resource, ResourceMapper map, string addressPrefix, Evaluator evaluator, EstateBuilder estate)
    {
        var address = addressPrefix + resource.LogicalId;
        var view = new CfnResourceView(evaluator, addressPrefix, address, resource.Type,
            new Provenance(file, resource.Line, address), resource.Properties);
        try
        {
            map(view, estate);
        }
        catch (Exception ex)
        {
            // One bad mapper (or one odd resource) must not cost the rest of the scan.
            estate.Errors.Add(new InputError(file, resource.Line,
                $"mapping {resource.Type} {address} failed: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    private static MapperRegistry Discover()
    {
        var registry = new MapperRegistry();
        var groups = typeof(CloudFormationMapping).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICloudFormationMappers).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in groups)
        {
            var group = (ICloudFormationMappers)Activator.CreateInstance(type, nonPublic: true)!;
            group.Register(registry);
        }

        return registry;
    }
}
