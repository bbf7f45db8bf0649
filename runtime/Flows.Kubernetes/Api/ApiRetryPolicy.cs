using System;
using System.Net;
using System.Net.Http;

namespace Flows.Kubernetes;

/// <summary>
/// When a request to the Kubernetes API is sent again: 429 Too Many Requests (after its Retry-After),
/// 500/502/503/504, and lost connections; with exponential back-off, a bounded number of times.
/// </summary>
internal sealed record ApiRetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan MaxRetryAfter)
{
    public static ApiRetryPolicy Default { get; } = new(MaxAttempts: 8, BaseDelay: TimeSpan.FromMilliseconds(250), MaxDelay: TimeSpan.FromSeconds(8), MaxRetryAfter: TimeSpan.FromSeconds(60));

    /// <summary>The wait before the next attempt after an error status, or null when the status is final.</summary>
    public TimeSpan? DelayAfterStatus(HttpResponseMessage response, int attempt)
    {
        if (attempt >= MaxAttempts)
        {
            return null;
        }
        switch (response.StatusCode)
        {
            case HttpStatusCode.TooManyRequests:
            case HttpStatusCode.InternalServerError:
            case HttpStatusCode.BadGateway:
            case HttpStatusCode.ServiceUnavailable:
            case HttpStatusCode.GatewayTimeout:
                return RetryAfter(response) is { } retryAfter ? Min(retryAfter, MaxRetryAfter) : Backoff(attempt);
            default:
                return null;
        }
    }

    /// <summary>The wait before the next attempt after a lost connection or a timed-out request, or null after the last attempt.</summary>
    public TimeSpan? DelayAfterConnectionError(int attempt) => attempt >= MaxAttempts ? null : Backoff(attempt);

    /// <summary>Exponential back-off: BaseDelay, 2×, 4×, ... up to MaxDelay.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        return Min(TimeSpan.FromTicks((long)Math.Min(BaseDelay.Ticks * factor, MaxDelay.Ticks)), MaxDelay);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
