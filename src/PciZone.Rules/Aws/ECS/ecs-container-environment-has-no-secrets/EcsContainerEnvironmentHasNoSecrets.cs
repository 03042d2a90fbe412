using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

internal sealed class EcsContainerEnvironmentHasNoSecrets : ResourceRule<EcsTaskDefinition>
{
    protected override Outcome Check(EcsTaskDefinition task, RuleContext context)
    {
        if (task.Containers.IsUnknown)
        {
            return Outcome.Unknown($"Container definitions are unknown until apply: {task.Containers.UnknownReason}.", task.Containers.Source);
        }

        var found = task.Containers.Get()
            .SelectMany(c => EnvironmentSecrets.Find(c.Environment).Select(f => (Container: c, f.Variable, f.Why)))
            .ToList();
        if (found.Count > 0)
        {
            var list = string.Join("; ", found.Select(f => $"{f.Container.Name}: {f.Variable.Name} ({f.Why})"));
            return Outcome.Fail($"Plain environment variables hold credentials: {list}. Use the secrets parameter (Secrets Manager or Parameter Store).", found[0].Variable.Value.Source);
        }

        var undecided = task.Containers.Get().SelectMany(c => EnvironmentSecrets.Undecided(c.Environment).Select(v => $"{c.Name}: {v.Name}")).ToList();
        return undecided.Count > 0
            ? Outcome.Unknown($"Variables with credential-like names have values unknown until apply: {string.Join(", ", undecided)}.")
            : Outcome.Pass("No plain environment variable holds a credential.");
    }
}
