using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Kubernetes.Validation;
using Flows.Generators.PodTasks;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>
/// The pod name part the generator emits for a task, judged by the port of the API server's name rules. The expected
/// values are the ones the runtime computes (Flows.Runtime.Tests' TaskKubernetesNameTests asserts the same).
/// </summary>
public class PodNamePartTests
{
    [Theory]
    [InlineData("WaitForMessage", "wait-for-message")]
    [InlineData("LoadData", "load-data")]
    [InlineData("Load_Data", "load-data-0c7cdc12")]
    [InlineData("loadData", "load-data-8dacb199")]
    [InlineData("Größe", "gr-e-48b3427a")]
    [InlineData("_hidden", "hidden-fe2d06a6")]
    [InlineData("___", "task-045a3b34")]
    public void The_generator_emits_the_runtime_s_name_and_the_pod_name_is_a_valid_DNS_label(string taskName, string expected)
    {
        var model = PodSpecChecker.Check(VerifyPodTasks.SidecarAttribute() with { TaskName = taskName }, SeedSpecs.SharedVolume, null);

        Assert.Equal(expected, model!.PodBaseName);
        // The longest per-run suffix: '-', 10 hex of the run, '-', a four-digit attempt.
        Assert.Empty(NameRules.IsDns1123Label(model.PodBaseName + "-0123456789-1000"));
        Assert.Empty(NameRules.IsValidLabelValue(model.PodBaseName));
    }

    [Fact]
    public void A_long_name_still_makes_a_valid_pod_name()
    {
        var model = PodSpecChecker.Check(VerifyPodTasks.SidecarAttribute() with { TaskName = "Read" + new string('x', 300) + "Ü" }, SeedSpecs.SharedVolume, null);

        Assert.True(model!.PodBaseName.Length <= 40, model.PodBaseName);
        Assert.Empty(NameRules.IsDns1123Label(model.PodBaseName + "-0123456789-1000"));
    }
}
