using PciZone.Compliance;
using PciZone.Monitoring.Alerts;

namespace PciZone.Cli.MonitorCmd;

/// <summary>One line per alert on standard output: time, severity, rule, requirements, summary.</summary>
internal sealed class ConsoleAlertSink(TextWriter output) : IAlertSink
{
    public string Name => "console";

    public Task PublishAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        foreach (var a in alerts)
        {
            output.WriteLine($"{a.EventTime.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}  {Wire.Name(a.Severity),-8}  {a.RuleId}  [{string.Join(", ", a.Requirements)}]  "
                             + $"{HostLine(a.Title)}: {HostLine(a.Summary)}");
        }

        output.Flush();
        return Task.CompletedTask;
    }

    // Alert text comes from log records: control characters must not rewrite the terminal.
    private static string HostLine(string text) =>
        string.Create(text.Length, text, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = char.IsControl(t[i]) ? ' ' : t[i];
            }
        });
}
