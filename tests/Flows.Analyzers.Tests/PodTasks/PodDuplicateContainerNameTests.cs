using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW067: two containers of the pod (init containers included) have the same name.</summary>
public class PodDuplicateContainerNameTests
{
    [Fact]
    public Task Reported_at_the_init_container_as_the_API_server_does() => VerifyPodTasks.PodSpecAsync("""
        initContainers:
        - name: {|#0:setup|}
          image: busybox:1.36
        containers:
        - name: primary
        - name: setup
          image: busybox:1.36
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodDuplicateContainerName).WithLocation(0).WithArguments("pod_spec.yaml", "setup"));

    [Fact]
    public Task Reported_for_an_init_container_named_like_the_primary_that_Flows_adds() => VerifyPodTasks.PodSpecAsync("""
        initContainers:
        - name: {|#0:primary|}
          image: busybox:1.36
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodDuplicateContainerName).WithLocation(0).WithArguments("pod_spec.yaml", "primary"));
}
