using System.Linq;
using System.Text.RegularExpressions;
using Flows.Manifests;

namespace Flows.Runtime.Tests.PodTasks;

/// <summary>
/// A task's pod name part and flows_task label (<see cref="TaskKubernetesNames"/>): valid whatever the task's name, different
/// for different tasks, and the same whether the generator computed it at build time or the runtime does.
/// </summary>
public class TaskKubernetesNameTests
{
    private static readonly Regex Dns1123Label = new(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\z");

    [Theory]
    [InlineData("LoadData", "load-data")]
    [InlineData("WaitForMessage", "wait-for-message")]
    [InlineData("ABC", "a-b-c")]
    [InlineData("Load2Data", "load2-data")]
    [InlineData("Load_Data", "load-data-0c7cdc12")]
    [InlineData("loadData", "load-data-8dacb199")]
    [InlineData("Größe", "gr-e-48b3427a")]
    [InlineData("_hidden", "hidden-fe2d06a6")]
    [InlineData("measure", "measure-10bf34df")]
    [InlineData("___", "task-045a3b34")]
    [InlineData("", "task-811c9dc5")]
    public void A_PascalCase_name_keeps_its_dashed_form_and_any_other_gets_a_hash_of_the_name(string taskName, string expected) =>
        Assert.Equal(expected, TaskKubernetesNames.PodNamePart(taskName));

    [Theory]
    [InlineData("", "811c9dc5")]
    [InlineData("a", "e40c292c")]
    [InlineData("foobar", "bf9cf968")]
    public void The_hash_is_32_bit_FNV_1a(string text, string expected) => Assert.Equal(expected, TaskKubernetesNames.Hash(text));

    [Theory]
    [InlineData("LoadData", "LoadData")]
    [InlineData("Load_Data", "Load_Data")]
    [InlineData("measure", "measure")]
    [InlineData("Größe", "gr-e-48b3427a")]
    [InlineData("_hidden", "hidden-fe2d06a6")]
    public void The_label_is_the_name_when_it_is_a_valid_label_value_else_the_hashed_name_part(string taskName, string expected) =>
        Assert.Equal(expected, TaskKubernetesNames.LabelValue(taskName));

    [Fact]
    public void A_long_name_is_cut_to_40_characters_with_a_hash_so_that_names_differing_at_the_end_stay_apart()
    {
        var them = TaskKubernetesNames.PodNamePart(nameof(TaskNameFlow.ReadTheQuarterlyReportsOfEveryRegionAndMergeThem));
        var those = TaskKubernetesNames.PodNamePart(nameof(TaskNameFlow.ReadTheQuarterlyReportsOfEveryRegionAndMergeThose));

        Assert.Equal(TaskKubernetesNames.MaxPodNamePartLength, them.Length);
        Assert.StartsWith("read-the-quarterly-reports-of-e", them);
        Assert.NotEqual(them, those);
        var longest = TaskKubernetesNames.PodNamePart(new string('X', 500));
        Assert.True(longest.Length <= TaskKubernetesNames.MaxPodNamePartLength, longest);
        Assert.Matches(Dns1123Label, longest);
        Assert.True(KubernetesRunInfo.IsValidLabelValue(TaskKubernetesNames.LabelValue(new string('x', 500))));
    }

    [Fact]
    public void The_generator_emits_the_name_part_the_runtime_computes()
    {
        var pods = TaskNameFlow.Definition.Tasks.Where(t => t.Pod is not null).ToList();

        Assert.Equal(7, pods.Count);
        Assert.All(pods, task => Assert.Equal(TaskKubernetesNames.PodNamePart(task.Name), task.Pod!.PodBaseName));
    }

    [Fact]
    public void Every_task_gets_a_valid_and_distinct_pod_name_and_label_on_its_last_attempt()
    {
        var flow = TaskNameFlow.Definition;
        var pods = flow.Tasks.Where(t => t.Pod is not null)
            .Select(task =>
            {
                var run = PodTaskRunInfo.Create(flow, task, "names-run-1", "jobs", null, attempt: 1000, "{}", FlowParameterValues.Empty);
                var metadata = task.Pod!.CreatePod(run)["metadata"]!;
                return (Name: (string)metadata["name"]!, Label: (string)metadata["labels"]![RunLabels.Task]!);
            })
            .ToList();

        Assert.All(pods, pod => Assert.True(pod.Name.Length <= 63 && Dns1123Label.IsMatch(pod.Name), pod.Name));
        Assert.All(pods, pod => Assert.True(KubernetesRunInfo.IsValidLabelValue(pod.Label), pod.Label));
        Assert.Equal(pods.Count, pods.Select(p => p.Name).Distinct().Count());
        Assert.Equal(pods.Count, pods.Select(p => p.Label).Distinct().Count());
    }
}
