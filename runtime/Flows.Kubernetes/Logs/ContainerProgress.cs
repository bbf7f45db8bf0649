using System.Threading.Tasks;

namespace Flows.Kubernetes;

/// <summary>What the run monitor tells the log follower: the flow container will write no more (it ended, or the run is over).</summary>
internal sealed class ContainerProgress
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ended => _ended.Task;

    public bool HasEnded => _ended.Task.IsCompleted;

    public void MarkEnded() => _ended.TrySetResult();
}
