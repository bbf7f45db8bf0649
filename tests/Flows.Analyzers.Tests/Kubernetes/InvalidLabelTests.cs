using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW038: a label key or value the API server rejects.</summary>
public class InvalidLabelTests
{
    [Fact]
    public Task Reported_at_a_key_with_a_space() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          labels:
            {|#0:team name|}: data
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidLabel).WithLocation(0).WithArguments("job_spec.yaml",
            "metadata.labels: label key 'team name' must be at most 63 letters, digits, '-', '_' or '.' (after an optional 'prefix/'), starting and ending with a letter or digit"));

    [Fact]
    public Task Reported_at_a_value_that_reads_as_a_number() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            metadata:
              labels:
                version: {|#0:2|}
            spec:
              restartPolicy: Never
              containers:
              - name: flow
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidLabel).WithLocation(0).WithArguments("job_spec.yaml",
            "spec.template.metadata.labels: the value of label 'version' must be a string: quote it, e.g. \"2\""));

    [Fact]
    public Task Reported_at_a_value_with_a_slash() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          labels:
            owner: {|#0:data/etl|}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidLabel).WithLocation(0).WithArguments("job_spec.yaml",
            "metadata.labels: the value 'data/etl' of label 'owner' must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or empty)"));

    [Fact]
    public Task Not_reported_for_prefixed_keys_quoted_or_str_tagged_numbers_and_empty_values() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          labels:
            app.kubernetes.io/name: hello
            version: "2"
            build: !!str 1042
            identifier: ""
            flow_run_id:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
        """);
}
