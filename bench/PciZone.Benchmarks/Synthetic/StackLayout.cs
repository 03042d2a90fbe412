namespace PciZone.Benchmarks.Synthetic;

/// <summary>
/// What one service stack holds: a <c>module.svc_NNNNN</c> with network, compute, data, IAM and edge
/// resources, and inside it a <c>module.storage</c> with two buckets and their companions. Each
/// entry builds one resource instance; the order is plan order, and every reference points to an
/// earlier entry, so a stack cut short at the size limit never refers to a resource that is missing
/// (except the trail, which comes last and reads the storage module's output).
/// </summary>
internal sealed class StackLayout
{
    private static readonly Func<StackDice, Shape>[] Service =
    [
        d => DataShapes.Key(d),
        NetworkShapes.Vpc,
        d => NetworkShapes.Subnet(d, 0),
        d => NetworkShapes.Subnet(d, 1),
        NetworkShapes.WebGroup,
        NetworkShapes.AppGroup,
        NetworkShapes.SshRule,
        NetworkShapes.AppFromWeb,
        d => ComputeShapes.Instance(d, 0),
        d => ComputeShapes.Instance(d, 1),
        ComputeShapes.Volume,
        ComputeShapes.Database,
        StorageShapes.Role,
        StorageShapes.ManagedPolicy,
        StorageShapes.Attachment,
        DataShapes.LogGroup,
        NetworkShapes.FlowLog,
        DataShapes.Queue,
        DataShapes.Topic,
        EdgeShapes.LoadBalancer,
        EdgeShapes.Https,
        EdgeShapes.Http,
        DataShapes.Table,
    ];

    private static readonly Func<StackDice, Shape>[] Storage =
    [
        d => StorageShapes.Bucket("data", $"{d.Name}-data"),
        d => StorageShapes.Versioning("data", d.Versioning),
        d => StorageShapes.Encryption("data", d.BucketKms),
        d => StorageShapes.PublicAccessBlock("data", d.FullPublicAccessBlock),
        d => StorageShapes.Policy("data", $"{d.Name}-data", d.PolicyDeniesInsecure, d.PolicyComputed),
        d => StorageShapes.Bucket("logs", $"{d.Name}-logs"),
        d => StorageShapes.PublicAccessBlock("logs", all: true, d.LiteralBucketName ? $"{d.Name}-logs" : null),
        d => StorageShapes.Encryption("logs", kms: false, d.LiteralBucketName ? $"{d.Name}-logs" : null),
    ];

    public StackLayout(StackDice dice, int budget)
    {
        Dice = dice;
        var full = Service.Length + Storage.Length + (dice.HasTrail ? 1 : 0);
        Count = Math.Min(full, budget);
    }

    public StackDice Dice { get; }

    /// <summary>Resource instances in this stack (fewer than a full stack only for the last one).</summary>
    public int Count { get; }

    public string Address => $"module.{Dice.ModuleName}";

    /// <summary>Whether the stack got as far as its storage module.</summary>
    public bool HasStorage => Count > Service.Length;

    public string StorageAddress => $"{Address}.module.storage";

    /// <summary>Instances of the service module itself, in plan order.</summary>
    public IEnumerable<Shape> ServiceShapes()
    {
        for (var i = 0; i < Math.Min(Count, Service.Length); i++)
        {
            yield return Service[i](Dice);
        }

        if (Count == Service.Length + Storage.Length + 1)
        {
            yield return DataShapes.Trail(Dice);
        }
    }

    /// <summary>Instances of the nested storage module, in plan order.</summary>
    public IEnumerable<Shape> StorageShapesInOrder()
    {
        for (var i = Service.Length; i < Math.Min(Count, Service.Length + Storage.Length); i++)
        {
            yield return Storage[i - Service.Length](Dice);
        }
    }

    /// <summary>The root module's own resources: an organisation key and an IAM role with a policy.</summary>
    public static IEnumerable<Shape> RootShapes(StackDice org, int budget)
    {
        Func<StackDice, Shape>[] root =
        [
            d => DataShapes.Key(d, "org"),
            StorageShapes.Role,
            StorageShapes.ManagedPolicy,
            StorageShapes.Attachment,
        ];
        return root.Take(budget).Select(f => f(org));
    }

    public const int RootCount = 4;
}
