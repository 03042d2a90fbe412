using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PciZone.Cli.Tests.VaultCmd;

/// <summary>
/// A real <c>dotnet pcizone.dll vault serve</c> child process on a free loopback port, with its stdout and
/// stderr captured. Dispose kills it, so a failing test never leaves a server running.
/// </summary>
internal sealed class VaultProcess : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();

    private VaultProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the child wrote to stdout and stderr so far, interleaved as it arrived.</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the service on <paramref name="data"/> and waits until /health/ready answers 200.</summary>
    public static Task<VaultProcess> StartAsync(string data, CancellationToken ct)
    {
        var port = FreePort();
        return StartAsync(["--data", data, "--urls", $"http://127.0.0.1:{port}", "--rate", "1000000"], port, ct);
    }

    /// <summary>Starts <c>vault serve</c> with <paramref name="serveArgs"/>, which must make it listen on <paramref name="port"/>, and waits until it is ready.</summary>
    public static async Task<VaultProcess> StartAsync(IEnumerable<string> serveArgs, int port, CancellationToken ct)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "pcizone.dll");
        File.Exists(dll).ShouldBeTrue($"{dll} is missing: the test output folder should hold the built CLI");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "vault", "serve" }.Concat(serveArgs))
        {
            start.ArgumentList.Add(arg);
        }

        // The development key's passphrase must come from the data folder, as a developer's would.
        start.Environment.Remove("PCIZONE_VAULT_PASSPHRASE");
        start.Environment.Remove("ASPNETCORE_URLS");
        var process = new Process { StartInfo = start };
        var vault = new VaultProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => vault.Append(e.Data);
        process.ErrorDataReceived += (_, e) => vault.Append(e.Data);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await vault.WaitReadyAsync(ct);
            return vault;
        }
        catch
        {
            vault.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL on Linux: no shutdown code of the service runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000).ShouldBeTrue("the killed service did not exit within 10 s");
    }

    /// <summary>SIGTERM, as <c>docker stop</c> and systemd send it; true when the process exited within <paramref name="timeout"/>.</summary>
    public bool Terminate(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        return _process.WaitForExit(timeout);
    }

    public int ExitCode => _process.ExitCode;

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to kill.
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"vault serve exited with code {_process.ExitCode} before it was ready; its output:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"vault serve was not ready within {ReadyTimeout.TotalSeconds} s; its output:\n{Output}");
    }
}
