using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Flows.Kubernetes.Tests.ApiDouble;

/// <summary>
/// The double's "etcd": objects by resource, namespace and name, one global resourceVersion that every
/// change increments, and the history of changes a watch replays from a resourceVersion. <see cref="Compact"/>
/// forgets the history, so a watch from an older resourceVersion gets 410 Gone, as after etcd compaction.
/// </summary>
internal sealed class ObjectStore
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Resource, string Namespace, string Name), JsonObject> _objects = new();
    private readonly List<StoredChange> _history = new();
    private readonly List<Subscription> _subscriptions = new();
    private long _version = 1000;
    private long _oldestWatchable;
    private int _uids;

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Stores a new object (uid, resourceVersion, creationTimestamp set); null when the name is taken.</summary>
    public JsonObject? Add(string resource, string ns, JsonObject obj)
    {
        lock (_gate)
        {
            var metadata = (JsonObject)(obj["metadata"] ??= new JsonObject());
            var name = metadata["name"]!.GetValue<string>();
            if (_objects.ContainsKey((resource, ns, name)))
            {
                return null;
            }
            metadata["namespace"] = ns;
            metadata["uid"] = string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{++_uids:D12}");
            metadata["creationTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            return Commit(resource, ns, name, "ADDED", obj);
        }
    }

    /// <summary>Changes an object in place (a new resourceVersion, a MODIFIED event); null when it does not exist.</summary>
    public JsonObject? Update(string resource, string ns, string name, Action<JsonObject> change)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue((resource, ns, name), out var current))
            {
                return null;
            }
            var updated = (JsonObject)current.DeepClone();
            change(updated);
            return Commit(resource, ns, name, "MODIFIED", updated);
        }
    }

    public JsonObject? Remove(string resource, string ns, string name)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue((resource, ns, name), out var current))
            {
                return null;
            }
            var deleted = Commit(resource, ns, name, "DELETED", (JsonObject)current.DeepClone());
            _objects.Remove((resource, ns, name));
            return deleted;
        }
    }

    public JsonObject? Get(string resource, string ns, string name)
    {
        lock (_gate)
        {
            return _objects.TryGetValue((resource, ns, name), out var obj) ? (JsonObject)obj.DeepClone() : null;
        }
    }

    public (List<JsonObject> Items, long Version) List(string resource, string ns, Func<JsonObject, bool> filter)
    {
        lock (_gate)
        {
            var items = _objects
                .Where(o => o.Key.Resource == resource && o.Key.Namespace == ns && filter(o.Value))
                .OrderBy(o => o.Key.Name, StringComparer.Ordinal)
                .Select(o => (JsonObject)o.Value.DeepClone())
                .ToList();
            return (items, _version);
        }
    }

    /// <summary>
    /// Others write (the resourceVersion moves on) and the history is compacted: a watch from any
    /// resourceVersion handed out so far gets 410 Gone.
    /// </summary>
    public void Compact()
    {
        lock (_gate)
        {
            _version++;
            _oldestWatchable = _version;
            _history.Clear();
        }
    }

    /// <summary>A watch from <paramref name="fromVersion"/> (exclusive); null when that version is too old (410 Gone).</summary>
    public Subscription? Watch(string resource, string ns, Func<JsonObject, bool> filter, long fromVersion)
    {
        lock (_gate)
        {
            if (fromVersion < _oldestWatchable)
            {
                return null;
            }
            var subscription = new Subscription(this, resource, ns, filter);
            foreach (var change in _history.Where(c => c.Version > fromVersion))
            {
                subscription.Offer(change);
            }
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    private JsonObject Commit(string resource, string ns, string name, string type, JsonObject obj)
    {
        var version = ++_version;
        obj["metadata"]!["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture);
        if (type != "DELETED")
        {
            _objects[(resource, ns, name)] = obj;
        }
        var change = new StoredChange(version, resource, ns, type, (JsonObject)obj.DeepClone());
        _history.Add(change);
        foreach (var subscription in _subscriptions)
        {
            subscription.Offer(change);
        }
        return (JsonObject)obj.DeepClone();
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    internal sealed record StoredChange(long Version, string Resource, string Namespace, string Type, JsonObject Object);

    internal sealed class Subscription : IDisposable
    {
        private readonly ObjectStore _store;
        private readonly string _resource;
        private readonly string _namespace;
        private readonly Func<JsonObject, bool> _filter;
        private readonly Channel<StoredChange> _changes = Channel.CreateUnbounded<StoredChange>();

        public Subscription(ObjectStore store, string resource, string ns, Func<JsonObject, bool> filter)
        {
            _store = store;
            _resource = resource;
            _namespace = ns;
            _filter = filter;
        }

        public ChannelReader<StoredChange> Changes => _changes.Reader;

        public void Offer(StoredChange change)
        {
            if (change.Resource == _resource && change.Namespace == _namespace && _filter(change.Object))
            {
                _changes.Writer.TryWrite(change);
            }
        }

        public void Dispose() => _store.Unsubscribe(this);
    }
}
