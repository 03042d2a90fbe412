namespace PciZone.Monitoring.Detection;

/// <summary>
/// Sliding windows for threshold rules, per rule and <c>by</c> key: the match times within the window
/// before the newest. When the count is reached the rule fires once and the matches that raised it are
/// consumed, so the next alert needs <c>count</c> new matches (one alert per burst, not per match).
/// </summary>
internal sealed class ThresholdTracker
{
    public Dictionary<(string Rule, string Key), List<DateTimeOffset>> Windows { get; } = [];

    /// <summary>Adds a match; returns the first time of the window when the threshold is reached.</summary>
    public DateTimeOffset? Add(string rule, string key, DateTimeOffset time, int count, TimeSpan window)
    {
        if (!Windows.TryGetValue((rule, key), out var times))
        {
            Windows[(rule, key)] = times = [];
        }

        var at = times.BinarySearch(time);
        times.Insert(at < 0 ? ~at : at, time);
        var cutoff = times[^1] - window;
        var stale = 0;
        while (stale < times.Count && times[stale] < cutoff)
        {
            stale++;
        }

        times.RemoveRange(0, stale);
        if (times.Count < count)
        {
            return null;
        }

        var first = times[0];
        times.Clear();
        return first;
    }

    /// <summary>Forgets windows whose newest match is older than the window before <paramref name="now"/>.</summary>
    public void Prune(DateTimeOffset now, Func<string, TimeSpan?> windowOf)
    {
        List<(string, string)>? dead = null;
        foreach (var (key, times) in Windows)
        {
            if (times.Count == 0 || windowOf(key.Rule) is not { } w || times[^1] < now - w)
            {
                (dead ??= []).Add(key);
            }
        }

        foreach (var key in dead ?? [])
        {
            Windows.Remove(key);
        }
    }
}

/// <summary>The last event of one silence key.</summary>
internal sealed class SilenceClock
{
    public DateTimeOffset LastSeen { get; set; }

    /// <summary>The LastSeen value a silence alert was already raised for (MinValue: none).</summary>
    public DateTimeOffset AlertedFor { get; set; } = DateTimeOffset.MinValue;

    public string? Account { get; set; }

    public string? Region { get; set; }
}

/// <summary>
/// Silence per rule and <c>by</c> key: a gap longer than the window between consecutive events (by
/// eventTime) or, in follow mode, the clock passing the last event plus the window. Both report the
/// same alert key (rule, key, last-seen time), so the store keeps one of them.
/// </summary>
internal sealed class SilenceTracker
{
    public Dictionary<(string Rule, string Key), SilenceClock> Clocks { get; } = [];

    /// <summary>Records an event; returns the previous last-seen time when the gap exceeded the window.</summary>
    public DateTimeOffset? Observe(string rule, string key, DateTimeOffset time, TimeSpan window, string? account, string? region)
    {
        if (!Clocks.TryGetValue((rule, key), out var clock))
        {
            Clocks[(rule, key)] = new SilenceClock { LastSeen = time, Account = account, Region = region };
            return null;
        }

        if (time <= clock.LastSeen)
        {
            return null;
        }

        DateTimeOffset? silentSince = time - clock.LastSeen > window && clock.AlertedFor != clock.LastSeen ? clock.LastSeen : null;
        if (silentSince is not null)
        {
            clock.AlertedFor = clock.LastSeen;
        }

        clock.LastSeen = time;
        clock.Account = account;
        clock.Region = region;
        return silentSince;
    }

    /// <summary>Keys whose window has passed at <paramref name="now"/> and were not reported yet, in key order.</summary>
    public List<((string Rule, string Key) Id, SilenceClock Clock)> Due(DateTimeOffset now, Func<string, TimeSpan?> windowOf)
    {
        var due = new List<((string, string), SilenceClock)>();
        foreach (var (id, clock) in Clocks)
        {
            if (windowOf(id.Rule) is { } w && now - clock.LastSeen > w && clock.AlertedFor != clock.LastSeen)
            {
                clock.AlertedFor = clock.LastSeen;
                due.Add((id, clock));
            }
        }

        due.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.Item1.Item1, b.Item1.Item1);
            return c != 0 ? c : string.CompareOrdinal(a.Item1.Item2, b.Item1.Item2);
        });
        return due;
    }
}
