using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes;

/// <summary>
/// A container's log followed on the thread pool while a monitor watches its pod, and finished when the monitor is done:
/// the follower gets <see cref="KubernetesCommandSettings.LogFinishTimeout"/> to read to the end, then is stopped, with a
/// note saying so. Used by <c>submit</c> (the flow container) and by the pod task runner (a task's primary container).
/// </summary>
internal sealed class BackgroundLog
{
    private readonly Task _following;
    private readonly CancellationTokenSource _stop;
    private readonly string _what;
    private readonly TextWriter _notes;
    private readonly TimeSpan _finishTimeout;

    private BackgroundLog(Task following, CancellationTokenSource stop, string what, TextWriter notes, TimeSpan finishTimeout)
    {
        _following = following;
        _stop = stop;
        _what = what;
        _notes = notes;
        _finishTimeout = finishTimeout;
    }

    /// <param name="stop">Stops the follower; the caller owns it and may cancel it when the log no longer matters.</param>
    /// <param name="what">The log's name in notes, e.g. the pod or <c>pod/container</c>.</param>
    public static BackgroundLog Start(ContainerLogFollower follower, CancellationTokenSource stop, string what, TextWriter notes, TimeSpan finishTimeout)
    {
        var token = stop.Token;
        var following = Task.Run(async () =>
        {
            try
            {
                await follower.RunAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
        }, CancellationToken.None);
        return new BackgroundLog(following, stop, what, notes, finishTimeout);
    }

    /// <summary>Waits for the follower to read the log to its end (it knows the container has ended), at most the finish timeout.</summary>
    public async Task FinishAsync()
    {
        if (await Task.WhenAny(_following, Task.Delay(_finishTimeout)).ConfigureAwait(false) != _following)
        {
            _notes.WriteLine($"note: the log of {_what} did not finish within {_finishTimeout.TotalSeconds:0} s; stopped following it.");
            await _stop.CancelAsync().ConfigureAwait(false);
        }
        try
        {
            await _following.ConfigureAwait(false);
        }
        catch (Exception broken) when (broken is not OperationCanceledException)
        {
            _notes.WriteLine($"note: following the log of {_what} failed: {broken.Message}");
        }
        catch (OperationCanceledException)
        {
        }
    }
}
