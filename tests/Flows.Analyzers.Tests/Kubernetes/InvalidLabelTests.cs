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
            "metadata.labels: Invalid value: \"team name\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"));

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
        Verify.Diagnostic(DiagnosticDescriptors.SpecRejectedByApiServer).WithLocation(0).WithArguments("Job spec 'job_spec.yaml'",
            "spec.template.metadata.labels[version]: must be a string, not a number (2): quote it (\"2\")", "Job"));

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
            "metadata.labels: Invalid value: \"data/etl\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"));

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
