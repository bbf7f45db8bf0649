using System.Collections;
using System.Collections.Generic;

namespace Flows;

/// <summary>The logging scope of one task of a flow run: structured loggers see FlowName, FlowRunId and TaskName.</summary>
internal sealed class FlowLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly string _flowName;
    private readonly string _flowRunId;
    private readonly string _taskName;

    public FlowLogScope(string flowName, string flowRunId, string taskName)
    {
        _flowName = flowName;
        _flowRunId = flowRunId;
        _taskName = taskName;
    }

    public int Count => 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("FlowName", _flowName),
        1 => new("FlowRunId", _flowRunId),
        _ => new("TaskName", _taskName),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"FlowRunId:{_flowRunId} Task:{_taskName}";
}
