using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

[assembly: AssemblyFixture(typeof(PciZone.Vault.Stores.Tests.Postgres.PostgresServer))]

namespace PciZone.Vault.Stores.Tests.Postgres;

/// <summary>
/// A throw-away PostgreSQL cluster for the whole test run: initdb into a temp folder, pg_ctl start on a
/// free loopback port, stop and delete on dispose. Binaries come from PCIZONE_PG_BIN, then PATH, then
/// Debian's /usr/lib/postgresql/*/bin. As root (initdb refuses root) both run as the 'postgres' OS user
/// through runuser. Missing binaries skip the PostgreSQL tests locally and fail them when CI=true.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _root;
    private string? _binDir;
    private string? _runAs;

    /// <summary>Connection string to the cluster's 'postgres' database as superuser; null when unavailable.</summary>
    public string? ConnectionString { get; private set; }

    /// <summary>Why there is no server (binaries missing); null when it runs.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>Skips the calling test when there is no server, or fails it in CI where PostgreSQL must exist.</summary>
    public string RequireConnectionString()
    {
        if (ConnectionString is { } cs)
        {
            return cs;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"PostgreSQL is required in CI: {Unavailable}");
        }

        Assert.Skip($"PostgreSQL tests skipped: {Unavailable}");
        return "";
    }

    public async ValueTask InitializeAsync()
    {
        _binDir = FindBinDir();
        if (_binDir is null)
        {
            Unavailable = "initdb/pg_ctl not found (PCIZONE_PG_BIN, PATH, /usr/lib/postgresql/*/bin); install Debian's 'postgresql' package";
            return;
        }

        if (Environment.UserName == "root")
        {
            if ((await RunAsync("id", ["-u", "postgres"], null, throwOnError: false)).ExitCode != 0)
            {
                Unavailable = "running as root, and initdb refuses root, but there is no 'postgres' OS user to run it as";
                return;
            }

            _runAs = "postgres";
        }

        _root = Path.Combine(Path.GetTempPath(), "pcizone-pg-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(_root);
        if (_runAs is not null)
        {
            await RunAsync("chown", [_runAs, _root], null);
        }

        var data = Path.Combine(_root, "data");
        await RunPgAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        var port = FreePort();
        var log = Path.Combine(_root, "server.log");
        var options = string.Create(CultureInfo.InvariantCulture, $"-p {port} -k {_root} -c listen_addresses=127.0.0.1");
        try
        {
            await RunPgAsync("pg_ctl", ["-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start"]);
        }
        catch (InvalidOperationException e)
        {
            var tail = File.Exists(log) ? await File.ReadAllTextAsync(log) : "(no server log)";
            throw new InvalidOperationException($"{e.Message}\nserver log:\n{tail}", e);
        }

        ConnectionString = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true");
    }

    public async ValueTask DisposeAsync()
    {
        if (_root is null)
        {
            return;
        }

        if (ConnectionString is not null)
        {
            await RunPgAsync("pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"], throwOnError: false);
        }

        Directory.Delete(_root, recursive: true);
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
        var binary = Path.Combine(_binDir!, tool);
        return _runAs is null
            ? RunAsync(binary, args, _root, throwOnError)
            : RunAsync("runuser", ["-u", _runAs, "--", binary, .. args], _root, throwOnError);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string? workingDirectory, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user may not be able to enter the test's working directory.
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
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', args)}' exited with {process.ExitCode}:\n{output}");
        }

        return (process.ExitCode, output);
    }
}
