using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>
/// Suppressions in a resource's Metadata, the CloudFormation counterpart of a Terraform
/// <c># pcizone:ignore</c> comment:
/// <code>
/// Metadata:
///   pcizone:
///     ignore:
///       - rule: PCZ-S3-005
///         reason: ELB access logs support only SSE-S3
/// </code>
/// An entry without a rule id or a reason is an input error, never a silent suppression.
/// </summary>
internal static class InlineSuppressions
{
    public static void Attach(string file, Template template, string addressPrefix, List<Resource> resources, List<InputError> errors)
    {
        var byLogicalId = new Dictionary<string, List<InlineSuppression>>(StringComparer.Ordinal);
        foreach (var resource in template.Resources)
        {
            if (resource.Metadata?.Get("pcizone")?.Get("ignore") is not { } ignore)
            {
                continue;
            }

            var found = new List<InlineSuppression>();
            foreach (var item in ignore.IsSequence ? ignore.Items : [ignore])
            {
                var rule = item.Get("rule")?.Text;
                var reason = item.Get("reason")?.Text;
                if (string.IsNullOrWhiteSpace(rule) || string.IsNullOrWhiteSpace(reason))
                {
                    errors.Add(new InputError(file, item.Line, $"{resource.LogicalId}: Metadata.pcizone.ignore entries need both 'rule' and 'reason'"));
                    continue;
                }

                found.Add(new InlineSuppression(rule, reason, new Provenance(file, item.Line, addressPrefix + resource.LogicalId)));
            }

            byLogicalId[addressPrefix + resource.LogicalId] = found;
        }

        if (byLogicalId.Count == 0)
        {
            return;
        }

        for (var i = 0; i < resources.Count; i++)
        {
            if (byLogicalId.TryGetValue(resources[i].Address, out var found) && found.Count > 0)
            {
                resources[i] = resources[i] with { InlineSuppressions = found };
            }
        }
    }
}
