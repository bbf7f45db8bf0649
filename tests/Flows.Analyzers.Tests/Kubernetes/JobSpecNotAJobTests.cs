using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW032: the job spec is not a batch/v1 Job.</summary>
public class JobSpecNotAJobTests
{
    [Fact]
    public Task Reported_at_the_kind_of_a_CronJob() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: {|#0:CronJob|}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
        """,
        Verify.Diagnostic(DiagnosticDescriptors.JobSpecNotAJob).WithLocation(0)
            .WithArguments("job_spec.yaml", "kind is 'CronJob': write 'kind: Job' (a CronJob or Pod is not a job spec)"));

    [Fact]
    public Task Reported_at_an_old_apiVersion() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: {|#0:batch/v1beta1|}
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
        """,
        Verify.Diagnostic(DiagnosticDescriptors.JobSpecNotAJob).WithLocation(0)
            .WithArguments("job_spec.yaml", "apiVersion is 'batch/v1beta1': write 'apiVersion: batch/v1'"));

    [Fact]
    public Task Reported_at_a_root_that_is_not_a_mapping() => VerifyKubernetes.JobSpecAsync("""
        {|#0:|}- apiVersion: batch/v1
          kind: Job
        """,
        Verify.Diagnostic(DiagnosticDescriptors.JobSpecNotAJob).WithLocation(0)
            .WithArguments("job_spec.yaml", "the file must hold one YAML mapping with apiVersion: batch/v1 and kind: Job"));

    [Fact]
    public Task Not_reported_for_a_batch_v1_Job() => VerifyKubernetes.JobSpecAsync(SeedSpecs.ResourceLimits);
}
