using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW042: a resource quantity the API server does not parse, or a limit below its request.</summary>
public class InvalidResourceQuantityTests
{
    [Fact]
    public Task Reported_at_a_quantity_that_does_not_parse() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
                resources:
                  requests:
                    memory: {|#0:2 GB|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidResourceQuantity).WithLocation(0).WithArguments("job_spec.yaml",
            "container 'flow-container' requests memory: '2 GB' is not a Kubernetes quantity (e.g. 500m, 2, 512Mi, 4G)"));

    [Fact]
    public Task Reported_at_a_limit_below_its_request() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
                resources:
                  limits:
                    cpu: {|#0:500m|}
                  requests:
                    cpu: "1"
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidResourceQuantity).WithLocation(0).WithArguments("job_spec.yaml",
            "container 'flow-container' limits cpu to 500m, below its request of 1: the API server rejects the Job; raise the limit or lower the request"));

    // The check before the port compared the values only, so a request below the limit of a resource that must not be overcommitted got through.
    [Fact]
    public Task Reported_at_the_requests_of_an_extended_resource_that_differ_from_its_limit() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
                resources:
                  limits:
                    example.com/gpu: 2
                  requests:
                    {|#0:|}example.com/gpu: 1
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidResourceQuantity).WithLocation(0).WithArguments("job_spec.yaml",
            "spec.template.spec.containers[0].resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit"));

    [Fact]
    public Task Not_reported_for_the_suffixes_and_exponents_Kubernetes_accepts() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
                resources:
                  limits:
                    cpu: 2
                    memory: 4Gi
                    ephemeral-storage: 1E
                    example.com/huge: 99999999999E
                  requests:
                    cpu: 1500m
                    memory: 1e9
                    ephemeral-storage: 10G
        """);
}
