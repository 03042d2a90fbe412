using PciZone.Estate;
using PciZone.Rules.Aws.VPC;

namespace PciZone.Rules.Aws.EC2;

internal sealed class Ec2EnclaveHostNotOpenToInternet : ResourceRule<Ec2Instance>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Ec2Instance), typeof(LaunchTemplate), typeof(SecurityGroup)];

    protected override bool AppliesTo(Ec2Instance instance, RuleContext context) => EnclaveHost(instance, context.Estate);

    protected override Outcome Check(Ec2Instance instance, RuleContext context)
    {
        if (instance.SecurityGroups.IsUnknown)
        {
            return Outcome.Unknown($"The host's security groups are unknown: {instance.SecurityGroups.UnknownReason}.", instance.SecurityGroups.Source);
        }

        var refs = instance.SecurityGroups.Get();
        if (refs.Count == 0)
        {
            return Outcome.Unknown(
                instance.LaunchTemplate.GetOrDefault() is null
                    ? "The host names no security group, so it gets the VPC's default group, which this rule cannot see."
                    : "The host names no security group; its launch template may.",
                instance.SecurityGroups.Source);
        }

        string? undecided = null;
        foreach (var reference in refs)
        {
            if (reference.Address is null || context.Estate.Find(reference.Address) is not SecurityGroup group)
            {
                undecided ??= $"security group {reference} is not in the estate";
                continue;
            }

            foreach (var rule in group.Ingress)
            {
                switch (OpenIngress.FromInternet(rule))
                {
                    case true:
                        return Outcome.Fail(
                            $"The Nitro Enclaves host admits {OpenIngress.Describe(rule)} through {group.Address}: the parent instance, which relays all traffic to and from the enclave, is open to the internet.",
                            rule.Source);
                    case null:
                        undecided ??= $"a rule of {group.Address} has peers unknown until apply";
                        break;
                }
            }

            if (group.HasUnknownRules)
            {
                undecided ??= $"{group.Address} has rules that could not be read";
            }
        }

        return undecided is null
            ? Outcome.Pass("No security group of the Nitro Enclaves host admits traffic from 0.0.0.0/0 or ::/0.")
            : Outcome.Unknown($"Cannot tell whether the enclave host is open to the internet: {undecided}.", instance.SecurityGroups.Source);
    }

    // Enclaves on the instance itself, or on the launch template it is launched from.
    private static bool EnclaveHost(Ec2Instance instance, AwsEstate estate)
    {
        if (instance.EnclaveEnabled.IsKnown)
        {
            return instance.EnclaveEnabled.Get();
        }

        return instance.LaunchTemplate.GetOrDefault()?.Address is { } address &&
               estate.Find(address) is LaunchTemplate template && template.EnclaveEnabled.GetOrDefault();
    }
}
