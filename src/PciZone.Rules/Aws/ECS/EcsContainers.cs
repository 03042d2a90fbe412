using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

/// <summary>The shape shared by the per-container rules: every container of a task definition must meet a test.</summary>
internal static class EcsContainers
{
    /// <summary>
    /// Fail naming every container whose test is known false; Unknown when the definitions, or a test
    /// of a container that does not fail, are unknown; else Pass.
    /// </summary>
    public static Outcome Every(EcsTaskDefinition task, Func<EcsContainer, Value<bool>> test, string passMessage, string failWhat)
    {
        if (task.Containers.IsUnknown)
        {
            return Outcome.Unknown($"Container definitions are unknown until apply: {task.Containers.UnknownReason}.", task.Containers.Source);
        }

        var failing = new List<(EcsContainer Container, Value<bool> Value)>();
        var unknown = new List<EcsContainer>();
        foreach (var container in task.Containers.Get())
        {
            var value = test(container);
            if (value.IsUnknown)
            {
                unknown.Add(container);
            }
            else if (!value.Get())
            {
                failing.Add((container, value));
            }
        }

        if (failing.Count > 0)
        {
            var source = failing[0].Value.Source is { Line: > 0 } or { Address.Length: > 0 } ? failing[0].Value.Source : failing[0].Container.Source;
            return Outcome.Fail($"{Names(failing.Select(f => f.Container))} {failWhat}.", source);
        }

        return unknown.Count > 0
            ? Outcome.Unknown($"Cannot tell for {Names(unknown)}: the setting is unknown until apply.", unknown[0].Source)
            : Outcome.Pass(passMessage);
    }

    private static string Names(IEnumerable<EcsContainer> containers)
    {
        var names = containers.Select(c => c.Name.Length > 0 ? c.Name : "(unnamed)").ToList();
        return names.Count == 1 ? $"Container {names[0]}" : $"Containers {string.Join(", ", names)}";
    }
}
