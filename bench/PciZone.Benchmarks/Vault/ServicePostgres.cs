using System.Globalization;
using PciZone.Vault.Stores.Tests.Postgres;

namespace PciZone.Benchmarks.Vault;

/// <summary>
/// A throw-away PostgreSQL cluster for one benchmark run: the store tests' <see cref="PgCluster"/> (linked
/// source), plus clean-up of clusters an aborted run left behind and the server's CPU time. The server keeps
/// its defaults (fsync and synchronous_commit on): the figures are for a durable vault.
/// </summary>
internal sealed class ServicePostgres : IAsyncDisposable
{
    private const string Prefix = "pcizone-bench-pg-";
    private const string OwnerFile = "owner.pid";

    private readonly PgCluster _cluster;

    private ServicePostgres(PgCluster cluster) => _cluster = cluster;

    public string ConnectionString => _cluster.ConnectionString;

    public static async Task<ServicePostgres> StartAsync()
    {
        string? why = null;
        var (binDir, runAs) = await PgCluster.LocateAsync(w => why = w).ConfigureAwait(false) ?? throw new InvalidOperationException(why);
        await StopOrphansAsync(binDir, runAs).ConfigureAwait(false);
        var cluster = await PgCluster.StartAsync(binDir, runAs, Prefix, "-c max_connections=120",
            root => File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
        return new ServicePostgres(cluster);
    }

    /// <summary>The PostgreSQL server processes' CPU time so far (user + system, from /proc), to tell server from client work.</summary>
    public TimeSpan ServerCpu()
    {
        var pidFile = Path.Combine(_cluster.Root, "data", "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture, out var postmaster))
        {
            return TimeSpan.Zero;
        }

        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // Fields after the ")" of the command name: state ppid ... utime(14) stime(15), 1-based over the whole line.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (pid == postmaster || f[1] == postmaster.ToString(CultureInfo.InvariantCulture))
                {
                    ticks += long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    /// <summary>
    /// Stops and deletes clusters this benchmark left behind when its process died before cleanup (an
    /// aborted BenchmarkDotNet run skips GlobalCleanup): only folders with our prefix whose owner is gone.
    /// </summary>
    private static async Task StopOrphansAsync(string binDir, string? runAs)
    {
        foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var owner = Path.Combine(root, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner).ConfigureAwait(false), CultureInfo.InvariantCulture, out var pid) || Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            await PgCluster.Attach(root, binDir, runAs).DisposeAsync().ConfigureAwait(false);
        }
    }
}
