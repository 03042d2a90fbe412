using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Tests.Pipeline.TestSupport;

/// <summary>Wraps a state store; hooks run around its calls so a test can crash at a chosen point.</summary>
internal sealed class FaultyState(IMonitorState inner) : IMonitorState
{
    private int _commits, _marks;

    /// <summary>Runs before commit number n (1-based) reaches the store.</summary>
    public Action<int>? BeforeCommit { get; set; }

    /// <summary>Runs after commit number n is durable, before the caller sees the result.</summary>
    public Action<int>? AfterCommit { get; set; }

    /// <summary>Runs before MarkDelivered number n reaches the store.</summary>
    public Action<int, IReadOnlyList<string>>? BeforeMark { get; set; }

    public Task<bool> IsDoneAsync(string objectKey, CancellationToken cancellationToken) => inner.IsDoneAsync(objectKey, cancellationToken);

    public Task<byte[]?> LoadDetectorStateAsync(CancellationToken cancellationToken) => inner.LoadDetectorStateAsync(cancellationToken);

    public async Task<IReadOnlyList<Alert>> CommitObjectAsync(
        string objectKey, ObjectResult result, IReadOnlyList<Alert> alerts, byte[] detectorState, CancellationToken cancellationToken)
    {
        var n = ++_commits;
        BeforeCommit?.Invoke(n);
        var fresh = await inner.CommitObjectAsync(objectKey, result, alerts, detectorState, cancellationToken);
        AfterCommit?.Invoke(n);
        return fresh;
    }

    public Task<IReadOnlyList<Alert>> CommitAlertsAsync(IReadOnlyList<Alert> alerts, byte[] detectorState, CancellationToken cancellationToken) =>
        inner.CommitAlertsAsync(alerts, detectorState, cancellationToken);

    public Task<IReadOnlyList<Alert>> PendingAsync(string sink, CancellationToken cancellationToken) => inner.PendingAsync(sink, cancellationToken);

    public Task MarkDeliveredAsync(string sink, IReadOnlyList<string> alertKeys, CancellationToken cancellationToken)
    {
        BeforeMark?.Invoke(++_marks, alertKeys);
        return inner.MarkDeliveredAsync(sink, alertKeys, cancellationToken);
    }
}

/// <summary>Wraps a source; the chosen object's stream fails after some bytes the first time it is opened.</summary>
internal sealed class FaultySource(ILogSource inner, string failingKey, int failAfterBytes, bool redeliverFailed = false) : ILogSource
{
    private bool _failed;

    private string FailingKey => failingKey;

    private int FailAfterBytes => failAfterBytes;

    private bool RedeliverFailed => redeliverFailed;

    public List<string> FailReasons { get; } = [];

    public async IAsyncEnumerable<ILogDelivery> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var retry = new List<ILogDelivery>();
        await foreach (var delivery in inner.ReadAsync(cancellationToken))
        {
            var wrapped = new Delivery(this, delivery, retry);
            yield return wrapped;
        }

        foreach (var again in retry)
        {
            yield return again;
        }
    }

    private sealed class Delivery(FaultySource owner, ILogDelivery inner, List<ILogDelivery> retry) : ILogDelivery
    {
        public IReadOnlyList<LogObject> Objects { get; } = [.. inner.Objects.Select(o => o.Key != owner.FailingKey ? o : new LogObject(o.Key, async ct =>
        {
            var stream = await o.Open(ct);
            if (owner._failed)
            {
                return stream;
            }

            owner._failed = true;
            return new ThrowingStream(stream, owner.FailAfterBytes);
        }))];

        public Task CompleteAsync(CancellationToken cancellationToken) => inner.CompleteAsync(cancellationToken);

        public Task FailAsync(string reason, CancellationToken cancellationToken)
        {
            owner.FailReasons.Add(reason);
            if (owner.RedeliverFailed)
            {
                retry.Add(this);
            }

            return inner.FailAsync(reason, cancellationToken);
        }
    }
}

/// <summary>Hands out at most 64 bytes per read and throws an IOException after the given number of bytes.</summary>
internal sealed class ThrowingStream(Stream inner, int failAfter) : Stream
{
    private int _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_read >= failAfter)
        {
            throw new IOException("Simulated connection reset while reading the object.");
        }

        var n = inner.Read(buffer, offset, Math.Min(Math.Min(count, 64), failAfter - _read));
        _read += n;
        return n;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
