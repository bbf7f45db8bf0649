using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Security;

/// <summary>FLOW083: an env variable named like a secret (*TOKEN*, *PASSWORD*, *SECRET*, *KEY*) with a literal value, in a spec or on an attribute.</summary>
public class SecretLookingLiteralEnvironmentTests
{
    private const string SecretKeyRefFix = "write valueFrom.secretKeyRef (the Secret's name and key) instead of value";

    [Fact]
    public Task Reported_at_the_literal_values_of_a_job_spec_and_not_for_secretKeyRef_empty_values_or_other_names() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
              - name: setup
                image: busybox:1.36
                env:
                - name: db_password
                  value: {|#0:hunter2|}
              containers:
              - name: flow-container
                env:
                - name: API_TOKEN
                  value: {|#1:"abc123"|}
                - name: AwsSecretAccessKey
                  value: {|#2:wJalrXUtnFEMI|}
                - name: GITHUB_TOKEN
                  valueFrom:
                    secretKeyRef:
                      name: github
                      key: token
                - name: EMPTY_SECRET
                  value: ""
                - name: LOG_LEVEL
                  value: debug
        """,
        Verify.Diagnostic(DiagnosticDescriptors.SecretLookingLiteralEnvironment).WithLocation(0)
            .WithArguments("Job spec 'job_spec.yaml': container 'setup'", "db_password", "Job and its pods", SecretKeyRefFix),
        Verify.Diagnostic(DiagnosticDescriptors.SecretLookingLiteralEnvironment).WithLocation(1)
            .WithArguments("Job spec 'job_spec.yaml': container 'flow-container'", "API_TOKEN", "Job and its pods", SecretKeyRefFix),
        Verify.Diagnostic(DiagnosticDescriptors.SecretLookingLiteralEnvironment).WithLocation(2)
            .WithArguments("Job spec 'job_spec.yaml': container 'flow-container'", "AwsSecretAccessKey", "Job and its pods", SecretKeyRefFix));

    [Fact]
    public Task Reported_in_a_pod_spec_but_not_for_the_primary_whose_env_comes_from_the_attribute() => VerifyPodTasks.PodSpecAsync("""
        containers:
        - name: primary
        - name: proxy
          image: busybox:1.36
          env:
          - name: PROXY_KEY
            value: {|#0:k-123|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.SecretLookingLiteralEnvironment).WithLocation(0)
            .WithArguments("Pod spec 'pod_spec.yaml': container 'proxy'", "PROXY_KEY", "Pod", SecretKeyRefFix));

    [Fact]
    public Task Reported_at_the_Environment_entry_of_an_attribute() => VerifyPodTasks.AnalyzerAsync(VerifyPodTasks.ContainerFlow(
        """[ContainerTask("busybox:1.36", Environment = new[] { "MODE=batch", {|#0:"SERVICE_API_KEY=abc"|}, "TOKEN_FILE_EMPTY=" })]"""), null,
        Verify.Diagnostic(DiagnosticDescriptors.SecretLookingLiteralEnvironment).WithLocation(0)
            .WithArguments("[ContainerTask] on task 'Greet'", "SERVICE_API_KEY", "Pod",
                "load it with envFrom.secretRef on the container 'task' of the task's pod spec (an Environment entry is always a literal)"));

    /// <summary>A container task's env placeholder travels in the pod's Secret, as FLOW086 advises for a secret parameter; a sidecar task's is not expanded.</summary>
    [Fact]
    public Task Not_reported_for_a_container_task_placeholder_but_for_a_pod_task_entry_that_looks_like_one() => VerifyPodTasks.AnalyzerAsync("""
        [Flow("Greeting")]
        [DockerStorage(RegistryUrl = "localhost:5000", ImageName = "flows/greeting", ImageTag = "1")]
        public static partial class GreetingFlow
        {
            [FlowTask]
            [ContainerTask("busybox:1.36", Environment = new[] { "API_TOKEN={name}" })]
            public static string Greet([FlowParameter(Secret = true)] string name) => name;

            [FlowTask]
            [PodTask("pod_spec.yaml", "primary", Environment = new[] { {|#0:"API_TOKEN={name}"|} })]
            public static void Wait() { }
        }
        """, "containers:\n- name: primary\n",
        Verify.Diagnostic(DiagnosticDescriptors.SecretLookingLiteralEnvironment).WithLocation(0)
            .WithArguments("[PodTask] on task 'Wait'", "API_TOKEN", "Pod",
                "load it with envFrom.secretRef on the container 'primary' of the task's pod spec (an Environment entry is always a literal)"));
}
