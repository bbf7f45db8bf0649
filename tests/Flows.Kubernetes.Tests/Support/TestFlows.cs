using System;
using System.Text.Json.Nodes;
using Flows.Manifests;

namespace Flows.Kubernetes.Tests.Support;

/// <summary>
/// Flows whose Kubernetes Job template is built by hand, the way the generator will emit it: the job
/// spec as JSON, patched for a run with <see cref="JobSpecPatching"/>.
/// </summary>
internal static class TestFlows
{
    public const string Namespace = "flows-test";
    public const string Image = "localhost:5000/flows-test:1";

    /// <summary>Prefect's resource-limits example, plus fields no client model knows (they must reach the API untouched).</summary>
    public const string JobSpec = """
        {
          "apiVersion": "batch/v1",
          "kind": "Job",
          "metadata": {
            "name": "my-flows-job",
            "labels": { "identifier": "", "flow_run_id": "", "team": "data" },
            "annotations": { "example.com/owner": "flows <team> & co" }
          },
          "spec": {
            "backoffLimit": 0,
            "activeDeadlineSeconds": 600,
            "ttlSecondsAfterFinished": 300,
            "podFailurePolicy": { "rules": [ { "action": "FailJob", "onExitCodes": { "containerName": "flow", "operator": "In", "values": [42] } } ] },
            "futureJobField": { "nested": [1, 2.5, true, null, "x", 12345678901234567890] },
            "template": {
              "metadata": { "labels": { "identifier": "" } },
              "spec": {
                "restartPolicy": "Never",
                "containers": [
                  {
                    "name": "flow",
                    "image": "",
                    "command": [],
                    "args": [],
                    "env": [ { "name": "MY_ENV", "value": "foo" } ],
                    "resources": { "limits": { "cpu": "2", "memory": "4G" }, "requests": { "cpu": "1", "memory": "2G" } },
                    "futureContainerField": "kept"
                  }
                ],
                "futurePodField": { "a": 1 }
              }
            }
          }
        }
        """;

    /// <summary>A flow container and a proxy sidecar that never exits (the pre-1.29 sidecar trap).</summary>
    public const string JobSpecWithSidecar = """
        {
          "apiVersion": "batch/v1",
          "kind": "Job",
          "metadata": { "name": "sidecar-job" },
          "spec": {
            "backoffLimit": 0,
            "template": {
              "spec": {
                "restartPolicy": "Never",
                "containers": [
                  { "name": "flow", "image": "" },
                  { "name": "proxy", "image": "localhost:5000/busybox:1", "command": ["/bin/sh", "-c", "sleep 3600"] }
                ]
              }
            }
          }
        }
        """;

    public static FlowDefinition Create(string jobSpec = JobSpec, string name = "k8s test flow", string jobBaseName = "my-flows-job")
    {
        var template = new KubernetesJobTemplate("job_spec.yaml", "flow", Image, Namespace, jobBaseName, run => Patch(jobSpec, run));
        return new FlowDefinition(name, "Flows.Kubernetes.Tests.TestFlow", null, [], [], [], _ => throw new NotSupportedException("not run in-process here"), template);
    }

    public static FlowDefinition WithoutKubernetesJob() =>
        new("plain flow", "Flows.Kubernetes.Tests.PlainFlow", null, [], [], [], _ => throw new NotSupportedException());

    public static KubernetesRunInfo RunInfo(FlowDefinition flow, string flowRunId) =>
        KubernetesRunInfo.Create(flow, flow.KubernetesJob!, flowRunId, null);

    /// <summary>What the generated patching code does: name, namespace, run labels, the flow container's image, command, args and env.</summary>
    private static JsonObject Patch(string jobSpec, KubernetesRunInfo run)
    {
        var job = JobSpecPatching.Parse(jobSpec);
        var metadata = JobSpecPatching.ObjectAt(job, "metadata");
        metadata["name"] = run.JobName;
        metadata["namespace"] = run.Namespace;
        JobSpecPatching.SetRunLabels(metadata, run);
        JobSpecPatching.SetRunLabels(JobSpecPatching.ObjectAt(JobSpecPatching.ObjectAt(JobSpecPatching.ObjectAt(job, "spec"), "template"), "metadata"), run);
        var flow = JobSpecPatching.Container(job, 0);
        flow["image"] = run.Image;
        flow["command"] = JobSpecPatching.Strings("/app/flows");
        flow["args"] = JobSpecPatching.Strings("run", "--flow", run.FlowName, "--flow-run-id", run.FlowRunId);
        JobSpecPatching.AppendRunEnvironment(flow, run);
        return job;
    }
}
