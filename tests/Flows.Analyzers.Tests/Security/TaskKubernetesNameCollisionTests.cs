using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Analyzers.Tests.PodTaskDeclarations;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Security;

/// <summary>FLOW084: two pod tasks of a flow whose pod names are the same, which the shared name rule could not keep apart.</summary>
public class TaskKubernetesNameCollisionTests
{
    [Fact]
    public Task Not_reported_for_names_the_rule_keeps_apart() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Names")]
        public static partial class NamesFlow
        {
            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1")]
            public static partial void LoadData();

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1")]
            public static partial void Load_Data();

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1")]
            public static partial void loadData();

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1")]
            public static partial void Größe();

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1")]
            public static partial void Grösse();

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1")]
            public static partial void _hidden();

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1")]
            public static partial void hidden();
        }
        """);

    [Fact]
    public Task Reported_at_the_second_task_when_a_PascalCase_name_spells_the_hashed_name_of_another() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Names")]
        public static partial class NamesFlow
        {
            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1")]
            public static partial void Save_Item();

            [FlowTask]
            [{|#0:ContainerTask("localhost:5000/busybox:1")|}]
            public static partial void SaveItemFcd08a36();
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.TaskKubernetesNameCollision).WithLocation(0)
            .WithArguments("Save_Item", "SaveItemFcd08a36", "Names", "save-item-fcd08a36"));

    [Fact]
    public Task Reported_for_a_sidecar_pod_task_too() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Names")]
        [DockerStorage(RegistryUrl = "localhost:5000", ImageName = "flows/names", ImageTag = "1")]
        public static partial class NamesFlow
        {
            [FlowTask]
            [PodTask("pod.yaml", "primary")]
            public static void SaveItemFcd08a36() { }

            [FlowTask]
            [{|#1:ContainerTask("localhost:5000/busybox:1")|}]
            public static partial void Save_Item();
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.TaskKubernetesNameCollision).WithLocation(1)
            .WithArguments("SaveItemFcd08a36", "Save_Item", "Names", "save-item-fcd08a36"));

    [Fact]
    public Task Not_reported_when_one_of_the_two_runs_in_the_flow_container() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Names")]
        public static partial class NamesFlow
        {
            [FlowTask]
            public static void Save_Item() { }

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1")]
            public static partial void SaveItemFcd08a36();
        }
        """);
}
