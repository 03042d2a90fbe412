using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

/// <summary>Instances, launch templates and launch configurations: each carries the user data that instances boot with.</summary>
internal sealed class Ec2UserDataHasNoSecrets : IRule
{
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    public IReadOnlyList<Type> EstateTypes { get; } = [typeof(Ec2Instance), typeof(LaunchTemplate)];

    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context)
    {
        foreach (var r in context.Estate.Resources)
        {
            var userData = r switch
            {
                Ec2Instance i => i.UserData,
                LaunchTemplate t => t.UserData,
                _ => (Value<string?>?)null,
            };
            if (userData is { } v && !(v.IsKnown && v.Get() is null))
            {
                yield return (r, Check(v));
            }
        }
    }

    private static Outcome Check(Value<string?> userData)
    {
        if (userData.IsUnknown)
        {
            return Outcome.Unknown($"The user data cannot be read: {userData.UnknownReason}.", userData.Source);
        }

        return UserDataSecrets.Find(userData.Get()!) is { } found
            ? Outcome.Fail($"The user data holds {found}: anyone who can read the instance's attributes or its metadata service can read it.", userData.Source)
            : Outcome.Pass("The user data holds no AWS key, private key or literal password.");
    }
}
