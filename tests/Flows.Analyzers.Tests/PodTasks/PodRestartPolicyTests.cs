using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW076: restartPolicy other than Never would restart the primary instead of ending the task.</summary>
public class PodRestartPolicyTests
{
    [Fact]
    public Task Reported_for_Always() => VerifyPodTasks.PodSpecAsync("""
        restartPolicy: {|#0:Always|}
        containers:
        - name: primary
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodRestartPolicy).WithLocation(0).WithArguments("pod_spec.yaml", "Always",
            "so the kubelet restarts the primary container 'primary' each time it ends, even after it succeeds, and the task never ends"));

    [Fact]
    public Task Reported_for_OnFailure_in_a_Pod() => VerifyPodTasks.PodSpecAsync("""
        apiVersion: v1
        kind: Pod
        spec:
          restartPolicy: {|#0:OnFailure|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodRestartPolicy).WithLocation(0).WithArguments("pod_spec.yaml", "OnFailure",
            "so the kubelet restarts a failed primary container 'primary' in the same pod, outside the task's Retries, and the task does not end while it keeps failing"));

    [Fact]
    public Task Reported_for_a_value_the_API_server_does_not_support() => VerifyPodTasks.PodSpecAsync("""
        restartPolicy: {|#0:Sometimes|}
        containers:
        - name: primary
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodRestartPolicy).WithLocation(0).WithArguments("pod_spec.yaml", "Sometimes",
            "which is not a restart policy (Always, OnFailure or Never)"));

    [Fact]
    public Task Not_reported_for_Never() => VerifyPodTasks.PodSpecAsync("restartPolicy: Never\n");
}
