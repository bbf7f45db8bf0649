using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Flows.Kubernetes;

/// <summary>What a <see cref="ResourceWatcher"/> reports: one watch event, or a fresh list of every object.</summary>
internal abstract record WatchUpdate;

internal enum WatchEventType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>An object was added, modified or deleted (a watch event).</summary>
internal sealed record WatchEvent(WatchEventType Type, JsonObject Object) : WatchUpdate;

/// <summary>
/// The complete current set of objects (the first list, and the relist after 410 Gone). Objects known
/// before and absent now were deleted while the watch could not see it.
/// </summary>
internal sealed record WatchRelisted(IReadOnlyList<JsonObject> Items) : WatchUpdate;
