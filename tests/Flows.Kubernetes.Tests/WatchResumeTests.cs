using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;

namespace Flows.Kubernetes.Tests;

public class WatchResumeTests
{
    private static bool IsPodWatch(RecordedRequest r) => r.IsWatchOf("pods");

    private static bool IsPodList(RecordedRequest r) => r.IsListOf("pods");

    private static bool IsJobWatch(RecordedRequest r) => r.IsWatchOf("jobs");

    /// <summary>The pod lists and watches, in order ("list" or "watch").</summary>
    private static string[] PodRequests(KubernetesApiDouble api) =>
        api.Requests.Where(r => IsPodWatch(r) || IsPodList(r)).Select(r => r.IsWatch ? "watch" : "list").ToArray();

    private static long Version(RecordedRequest r) => long.Parse(r["resourceVersion"]!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_watch_cut_mid_stream_resumes_from_the_last_resource_version_seen()
    {
        await using var api = new KubernetesApiDouble();
        api.Faults.OnNextWatch("pods", WatchFaultKind.CutMidStream, afterEvents: 1);
        api.PodScript = async pod =>
        {
            pod.Schedule();
            await pod.WaitUntilAsync(a => a.Requests.Count(IsPodWatch) >= 1, "watch the pods");
            pod.Start();
            pod.Log("flow", "one", "two");
            await pod.WaitUntilAsync(a => a.Requests.Count(IsPodWatch) >= 2, "watch the pods again");
            pod.Log("flow", "three");
            pod.Exit("flow", 0);
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--follow", "--flow-run-id", "cut-watch");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["one", "two", "three"], result.OutputLines);
        var watches = api.Requests.Where(IsPodWatch).ToList();
        Assert.True(Version(watches[1]) > Version(watches[0]), "the second watch starts after the event the first one delivered");
        // Resumed with a watch, not a new list.
        Assert.Equal(["list", "watch", "watch"], PodRequests(api).Take(3));
        Assert.Contains("note: the watch of pods broke off", result.Error);
    }

    [Fact]
    public async Task Gone_410_lists_again_and_watches_from_the_new_resource_version()
    {
        await using var api = new KubernetesApiDouble();
        api.Faults.OnNextWatch("pods", WatchFaultKind.Expire);
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log("flow", "a", "b");
            await pod.WaitUntilAsync(a => a.Requests.Count(IsPodWatch) >= 2, "list and watch the pods again");
            pod.Log("flow", "c");
            pod.Exit("flow", 0);
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--follow", "--flow-run-id", "gone-410");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["a", "b", "c"], result.OutputLines);
        Assert.Equal(["list", "watch", "list", "watch"], PodRequests(api).Take(4));
        var watches = api.Requests.Where(IsPodWatch).ToList();
        Assert.True(Version(watches[1]) > Version(watches[0]));
        Assert.Contains("note: the watch of pods expired (410 Gone", result.Error);
    }

    [Fact]
    public async Task A_watch_the_server_closes_quietly_is_resumed_from_the_same_resource_version()
    {
        await using var api = new KubernetesApiDouble();
        api.Faults.OnNextWatch("jobs", WatchFaultKind.CloseQuietly);
        api.PodScript = async pod =>
        {
            pod.Schedule();
            await pod.WaitUntilAsync(a => a.Requests.Count(IsJobWatch) >= 2, "watch the Job again");
            pod.Start();
            pod.Exit("flow", 0);
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--wait", "--flow-run-id", "quiet-close");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var watches = api.Requests.Where(IsJobWatch).ToList();
        Assert.Equal(watches[0]["resourceVersion"], watches[1]["resourceVersion"]);
        Assert.Single(api.Requests, r => r.IsListOf("jobs"));
    }

    [Fact]
    public async Task A_watch_that_goes_silent_is_dropped_after_the_idle_timeout_and_resumed()
    {
        await using var api = new KubernetesApiDouble();
        api.Faults.OnNextWatch("pods", WatchFaultKind.GoSilent);
        api.PodScript = async pod =>
        {
            pod.Schedule();
            await pod.WaitUntilAsync(a => a.Requests.Count(IsPodWatch) >= 2, "watch the pods again");
            pod.Start();
            pod.Exit("flow", 0);
        };
        var settings = KubernetesCli.Settings(api, watchIdleTimeout: TimeSpan.FromMilliseconds(300));

        var result = await KubernetesCli.RunAsync(api, settings, [TestFlows.Create()], default, "submit", "--wait", "--flow-run-id", "silent");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("nothing received for 0.3 s", result.Error);
    }

    [Fact]
    public async Task Too_many_requests_429_waits_for_retry_after_and_500_is_retried()
    {
        await using var api = new KubernetesApiDouble();
        api.Faults.FailNext(r => r.Method == "POST", 429, retryAfterSeconds: 1);
        api.Faults.FailNext(IsPodList, 500);
        var settings = KubernetesCli.Settings(api);

        var result = await KubernetesCli.RunAsync(api, settings, [TestFlows.Create()], default, "submit", "--wait", "--flow-run-id", "throttled");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var posts = api.RequestsTo("POST", "/jobs");
        Assert.Equal(2, posts.Count);
        // Retry-After: 1 is waited for, up to the tests' cap (timers may fire a few milliseconds early).
        Assert.True(posts[1].Since(posts[0]) >= settings.Retry.MaxRetryAfter - TimeSpan.FromMilliseconds(20), $"waited {posts[1].Since(posts[0])}");
        var job = TestFlows.RunInfo(TestFlows.Create(), "throttled").JobName;
        Assert.Contains($"Deleted Job flows-test/{job} and pod flows-test/{job}-00001 (propagationPolicy=Background).", result.ErrorLines);
        Assert.Equal(["list", "list"], PodRequests(api).Take(2));
        Assert.Contains("answered 429 TooManyRequests; retrying in 0.2 s", result.Error);
        Assert.Contains("answered 500 InternalServerError; retrying", result.Error);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_recognised_as_this_runs_job()
    {
        await using var api = new KubernetesApiDouble();
        api.Faults.LoseNextAnswer(r => r.Method == "POST");
        var flow = TestFlows.Create();

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--wait", "--flow-run-id", "lost-answer");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(2, api.RequestsTo("POST", "/jobs").Count);
        Assert.Single(api.Requests, r => r.Method == "GET" && r.Path.EndsWith("/jobs/" + TestFlows.RunInfo(flow, "lost-answer").JobName, StringComparison.Ordinal));
    }
}
