using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>EventBridge rules joined with their <c>aws_cloudwatch_event_target</c> resources.</summary>
internal sealed class EventsTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_cloudwatch_event_rule", (r, e) => e.Add(new EventRule
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            EventPattern = r.String("event_pattern"),

            // state replaced is_enabled; both default to an enabled rule.
            Enabled = r.IsWritten("state")
                ? r.String("state").Map(s => !string.Equals(s, "DISABLED", StringComparison.Ordinal))
                : r.BoolOrDefault("is_enabled", true),
        }));

        // A target names its rule by name (and event bus); the reference usually resolves to the rule's address.
        registry.Companion("aws_cloudwatch_event_target", (r, e) =>
        {
            var target = r.Ref("arn");
            e.Join<EventRule>(r, r.Ref("rule"), x => x with { Targets = [.. x.Targets, target] }, x => x.Name.GetOrDefault());
        });
    }
}
