using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PciZone.Vault.Stores.Tests.Postgres;

/// <summary>
/// A throw-away PostgreSQL cluster: initdb into a temporary folder, pg_ctl start on a free loopback port,
/// stop and delete on dispose. Binaries come from PCIZONE_PG_BIN, else PATH, else Debian's
/// /usr/lib/postgresql/*/bin. As root (initdb refuses root) both run as the 'postgres' OS user through
/// runuser. The server keeps its defaults (fsync and synchronous_commit on). Shared by the store tests'
/// fixture (PostgresServer) and the vault benchmark (linked into bench/PciZone.Benchmarks), so it uses
/// neither xunit nor BenchmarkDotNet.
/// </summary>
internal sealed class PgCluster : IAsyncDisposable
{
    private readonly string _binDir;
    private readonly string? _runAs;

    private PgCluster(string root, string binDir, string? runAs, string connectionString)
    {
        Root = root;
        _binDir = binDir;
        _runAs = runAs;
        ConnectionString = connectionString;
    }

    /// <summary>The cluster's folder (data directory, socket and server log below it).</summary>
    public string Root { get; }

    /// <summary>Connection string to the 'postgres' database as superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>The binaries' folder and the OS user to run them as, or why there is no server here.</summary>
    public static async Task<(string BinDir, string? RunAs)?> LocateAsync(Action<string> unavailable)
    {
        if (FindBinDir() is not { } binDir)
        {
            unavailable("initdb/pg_ctl not found (PCIZONE_PG_BIN, PATH, /usr/lib/postgresql/*/bin); install Debian's 'postgresql' package");
            return null;
        }

        if (Environment.UserName != "root")
        {
            return (binDir, null);
        }

        if ((await RunAsync("id", ["-u", "postgres"], null, throwOnError: false).ConfigureAwait(false)).ExitCode != 0)
        {
            unavailable("running as root, and initdb refuses root, but there is no 'postgres' OS user to run it as");
            return null;
        }

        return (binDir, "postgres");
    }

    /// <summary>
    /// Creates a cluster under a new folder named <paramref name="prefix"/> + a GUID and starts it.
    /// <paramref name="prepare"/> runs on the new folder before anything else (e.g. to mark its owner).
    /// </summary>
    public static async Task<PgCluster> StartAsync(string binDir, string? runAs, string prefix, string serverOptions = "", Func<string, Task>? prepare = null)
    {
        var root = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(root);
        if (prepare is not null)
        {
            await prepare(root).ConfigureAwait(false);
        }

        if (runAs is not null)
        {
            await RunAsync("chown", [runAs, root], null).ConfigureAwait(false);
        }

        var port = FreePort();
        var cluster = new PgCluster(root, binDir, runAs,
            string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true"));
        var data = Path.Combine(root, "data");
        await cluster.RunPgAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]).ConfigureAwait(false);
        var log = Path.Combine(root, "server.log");
        var options = string.Create(CultureInfo.InvariantCulture, $"-p {port} -k {root} -c listen_addresses=127.0.0.1 {serverOptions}").TrimEnd();
        try
        {
            await cluster.RunPgAsync("pg_ctl", ["-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start"]).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            var tail = File.Exists(log) ? await File.ReadAllTextAsync(log).ConfigureAwait(false) : "(no server log)";
            throw new InvalidOperationException($"{e.Message}\nserver log:\n{tail}", e);
        }

        return cluster;
    }

    /// <summary>A cluster left in <paramref name="root"/> by an earlier process, to stop and delete it.</summary>
    public static PgCluster Attach(string root, string binDir, string? runAs) => new(root, binDir, runAs, "");

    public async ValueTask DisposeAsync()
    {
        await RunPgAsync("pg_ctl", ["-D", Path.Combine(Root, "data"), "-m", "immediate", "-w", "stop"], throwOnError: false).ConfigureAwait(false);
        Directory.Delete(Root, recursive: true);
    }

    private static string? FindBinDir()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PCIZONE_PG_BIN") is { Length: > 0 } explicitDir)
        {
            // An explicit folder is the only candidate: it lets a developer pin a version or test the skip.
            candidates.Add(explicitDir);
        }
        else
        {
            candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
            if (Directory.Exists("/usr/lib/postgresql"))
            {
                candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0)
                    .Select(d => Path.Combine(d, "bin")));
            }
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<(int ExitCode, string Output)> RunPgAsync(string tool, string[] args, bool throwOnError = true)
    {
        var binary = Path.Combine(_binDir, tool);
        return _runAs is null
            ? RunAsync(binary, args, Root, throwOnError)
            : RunAsync("runuser", ["-u", _runAs, "--", binary, .. args], Root, throwOnError);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string? workingDirectory, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user may not be able to enter the caller's working directory.
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

        return (process.ExitCode, output);
    }
}
