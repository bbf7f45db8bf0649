using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Manifests;
using Flows.Runtime.Tests.Kubernetes.Support;

namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>
/// A pod task's Pod, built with <see cref="PodTaskPatching"/> as the generated code builds it, validates against the official
/// Kubernetes OpenAPI schema (v1 Pod of Kubernetes v1.36.0, through npm's kubernetes-models 5.1.0), and a broken one does not.
/// </summary>
public class PodSchemaTests
{
    private const string Primary = "primary";

    [SchemaFact]
    public async Task The_sidecar_sample_pod_spec_patched_for_a_run_is_a_valid_v1_pod()
    {
        var pod = SidecarSamplePod();

        var (exitCode, output) = await PodSchema.ValidateAsync(pod.ToJsonString());

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{pod.ToJsonString()}");
        Assert.Equal("wait-for-message-", ((string)pod["metadata"]!["name"]!)[..17]);
    }

    [SchemaFact]
    public async Task A_pod_whose_containers_is_a_string_is_invalid()
    {
        var pod = SidecarSamplePod();
        pod["spec"]!["containers"] = "x";

        var (exitCode, output) = await PodSchema.ValidateAsync(pod);

        Assert.True(exitCode == 1, $"exit {exitCode}: {output}");
        Assert.Contains("/spec/containers: must be array", output);
    }

    /// <summary>samples/SidecarFlow/pod_spec.yaml (a bare PodSpec, wrapped as the generator wraps it) patched for one run of a [PodTask].</summary>
    private static JsonObject SidecarSamplePod()
    {
        var spec = YamlToJson.Parse(File.ReadAllText(RepositoryFiles.PathOf("samples/SidecarFlow/pod_spec.yaml")))!;
        var template = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = new JsonObject(), ["spec"] = spec };
        var podTask = new PodTaskDefinition(PodTaskKind.Sidecar, "pod_spec.yaml", Primary, "wait-for-message", image: null, resultIsLog: false,
            run => CreatePod((JsonObject)template.DeepClone(), run));
        var task = new TaskDefinition(0, "WaitForMessage", TaskTrigger.AllSuccessful, 2, TimeSpan.Zero, null, "string", [], podTask);
        var flow = new FlowDefinition("sidecar flow", "SidecarFlow.SidecarFlow", null, [task], [], [0], _ => throw new NotSupportedException("not run here"));
        var run = PodTaskRunInfo.Create(flow, task, "schema-check-run", "flows", "localhost:5000/flows/sidecar-flow:1", 1, "{\"greeting\":\"hi\"}", FlowParameterValues.Empty);
        return task.Pod!.CreatePod(run);
    }

    private static JsonObject CreatePod(JsonObject pod, PodTaskRunInfo run)
    {
        PodTaskPatching.SetRunMetadata(pod, run);
        PodTaskPatching.SetDefaultRestartPolicy(pod);
        var primary = PodTaskPatching.PrimaryContainer(pod, Primary);
        primary["image"] = run.Image;
        primary["args"] = PodTaskPatching.Strings(run.TaskArguments);
        PodTaskPatching.SetResources(primary, "100m", "1", "128Mi", "256Mi");
        var path = PodTaskPatching.SetTerminationMessage(primary);
        PodTaskPatching.SetEnvironment(primary, ["GREETING={greeting}"], run, expandInputs: true, PodTaskPatching.SidecarTaskVariables(run, path));
        return pod;
    }
}
