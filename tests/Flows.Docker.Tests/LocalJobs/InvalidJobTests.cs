using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;

namespace Flows.Docker.Tests.LocalJobs;

/// <summary>A Job that cannot run locally is refused before the engine is touched (no engine needed), with each problem at its field.</summary>
public sealed class InvalidJobTests
{
    private const string Image = "localhost:5000/busybox:1";

    [Theory]
    [InlineData("containers: []", "spec.template.spec.containers: a Job's pod needs at least one container; there is none.")]
    [InlineData($"containers:\n- name: main\n  image: {Image}\n  securityContext:\n    privileged: true",
        "spec.template.spec.containers[0] (main).securityContext.privileged: privileged containers are not run by run-job-locally")]
    [InlineData($"containers:\n- name: main\n  image: {Image}\n  env:\n  - name: PASSWORD\n    valueFrom:\n      secretKeyRef: {{name: db, key: password}}",
        "spec.template.spec.containers[0] (main).env[0] (PASSWORD).valueFrom.secretKeyRef: cannot be read: run-job-locally has no cluster to read Secrets from")]
    [InlineData($"containers:\n- name: main\n  image: {Image}\n  env:\n  - name: PORT\n    value: 8080",
        "spec.template.spec.containers[0] (main).env[0] (PORT).value: must be a string, not the number 8080 (YAML reads it unquoted as a number: quote it).")]
    [InlineData($"containers:\n- name: main\n  image: {Image}\n  volumeMounts:\n  - {{name: config, mountPath: /etc/app}}\nvolumes:\n- name: config\n  configMap: {{name: app}}",
        "mounts volume 'config', a configMap volume: run-job-locally emulates emptyDir and hostPath volumes only")]
    [InlineData($"containers:\n- name: main\n  image: \"\"", "spec.template.spec.containers[0] (main).image: is required")]
    [InlineData($"containers:\n- name: main\n  image: {Image}\n  resources:\n    limits: {{memory: lots}}", "spec.template.spec.containers[0] (main).resources.limits.memory: \"lots\" is not a Kubernetes quantity")]
    [InlineData($"containers:\n- name: main\n  image: {Image}\n  env:\n  - name: NODE_IP\n    valueFrom: {{fieldRef: {{fieldPath: status.hostIP}}}}",
        "env[0] (NODE_IP).valueFrom.fieldRef.fieldPath: 'status.hostIP' is not emulated by run-job-locally")]
    public async Task A_job_that_cannot_run_locally_is_a_usage_error_naming_the_field(string podSpec, string expected)
    {
        var result = await LocalJobCli.RunAsync(LocalJobCli.Job(LocalJobCli.NewIdentifier(), podSpec));

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("error: The Job from ", result.Error);
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("Running the pod", result.Error);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var result = await LocalJobCli.RunAsync(LocalJobCli.Job(LocalJobCli.NewIdentifier(),
            $"containers:\n- name: main\n  image: {Image}\n  securityContext: {{privileged: true}}\n- name: main\n  image: {Image}\n  workingDir: relative"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("securityContext.privileged", result.Error);
        Assert.Contains("workingDir: 'relative' must be an absolute path", result.Error);
        Assert.Contains("two containers are named 'main'", result.Error);
    }

    [Theory]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}", "kind: is 'Deployment'; expected Job (or Pod).")]
    [InlineData("kind: Job\nmetadata: {name: [unclosed", "not valid YAML at line")]
    [InlineData("just text", "no Job in it")]
    [InlineData("kind: Job\nkind: Job", "not valid YAML")]
    public async Task Not_a_job_is_a_usage_error(string yaml, string expected)
    {
        var result = await LocalJobCli.RunAsync(yaml);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var result = await LocalJobCli.InvokeAsync(CancellationToken.None, "run-job-locally", "--file", Path.Combine(Path.GetTempPath(), "no-such-job.yaml"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("error: cannot read the Job from ", result.Error);
    }

    [Fact]
    public async Task File_and_flow_together_are_a_usage_error()
    {
        var result = await LocalJobCli.InvokeAsync(CancellationToken.None, "run-job-locally", "--file", "job.yaml", "--flow", "Container lifecycle");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("with --file the Job is the file's", result.Error);
    }

    [Fact]
    public async Task Without_a_file_a_flow_without_a_Kubernetes_job_is_a_usage_error()
    {
        var result = await LocalJobCli.InvokeAsync(CancellationToken.None, "run-job-locally");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("error: flow 'Container lifecycle' has no Kubernetes job environment", result.Error);
        Assert.Contains("or give a Job with --file", result.Error);
    }

    [Fact]
    public async Task An_unknown_primary_container_is_a_usage_error()
    {
        var result = await LocalJobCli.RunAsync(LocalJobCli.Job(LocalJobCli.NewIdentifier(), $"containers:\n- name: main\n  image: {Image}"), "--primary-container", "flow");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("no container named 'flow' (--primary-container); the containers are 'main'.", result.Error);
    }
}
