using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Flows.Kubernetes.Tests;

public class ApiRetryPolicyTests
{
    private static readonly ApiRetryPolicy Policy = new(MaxAttempts: 4, BaseDelay: TimeSpan.FromMilliseconds(100), MaxDelay: TimeSpan.FromSeconds(1), MaxRetryAfter: TimeSpan.FromSeconds(30));

    [Fact]
    public void Too_many_requests_waits_as_long_as_retry_after_says_up_to_the_cap()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        using var greedy = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        greedy.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.FromSeconds(7), Policy.DelayAfterStatus(response, attempt: 1));
        Assert.Equal(TimeSpan.FromSeconds(30), Policy.DelayAfterStatus(greedy, attempt: 1));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void Server_errors_are_retried_with_backoff_and_answers_are_not(HttpStatusCode status, bool retried)
    {
        using var response = new HttpResponseMessage(status);

        Assert.Equal(retried ? TimeSpan.FromMilliseconds(200) : null, Policy.DelayAfterStatus(response, attempt: 2));
    }

    [Fact]
    public void Backoff_doubles_up_to_the_maximum_and_stops_after_the_last_attempt()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(100), Policy.Backoff(1));
        Assert.Equal(TimeSpan.FromMilliseconds(800), Policy.Backoff(4));
        Assert.Equal(TimeSpan.FromSeconds(1), Policy.Backoff(9));
        Assert.Null(Policy.DelayAfterConnectionError(attempt: 4));
    }
}
