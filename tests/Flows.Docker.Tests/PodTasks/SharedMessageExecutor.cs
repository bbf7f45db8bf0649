using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Docker.Tests.PodTasks;

/// <summary>
/// The executor the generator would emit for a flow whose task 0 (ReadSharedMessage, a pod task returning string) feeds
/// task 1 (Shout, in-process): pod task results come in through <see cref="ReadResult"/>.
/// </summary>
internal sealed class SharedMessageExecutor : IFlowRunExecutor, ITaskDataTransfer
{
    public static readonly TaskDefinition ShoutTask =
        new(1, "Shout", TaskTrigger.AllSuccessful, 0, TimeSpan.Zero, null, "string", [new TaskEdge(0, TaskEdgeKind.Data, "message")]);

    private string? _message;
    private string? _shouted;

    /// <summary>The JSON that came back from the pod for task 0.</summary>
    public string? ResultJsonRead { get; private set; }

    public ValueTask InvokeAsync(int taskIndex, TaskRunContext context, CancellationToken cancellationToken)
    {
        if (taskIndex != 1)
        {
            throw new InvalidOperationException($"task {taskIndex} runs in its pod, not in this process");
        }
        _shouted = _message!.ToUpperInvariant();
        return ValueTask.CompletedTask;
    }

    public object? GetResult(int taskIndex) => taskIndex == 0 ? _message : _shouted;

    public string WriteInputs(int taskIndex) => "{}";

    public void ReadInputs(int taskIndex, string json) => throw new NotSupportedException("only the pod reads its inputs");

    public string? WriteResult(int taskIndex) => JsonSerializer.Serialize(taskIndex == 0 ? _message : _shouted);

    public void ReadResult(int taskIndex, string json)
    {
        ResultJsonRead = json;
        _message = JsonSerializer.Deserialize<string>(json);
    }
}
