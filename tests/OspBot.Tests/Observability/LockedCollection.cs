using System.Collections;

namespace OspBot.Tests.Observability;

/// The exporters add from their own threads while a test reads.
internal sealed class LockedCollection<T> : ICollection<T>
{
    private readonly List<T> _items = [];
    private readonly List<Action<T>> _watchers = [];

    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public IReadOnlyList<T> Snapshot()
    {
        lock (_items)
        {
            return [.. _items];
        }
    }

    public void Add(T item)
    {
        Action<T>[] watchers;
        lock (_items)
        {
            _items.Add(item);
            watchers = [.. _watchers];
        }
        foreach (var watcher in watchers)
        {
            watcher(item);
        }
    }

    /// Calls <paramref name="watcher"/> with every item already here and every one added until disposed.
    public IDisposable Watch(Action<T> watcher)
    {
        T[] present;
        lock (_items)
        {
            _watchers.Add(watcher);
            present = [.. _items];
        }
        foreach (var item in present)
        {
            watcher(item);
        }
        return new Unwatch(() =>
        {
            lock (_items)
            {
                _watchers.Remove(watcher);
            }
        });
    }

    public void Clear()
    {
        lock (_items)
        {
            _items.Clear();
        }
    }

    public bool Contains(T item) => Snapshot().Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);

    public bool Remove(T item)
    {
        lock (_items)
        {
            return _items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Unwatch(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
