using System.Collections.Generic;
using System.Linq;

namespace Flows.Runtime.Tests.Support;

/// <summary>Collects <see cref="FlowRunOptions.OnTaskStateChanged"/> notifications, which arrive from several threads.</summary>
internal sealed class StateRecorder
{
    private readonly object _gate = new();
    private readonly List<TaskStateChange> _changes = new();

    public void OnChanged(TaskStateChange change)
    {
        lock (_gate)
        {
            _changes.Add(change);
        }
    }

    /// <summary>One task's changes in the order they were reported, as "State#attempt".</summary>
    public IReadOnlyList<string> For(string taskName)
    {
        lock (_gate)
        {
            return _changes.Where(c => c.TaskName == taskName).Select(c => $"{c.State}#{c.Attempt}").ToArray();
        }
    }
}
