using System.Linq;
using System.Text.Json.Nodes;
using Flows.Manifests;
using Flows.Runtime.Tests.Kubernetes.Support;

namespace Flows.Runtime.Tests.PodTasks;

/// <summary>The Pod a pod task runs in: the primary container is the task's, everything else is the user's spec.</summary>
public class PodTaskPodTests
{
    [Fact]
    public void The_primary_runs_the_task_through_the_entrypoint_in_the_flow_image_with_the_declared_resources_and_env()
    {
        var rendered = RenderedPod.For(nameof(PodTaskFlow.WaitForMessage), """{"greeting":"hello","count":3,"suffix":"?"}""",
            parameters: FlowParameterValues.From(("suffix", "?")));

        var primary = rendered.Container("primary");
        Assert.Equal("localhost:5000/flows/pod-tests:7", (string)primary["image"]!);
        Assert.Equal("""["/app/Flows.Runtime.Tests"]""", primary["command"]!.ToJsonString());
        Assert.Equal("""["run-task","--flow","pod tasks","--task","WaitForMessage","--param","suffix=?"]""", primary["args"]!.ToJsonString());
        Assert.Equal("""{"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"cpu":"1","memory":"128Mi"}}""", primary["resources"]!.ToJsonString());
        Assert.Equal("/dev/termination-log", (string)primary["terminationMessagePath"]!);
        Assert.Equal("File", (string)primary["terminationMessagePolicy"]!);
        var env = ((JsonArray)primary["env"]!).Select(e => (string)e!["name"]!).ToList();
        Assert.Equal(new[] { "MODE", "GREETING" }, env.Take(2));
        Assert.Equal("plain {not-expanded}", rendered.Env("primary", "GREETING"));
        Assert.Equal("""{"greeting":"hello","count":3,"suffix":"?"}""", rendered.Env("primary", PodTaskVariables.Inputs));
        Assert.Equal("/dev/termination-log", rendered.Env("primary", PodTaskVariables.TerminationMessagePath));
        Assert.Equal(rendered.Run.Identifier, rendered.Env("primary", FlowContextVariables.Identifier));
        Assert.Equal("WaitForMessage", rendered.Env("primary", FlowContextVariables.TaskName));
        Assert.Equal("1", rendered.Env("primary", FlowContextVariables.TaskRunAttempt));
    }

    [Fact]
    public void Name_namespace_and_labels_identify_the_run_the_task_and_the_attempt()
    {
        var first = RenderedPod.For(nameof(PodTaskFlow.WaitForMessage), attempt: 1);
        var second = RenderedPod.For(nameof(PodTaskFlow.WaitForMessage), attempt: 2);

        var metadata = first.Pod["metadata"]!;
        Assert.Equal("wait-for-message-" + first.Run.Identifier[..10] + "-1", (string)metadata["name"]!);
        Assert.Equal("wait-for-message-" + first.Run.Identifier[..10] + "-2", (string)second.Pod["metadata"]!["name"]!);
        Assert.Equal("jobs", (string)metadata["namespace"]!);
        Assert.Equal(KubernetesRunInfo.IdentifierFor(RenderedPod.FlowRunId), (string)metadata["labels"]!["identifier"]!);
        Assert.Equal(RenderedPod.FlowRunId, (string)metadata["labels"]!["flow_run_id"]!);
        Assert.Equal("WaitForMessage", (string)metadata["labels"]![RunLabels.Task]!);
        Assert.Equal("Never", (string)first.Pod["spec"]!["restartPolicy"]!);
    }

    [Fact]
    public void The_sidecar_volumes_and_pod_settings_are_the_spec_as_written()
    {
        var input = YamlToJson.Parse(RepositoryFiles.PathOf("tests/Flows.Runtime.Tests/PodTasks/fixtures/shared-volume.pod.yaml").Let(System.IO.File.ReadAllText))!.AsObject();
        var rendered = RenderedPod.For(nameof(PodTaskFlow.WaitForMessage));

        Assert.True(JsonNode.DeepEquals(input["containers"]![1], rendered.Container("secondary")), rendered.Pod.ToJsonString());
        // The spec's volumes and mounts as written, then the /tmp emptyDir of the primary's read-only root (RestrictedPodDefaults).
        var volumes = (JsonArray)rendered.Pod["spec"]!["volumes"]!;
        Assert.True(JsonNode.DeepEquals(input["volumes"]![0], volumes[0]), rendered.Pod.ToJsonString());
        Assert.Equal(["shared-data", RestrictedPodDefaults.TmpVolumeName], volumes.Select(v => (string)v!["name"]!));
        var mounts = (JsonArray)rendered.Container("primary")["volumeMounts"]!;
        Assert.True(JsonNode.DeepEquals(input["containers"]![0]!["volumeMounts"]![0], mounts[0]));
        Assert.Equal(["/data", "/tmp"], mounts.Select(m => (string)m!["mountPath"]!));
    }

