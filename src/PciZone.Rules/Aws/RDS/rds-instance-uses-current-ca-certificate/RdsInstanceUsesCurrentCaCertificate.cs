using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

internal sealed class RdsInstanceUsesCurrentCaCertificate : ResourceRule<RdsInstance>
{
    // CAs that expired (rds-ca-2015 in 2020, rds-ca-2019 in August 2024).
    private static readonly string[] Expired = ["rds-ca-2015", "rds-ca-2019"];

    protected override Outcome Check(RdsInstance instance, RuleContext context)
    {
        if (instance.CaCertificate.IsUnknown)
        {
            return Outcome.Unknown($"The CA certificate cannot be read: {instance.CaCertificate.UnknownReason}.", instance.CaCertificate.Source);
        }

        return instance.CaCertificate.Get() switch
        {
            null => Outcome.Pass("The instance uses the current default CA (none is pinned)."),
            var ca when Expired.Contains(ca, StringComparer.OrdinalIgnoreCase) =>
                Outcome.Fail($"The instance's server certificate is signed by the expired CA {ca}: clients cannot verify it.", instance.CaCertificate.Source),
            var ca => Outcome.Pass($"The instance uses the CA {ca}."),
        };
    }
}
