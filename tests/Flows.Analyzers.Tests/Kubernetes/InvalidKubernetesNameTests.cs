using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW039: a Job, container or namespace name the API server rejects.</summary>
public class InvalidKubernetesNameTests
{
    [Fact]
    public Task Reported_at_a_job_name_with_uppercase_letters() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {|#0:My_Job|}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidKubernetesName).WithLocation(0).WithArguments("job_spec.yaml",
            "metadata.name: Invalid value: \"My_Job\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));

    [Fact]
    public Task Reported_at_a_container_name_with_a_dot() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: {|#0:flow.container|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidKubernetesName).WithLocation(0).WithArguments("job_spec.yaml",
            "container name 'flow.container' must consist of lowercase letters, digits and '-', and start and end with a letter or digit"));

    // The check before the port said such a container had no name (FLOW034); the API server's decoder rejects its type.
    [Fact]
    public Task Reported_at_a_container_name_YAML_reads_as_a_number() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
              - name: {|#0:123|}
                image: busybox
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidKubernetesName).WithLocation(0).WithArguments("job_spec.yaml",
            "container name 123 is read as a number or boolean, not a string: quote it (name: \"123\")"));

    [Fact]
    public Task Reported_at_an_invalid_namespace_in_the_spec() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          namespace: {|#0:Data_Team|}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidKubernetesName).WithLocation(0).WithArguments("job_spec.yaml",
            "metadata.namespace: Invalid value: \"Data_Team\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"));

    [Fact]
    public Task Reported_on_the_attribute_for_an_invalid_Namespace() =>
        VerifyKubernetes.AnalyzerAsync(
            VerifyKubernetes.Flow("[{|#0:KubernetesJob(Namespace = \"Data Team\")|}]\n" + VerifyKubernetes.Storage),
            jobSpecYaml: null,
            Verify.Diagnostic(DiagnosticDescriptors.InvalidKubernetesName).WithLocation(0).WithArguments("(default job)",
                "Namespace 'Data Team' must consist of lowercase letters, digits and '-', and start and end with a letter or digit"));

    // The build's check once ended its pattern in '$', which also matches before a final newline; the API server's does not.
    [Fact]
    public Task Reported_on_the_attribute_for_a_Namespace_with_a_trailing_newline() =>
        VerifyKubernetes.AnalyzerAsync(
            VerifyKubernetes.Flow("[{|#0:KubernetesJob(Namespace = \"data-team\\n\")|}]\n" + VerifyKubernetes.Storage),
            jobSpecYaml: null,
            Verify.Diagnostic(DiagnosticDescriptors.InvalidKubernetesName).WithLocation(0).WithArguments("(default job)",
                "Namespace 'data-team\n' must consist of lowercase letters, digits and '-', and start and end with a letter or digit"));

    [Fact]
    public Task Not_reported_for_valid_names() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: nightly.import-2
          namespace: data-team
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
        """);
}
