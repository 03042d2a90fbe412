using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.EKS;

/// <summary>EKS clusters with their node groups, and ECS clusters with their services and task sets.</summary>
internal sealed class ContainerClusterCdeWorkloadsDedicated : IRule
{
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    public IReadOnlyList<Type> EstateTypes { get; } = [typeof(EksCluster), typeof(EksNodeGroup), typeof(EcsCluster), typeof(EcsService)];

    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context)
    {
        var members = context.Estate.Memo("container-cluster-members", Members);
        foreach (var cluster in context.Estate.Resources)
        {
            if (cluster is not (EksCluster or EcsCluster))
            {
                continue;
            }

            var own = members.GetValueOrDefault(cluster.Address) ?? [];
            if (!CdeTags.IsCde(cluster) && !own.Any(CdeTags.IsCde))
            {
                continue;
            }

            yield return (cluster, Judge(cluster, own));
        }
    }

    private static Outcome Judge(Resource cluster, List<Resource> members)
    {
        var word = cluster is EksCluster ? "node group" : "service";
        var outside = members.Where(m => !CdeTags.IsCde(m)).Select(m => m.Address).ToList();
        var cdeMember = members.FirstOrDefault(CdeTags.IsCde);
        if (!CdeTags.IsCde(cluster))
        {
            return Outcome.Fail(
                $"CDE {word} {cdeMember!.Address} runs on a cluster that is not tagged {CdeTags.Cde}=true" +
                (outside.Count > 0 ? $", next to non-CDE {word}(s) {string.Join(", ", outside)}." : "."),
                cdeMember.Provenance);
        }

        return outside.Count > 0
            ? Outcome.Fail($"The CDE cluster also runs {word}(s) not tagged as CDE: {string.Join(", ", outside)}.", cluster.Provenance)
            : Outcome.Pass($"The cluster and its {members.Count} {word}(s) in the estate are all in the CDE.");
    }

    // Node groups and services by the estate address of their cluster (references by name or ARN
    // literal cannot be placed: neither cluster record keeps its name).
    private static Dictionary<string, List<Resource>> Members(AwsEstate estate)
    {
        var index = new Dictionary<string, List<Resource>>(StringComparer.Ordinal);
        void Add(Resource member, Value<ResourceRef?> cluster)
        {
            if (cluster.GetOrDefault()?.Address is { } address)
            {
                if (!index.TryGetValue(address, out var list))
                {
                    index[address] = list = [];
                }

                list.Add(member);
            }
        }

        foreach (var r in estate.Resources)
        {
            switch (r)
            {
                case EksNodeGroup g:
                    Add(g, g.Cluster);
                    break;
                case EcsService s:
                    Add(s, s.Cluster);
                    break;
            }
        }

        return index;
    }
}
