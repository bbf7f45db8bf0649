using System.Linq;
using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;
using Flows.Generators.Jobs;
using Flows.Manifests;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW041: the flow container sets a variable that the patch appends again.</summary>
public class EnvironmentNameCollisionTests
{
    [Fact]
    public Task Reported_at_the_name_of_an_appended_variable() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
                env:
                - name: MY_ENV
                  value: foo
                - name: {|#0:FLOWS__CONTEXT__FLOW_RUN_ID|}
                  value: fixed
        """,
        Verify.Diagnostic(DiagnosticDescriptors.EnvironmentNameCollision).WithLocation(0)
            .WithArguments("job_spec.yaml", "FLOWS__CONTEXT__FLOW_RUN_ID", "flow-container"));

    [Fact]
    public Task Not_reported_for_other_context_variables_which_pass_values_to_tasks() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
                env:
                - name: FLOWS__CONTEXT__STAGE
                  value: production
        """);

    [Fact]
    public Task Not_reported_for_a_container_that_does_not_run_the_flow() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
              - name: helper
                image: busybox
                env:
                - name: FLOWS__CONTEXT__FLOW_RUN_ID
                  value: fixed
        """);

    [Fact]
    public void The_checked_names_are_the_ones_the_runtime_appends()
    {
        var run = new KubernetesRunInfo("flow", "run-1", "id", "default", "job-id", "image:1");
        Assert.Equal(run.Environment.Select(pair => pair.Key).OrderBy(n => n), JobSpecChecker.AppendedEnvironment.OrderBy(n => n));
    }
}