    [Fact]
    public void A_whole_pod_keeps_its_settings_labels_and_other_containers_and_only_the_primary_is_replaced()
    {
        var input = YamlToJson.Parse(System.IO.File.ReadAllText(RepositoryFiles.PathOf("tests/Flows.Runtime.Tests/PodTasks/fixtures/full.pod.yaml")))!.AsObject();
        var rendered = RenderedPod.For(nameof(PodTaskFlow.Configure));

        var differences = JsonTreeDiff.Compare(input, rendered.Pod).Select(d => $"{d.Change} {d.Path}").ToList();
        // The restricted-profile defaults add the pod's seccompProfile and the primary's /tmp volume (its serviceAccountName keeps the token).
        var owned = new[] { "metadata.name", "metadata.namespace", "metadata.labels.identifier", "metadata.labels.flow_run_id", "metadata.labels.flows_task", "spec.securityContext", "spec.volumes" };
        var unexpected = differences.Where(d => !owned.Any(p => d.EndsWith(" " + p)) && !d.Contains("spec.containers[1]")).ToList();
        Assert.True(unexpected.Count == 0, "Changed outside the primary and the run metadata:\n" + string.Join("\n", unexpected));
        Assert.Equal("data", (string)rendered.Pod["metadata"]!["labels"]!["team"]!);
        Assert.Equal("/work", (string)rendered.Container("main")["workingDir"]!);
        Assert.Equal("/tmp/result", (string)rendered.Container("main")["terminationMessagePath"]!);
        Assert.Equal("/tmp/result", rendered.Env("main", PodTaskVariables.TerminationMessagePath));
        Assert.Null(rendered.Env("main", "OLD"));
        Assert.False(rendered.Container("main").ContainsKey("resources"));
    }

    [Fact]
    public void A_primary_the_spec_lacks_is_added_first()
    {
        var rendered = RenderedPod.For(nameof(PodTaskFlow.AddedPrimary), """{"count":3}""");

        Assert.Equal(new[] { "added-primary", "logger" }, rendered.Containers.Select(c => (string)c!["name"]!));
        Assert.Equal("localhost:5000/flows/pod-tests:7", (string)rendered.Container("added-primary")["image"]!);
    }

    [Fact]
    public void A_container_task_runs_its_own_image_with_its_inputs_in_command_args_and_env()
    {
        var rendered = RenderedPod.For(nameof(PodTaskFlow.Shout), """{"message":"hi there","count":3}""");

        var task = rendered.Container("task");
        Assert.Equal("localhost:5000/busybox:1", (string)task["image"]!);
        Assert.Equal("""["echo"]""", task["command"]!.ToJsonString());
        Assert.Equal("""["hi there 3 {braces}"]""", task["args"]!.ToJsonString());
        Assert.Equal("hi there", rendered.Env("task", "MESSAGE"));
        Assert.Null(rendered.Env("task", PodTaskVariables.Inputs));
        Assert.Equal("""{"limits":{"memory":"32Mi"}}""", task["resources"]!.ToJsonString());
        Assert.Equal("localhost:5000/busybox:1", rendered.Run.Image);
    }

    [Fact]
    public void A_container_task_without_command_or_args_keeps_the_image_entrypoint()
    {
        var task = RenderedPod.For(nameof(PodTaskFlow.ImageDefaults)).Container("task");

        Assert.False(task.ContainsKey("command"));
        Assert.False(task.ContainsKey("args"));
    }

    [Fact]
    public void Pod_names_stay_within_63_characters()
    {
        var flow = PodTaskFlow.Definition;
        var task = flow.GetTask(nameof(PodTaskFlow.WaitForMessage));
        var run = PodTaskRunInfo.Create(flow, task, "run", null, null, 123456789, "{}", FlowParameterValues.Empty);

        Assert.True(run.PodName.Length <= 63, run.PodName);
        Assert.Equal("default", run.Namespace);
    }
}

internal static class FunctionalExtensions
{
    public static TResult Let<T, TResult>(this T value, System.Func<T, TResult> function) => function(value);
}
