using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW069: a container other than the task's own has no image.</summary>
public class ContainerWithoutImageTests
{
    [Fact]
    public Task Reported_at_the_name_of_a_sidecar_without_image() => VerifyPodTasks.PodSpecAsync("""
        containers:
        - name: primary
        - name: {|#0:secondary|}
          command: ["sh"]
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ContainerWithoutImage).WithLocation(0).WithArguments("pod_spec.yaml", "secondary", "primary"));

    [Fact]
    public Task Reported_at_an_empty_image_of_an_init_container() => VerifyPodTasks.PodSpecAsync("""
        initContainers:
        - name: setup
          image: {|#0:""|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ContainerWithoutImage).WithLocation(0).WithArguments("pod_spec.yaml", "setup", "primary"));

    [Fact]
    public Task Not_reported_for_the_primary() => VerifyPodTasks.PodSpecAsync(SeedSpecs.SharedVolume);
}
