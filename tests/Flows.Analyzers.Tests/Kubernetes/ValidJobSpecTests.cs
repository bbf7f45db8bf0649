using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>Job specs that are fine: the seeds' and the default Job.</summary>
public class ValidJobSpecTests
{
    [Fact]
    public Task The_seed_001_job_spec_has_no_diagnostics() =>
        VerifyKubernetes.JobSpecAsync(SeedSpecs.ResourceLimits);

    [Fact]
    public Task A_default_job_has_no_diagnostics() =>
        VerifyKubernetes.AnalyzerAsync(VerifyKubernetes.Flow("[KubernetesJob]\n" + VerifyKubernetes.Storage), jobSpecYaml: null);

    [Fact]
    public Task The_seed_000_job_spec_only_warns_about_the_privileged_dind_sidecar_that_never_exits() =>
        VerifyKubernetes.JobSpecAsync(
            SeedSpecs.DockerSidecar
                .Replace("privileged: true", "privileged: {|#0:true|}")
                .Replace("- name: dind-daemon", "- name: {|#1:dind-daemon|}"),
            Verify.Diagnostic(DiagnosticDescriptors.InsecurePodSetting).WithLocation(0)
                .WithArguments("job_spec.yaml", "container 'dind-daemon' is privileged (securityContext.privileged: true): it has every capability and the node's devices", "privileged"),
            Verify.Diagnostic(DiagnosticDescriptors.SidecarNeverExits).WithLocation(1)
                .WithArguments("job_spec.yaml", "dind-daemon", "image 'docker:stable-dind' runs a server"));

    [Fact]
    public Task A_flow_without_KubernetesJob_is_not_checked() =>
        VerifyKubernetes.AnalyzerAsync(VerifyKubernetes.Flow(attributes: ""), "not: [a job");

    [Fact]
    public Task A_job_spec_in_a_subfolder_is_found_relative_to_the_project_folder() =>
        Verify.AnalyzerAsync<KubernetesJobAnalyzer>(
            [VerifyKubernetes.Flow("[KubernetesJob(\"k8s/job.yaml\")]\n" + VerifyKubernetes.Storage)],
            [
                ("k8s/job.yaml", SeedSpecs.ResourceLimits),
                ("other/job.yaml", "kind: CronJob"), // same file name, not the one named
            ],
            []);
}
