using System.Threading;
using System.Threading.Tasks;

namespace Flows;

/// <summary>
/// The generated, typed executor for one run of a flow: it calls the task methods directly and keeps
/// each task's result in a field of its static type, from which downstream tasks' arguments are read.
/// </summary>
public interface IFlowRunExecutor
{
    /// <summary>Runs one attempt of the task at <paramref name="taskIndex"/> and stores its result.</summary>
    ValueTask InvokeAsync(int taskIndex, TaskRunContext context, CancellationToken cancellationToken);

    /// <summary>The stored result of a task, boxed, for reports; <c>null</c> when it has none.</summary>
    object? GetResult(int taskIndex);
}
