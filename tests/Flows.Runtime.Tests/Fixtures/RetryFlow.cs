using System;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Runtime.Tests.Fixtures;

/// <summary>Tasks that fail (or time out) on their first attempts.</summary>
[Flow("retries")]
internal static partial class RetryFlow
{
    [FlowTask(Retries = 2, RetryDelaySeconds = 0.05)]
    public static int FailsTwiceWithTwoRetries(TaskRunContext context) => FailTwice(context);

    [FlowTask(Retries = 1, RetryDelaySeconds = 0.05)]
    public static int FailsTwiceWithOneRetry(TaskRunContext context) => FailTwice(context);

    // The timeout also bounds attempt 2, which returns at once: generous, so that a busy machine cannot time it out.
    [FlowTask(Retries = 1, TimeoutSeconds = 0.25)]
    public static async Task<int> TimesOutOnce(TaskRunContext context, CancellationToken cancellationToken)
    {
        if (context.Attempt == 1)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        return context.Attempt;
    }

    private static int FailTwice(TaskRunContext context) =>
        context.Attempt <= 2 ? throw new InvalidOperationException($"attempt {context.Attempt} fails") : context.Attempt;
}
