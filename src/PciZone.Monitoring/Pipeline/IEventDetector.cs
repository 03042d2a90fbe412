using PciZone.Monitoring.Alerts;

namespace PciZone.Monitoring.Pipeline;

/// <summary>
/// The detection engine: reads one log object, runs every compiled rule (stateless and stateful) and
/// appends alerts. Its state (de-duplication window, thresholds, silence clocks) can be saved with each
/// checkpoint and loaded on restart, so a restart neither loses nor repeats an alert.
/// </summary>
public interface IEventDetector
{
    /// <summary>Reads <paramref name="content"/> (gzip or plain JSON) and appends the alerts it raises.</summary>
    ObjectResult Process(Stream content, string objectKey, ICollection<Alert> alerts);

    /// <summary>Advances the clock (follow mode): raises silence alerts whose window has passed.</summary>
    void Advance(DateTimeOffset now, ICollection<Alert> alerts);

    /// <summary>Serialises the stateful part of the engine.</summary>
    byte[] SaveState();

    /// <summary>Restores what <see cref="SaveState"/> wrote.</summary>
    void LoadState(ReadOnlySpan<byte> state);
}
