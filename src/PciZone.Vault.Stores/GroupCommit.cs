namespace PciZone.Vault.Stores;

/// <summary>
/// Group commit: writes that arrive while a transaction is being committed wait and are then committed
/// together, so many concurrent callers share one durable flush (fsync) instead of queueing for one each.
/// Every caller still gets its answer only after its transaction committed, so "durable when it returns"
/// holds. At most one flush per store instance runs at a time; other instances and processes are
/// serialised by the database itself.
/// </summary>
/// <typeparam name="TItem">A queued write; <c>flush</c> completes each item's task and never throws.</typeparam>
internal sealed class GroupCommit<TItem>(Func<List<TItem>, Task> flush, int maxBatch)
{
    private readonly Lock _lock = new();
    private readonly List<TItem> _queue = [];
    private bool _running;

    public void Enqueue(TItem item)
    {
        lock (_lock)
        {
            _queue.Add(item);
            if (_running)
            {
                return;
            }

            _running = true;
        }

        // Off the caller's thread: the drain loop may serve many other callers' writes.
        _ = Task.Run(DrainAsync);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<TItem> batch;
            lock (_lock)
            {
                if (_queue.Count == 0)
                {
                    _running = false;
                    return;
                }

                var n = Math.Min(_queue.Count, maxBatch);
                batch = _queue.GetRange(0, n);
                _queue.RemoveRange(0, n);
            }

            await flush(batch);
        }
    }
}
