using BenchmarkDotNet.Running;
using PciZone.Benchmarks;
using PciZone.Benchmarks.Synthetic;

// Ways in: BenchmarkDotNet (default), --generate N PATH, --peak [N], --breakdown [N], --zone-plans SPEC, --monitor-loop N, --monitor-corpus DIR FILES.
// --peak and --breakdown run outside BenchmarkDotNet because it reports allocations, not peak memory,
// and cannot time the phases inside one scan.
if (args.Length >= 1 && args[0] == "--generate")
{
    if (args.Length != 3 || !int.TryParse(args[1], out var n) || n < 0)
    {
        await Console.Error.WriteLineAsync("usage: --generate N PATH   (N planned resource instances)");
        return 2;
    }

    SyntheticPlan.Write(args[2], n);
    foreach (var (type, count) in SyntheticPlan.TypeCounts(n))
    {
        Console.WriteLine($"{count,8:N0}  {type}");
    }

    Console.WriteLine($"wrote {args[2]}: {n:N0} resources, {new FileInfo(args[2]).Length / 1048576.0:N1} MiB");
    return 0;
}

if (args.Length >= 1 && args[0] is "--peak" or "--breakdown")
{
    var n = args.Length > 1 && int.TryParse(args[1], out var parsed) ? parsed : 100_000;
    return args[0] == "--peak" ? PeakMode.Run(n, args) : Breakdown.Run(n);
}

if (args.Length >= 2 && args[0] == "--loop" && int.TryParse(args[1], out var loops))
{
    return LoopMode.Run(loops, args.Length > 2 && int.TryParse(args[2], out var size) ? size : 100_000);
}

if (args.Length >= 2 && args[0] == "--monitor-loop" && int.TryParse(args[1], out var passes))
{
    return PciZone.Benchmarks.Monitoring.MonitorLoop.Run(passes);
}

if (args.Length >= 3 && args[0] == "--monitor-corpus" && int.TryParse(args[2], out var corpusFiles))
{
    return PciZone.Benchmarks.Monitoring.MonitorLoop.WriteCorpus(args[1], corpusFiles);
}

if (args.Length >= 1 && args[0] == "--vault-load")
{
    return await PciZone.Benchmarks.Vault.LoadMode.RunAsync(args);
}

if (args.Length >= 1 && args[0] == "--scope-peak")
{
    return PciZone.Benchmarks.Scope.ScopePeak.Run(args);
}

if (args.Length >= 1 && args[0] == "--zone-plans")
{
    if (args.Length != 2)
    {
        await Console.Error.WriteLineAsync("usage: --zone-plans SPEC.yaml   (run from the repository: uses tools/terraformrc)");
        return 2;
    }

    return ZonePlans.Run(args[1]);
}

BenchmarkSwitcher.FromAssembly(typeof(ScanPipeline).Assembly).Run(args);
return 0;
