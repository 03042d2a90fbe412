using PciZone.Estate;

namespace PciZone.Rules.Aws.Inspector;

internal sealed class InspectorAutoEnabledForNewMembers : ResourceRule<InspectorOrganizationConfiguration>
{
    protected override Outcome Check(InspectorOrganizationConfiguration config, RuleContext context)
    {
        (string Name, Value<bool> On)[] scans =
        [
            ("EC2", config.AutoEnableEc2), ("ECR", config.AutoEnableEcr),
            ("LAMBDA", config.AutoEnableLambda), ("LAMBDA_CODE", config.AutoEnableLambdaCode),
        ];
        var off = scans.Where(s => s.On.IsKnown && !s.On.Get()).Select(s => s.Name).ToList();
        if (off.Count > 0)
        {
            return Outcome.Fail($"New organisation members do not get Inspector {string.Join(", ", off)} scanning automatically.", config.Provenance.At("auto_enable"));
        }

        return scans.FirstOrDefault(s => s.On.IsUnknown) is { Name: not null } unknown
            ? Outcome.Unknown($"Whether {unknown.Name} scanning is auto-enabled is unknown: {unknown.On.UnknownReason}.", unknown.On.Source)
            : Outcome.Pass("New organisation members get Inspector EC2, ECR, Lambda and Lambda code scanning automatically.");
    }
}
