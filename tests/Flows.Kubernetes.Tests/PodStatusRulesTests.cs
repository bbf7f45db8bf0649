using System.Linq;
using System.Text.Json.Nodes;

namespace Flows.Kubernetes.Tests;

/// <summary>The rules on pod and Job status, on JSON shaped as the API sends it.</summary>
public class PodStatusRulesTests
{
    private static JsonObject Pod(string restartPolicy, string phase, string containerStatuses) => (JsonObject)JsonNode.Parse($$"""
        {
          "metadata": { "name": "p" },
          "spec": { "restartPolicy": "{{restartPolicy}}", "containers": [ { "name": "flow" }, { "name": "proxy" } ] },
          "status": { "phase": "{{phase}}", "containerStatuses": {{containerStatuses}} }
        }
        """)!;

    [Fact]
    public void A_crash_loop_is_reported_but_not_fatal_and_a_missing_secret_is_fatal()
    {
        var pod = Pod("OnFailure", "Running", """
            [ { "name": "flow", "image": "i", "state": { "waiting": { "reason": "CrashLoopBackOff", "message": "back-off 20s restarting failed container=flow pod=p" } },
                "lastState": { "terminated": { "exitCode": 1, "reason": "Error" } } },
              { "name": "proxy", "image": "j", "state": { "waiting": { "reason": "CreateContainerConfigError", "message": "secret \"token\" not found" } } } ]
            """);

        var problems = PodProblemDetector.Detect(pod).ToList();

        Assert.Equal(["CrashLoopBackOff", "CreateContainerConfigError"], problems.Select(p => p.Reason));
        Assert.False(problems[0].IsFatal);
        Assert.True(problems[1].IsFatal);
        Assert.Equal("container 'proxy': secret \"token\" not found", problems[1].Description);
    }

    [Fact]
    public void A_first_ErrImagePull_is_left_to_the_kubelets_retry()
    {
        var pod = Pod("Never", "Pending", """[ { "name": "flow", "image": "i", "state": { "waiting": { "reason": "ErrImagePull", "message": "not found" } } } ]""");

        Assert.Empty(PodProblemDetector.Detect(pod));
    }

    [Fact]
    public void With_restart_policy_OnFailure_a_failed_flow_container_is_not_the_end_yet()
    {
        var restarting = Pod("OnFailure", "Running", """[ { "name": "flow", "state": { "terminated": { "exitCode": 1, "reason": "Error" } } } ]""");
        var succeeded = Pod("OnFailure", "Running", """[ { "name": "flow", "state": { "terminated": { "exitCode": 0, "reason": "Completed" } } } ]""");

        Assert.Null(RunOutcomeRules.Decide("j", null, false, [restarting], "flow"));
        Assert.True(RunOutcomeRules.Decide("j", null, false, [succeeded], "flow")!.Succeeded);
    }

    [Fact]
    public void A_failed_job_condition_carries_the_flow_containers_exit_too()
    {
        var job = (JsonObject)JsonNode.Parse("""
            { "status": { "conditions": [ { "type": "Failed", "status": "True", "reason": "DeadlineExceeded", "message": "Job was active longer than specified deadline" } ] } }
            """)!;
        var killed = Pod("Never", "Failed", """[ { "name": "flow", "state": { "terminated": { "exitCode": 137, "reason": "Error" } } } ]""");

        var outcome = RunOutcomeRules.Decide("j", job, false, [killed], "flow")!;

        Assert.False(outcome.Succeeded);
        Assert.Equal("flow container 'flow' of pod p exited with code 137 (Error); Job j failed: DeadlineExceeded: Job was active longer than specified deadline", outcome.Summary);
    }

    [Fact]
    public void Nothing_is_decided_while_the_flow_container_runs()
    {
        var running = Pod("Never", "Running", """[ { "name": "flow", "state": { "running": {} } }, { "name": "proxy", "state": { "terminated": { "exitCode": 0 } } } ]""");

        Assert.Null(RunOutcomeRules.Decide("j", new JsonObject(), false, [running], "flow"));
    }
}
