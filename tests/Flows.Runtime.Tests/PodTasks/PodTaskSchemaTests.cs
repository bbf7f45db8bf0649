using System.Threading.Tasks;
using Flows.Runtime.Tests.Kubernetes.Support;

namespace Flows.Runtime.Tests.PodTasks;

/// <summary>Every Pod the generated code of <see cref="PodTaskFlow"/> builds validates against the official v1 Pod schema.</summary>
public class PodTaskSchemaTests
{
    public static TheoryData<string, string> Tasks => new()
    {
        { nameof(PodTaskFlow.WaitForMessage), """{"greeting":"hello","count":3,"suffix":"!"}""" },
        { nameof(PodTaskFlow.Configure), "{}" },
        { nameof(PodTaskFlow.AddedPrimary), """{"count":3}""" },
        { nameof(PodTaskFlow.Shout), """{"message":"hi","count":3}""" },
        { nameof(PodTaskFlow.ImageDefaults), "{}" },
    };

    [SchemaTheory]
    [MemberData(nameof(Tasks))]
    public async Task The_generated_pod_is_a_valid_v1_pod(string task, string inputs)
    {
        var pod = RenderedPod.For(task, inputs).Pod;

        var (exitCode, output) = await PodSchema.ValidateAsync(pod);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{pod.ToJsonString()}");
    }
}
