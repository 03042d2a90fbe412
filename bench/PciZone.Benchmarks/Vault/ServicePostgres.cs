using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PciZone.Benchmarks.Vault;

/// <summary>
/// A throw-away PostgreSQL cluster for one benchmark run, started as
/// tests/PciZone.Vault.Stores.Tests/Postgres/PostgresServer.cs does (that file is an xunit fixture, so it
/// cannot be linked here): initdb into a temporary folder, pg_ctl start on a free loopback port, stop and
/// delete on dispose. As root, both run as the 'postgres' OS user through runuser, since initdb refuses root.
/// The server keeps its defaults (fsync and synchronous_commit on): the figures are for a durable vault.
/// </summary>
internal sealed class ServicePostgres : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _binDir;
    private readonly string? _runAs;

    private ServicePostgres(string root, string binDir, string? runAs, string connectionString)
    {
        _root = root;
        _binDir = binDir;
        _runAs = runAs;
        ConnectionString = connectionString;
    }

    private const string Prefix = "pcizone-bench-pg-";
    private const string OwnerFile = "owner.pid";

    public string ConnectionString { get; }

    public static async Task<ServicePostgres> StartAsync()
    {
        var binDir = FindBinDir() ?? throw new InvalidOperationException(
            "initdb/pg_ctl not found (PCIZONE_PG_BIN, PATH, /usr/lib/postgresql/*/bin); install Debian's 'postgresql' package");
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        await StopOrphansAsync(binDir, runAs).ConfigureAwait(false);
        var root = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        if (runAs is not null)
        {
            await RunAsync("chown", [runAs, root], null).ConfigureAwait(false);
        }

        var port = FreePort();
        var server = new ServicePostgres(root, binDir, runAs,
            string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true"));
        var data = Path.Combine(root, "data");
        await server.RunPgAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]).ConfigureAwait(false);
        var options = string.Create(CultureInfo.InvariantCulture, $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=120");
        await server.RunPgAsync("pg_ctl", ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", options, "start"]).ConfigureAwait(false);
        return server;
    }

    /// <summary>The PostgreSQL server processes' CPU time so far (user + system, from /proc), to tell server from client work.</summary>
    public TimeSpan ServerCpu()
    {
        var pidFile = Path.Combine(_root, "data", "postmaster.pid");
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

    public async ValueTask DisposeAsync()
    {
        await RunPgAsync("pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"], throwOnError: false).ConfigureAwait(false);
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>
    /// Stops and deletes clusters this benchmark left behind when its process died before cleanup (an
    /// aborted BenchmarkDotNet run skips GlobalCleanup): only folders with our prefix whose owner is gone.
    /// </summary>
    private static async Task StopOrphansAsync(string binDir, string? runAs)
    {
        foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var owner = Path.Combine(root, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), CultureInfo.InvariantCulture, out var pid) || Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            await new ServicePostgres(root, binDir, runAs, "").DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string? FindBinDir()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PCIZONE_PG_BIN") is { Length: > 0 } explicitDir)
        {
            candidates.Add(explicitDir);
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunPgAsync(string tool, string[] args, bool throwOnError = true)
    {
        var binary = Path.Combine(_binDir, tool);
        return _runAs is null
            ? RunAsync(binary, args, _root, throwOnError)
            : RunAsync("runuser", ["-u", _runAs, "--", binary, .. args], _root, throwOnError);
    }

    private static async Task RunAsync(string file, string[] args, string? workingDirectory, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', args)}' exited with {process.ExitCode}:\n{output}");
        }
    }
}
