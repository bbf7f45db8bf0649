using System.Linq;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.LocalJobs;

/// <summary>
/// securityContext as the kubelet applies it, as far as Docker can: user and group, read-only root, no capabilities,
/// no privilege escalation, the seccomp profile, emptyDirs writable by any user, and runAsNonRoot checked against the
/// image's user, refused with the kubelet's own message.
/// </summary>
public sealed class SecurityContextTests
{
    private const string Status = "id -u; id -g; touch /root-file 2>/dev/null || echo read-only root; touch /tmp/file && echo writable tmp; "
        + "grep -E '^(NoNewPrivs|CapEff|Seccomp):' /proc/self/status";

    [DockerFact]
    public async Task The_restricted_settings_reach_the_container_and_its_emptyDir_is_writable()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $$$"""
            automountServiceAccountToken: false
            securityContext:
              seccompProfile: {type: RuntimeDefault}
            containers:
            - name: main
              image: {{{TestEngine.Image}}}
              command: ["/bin/sh", "-c", "{{{Status}}}"]
              securityContext:
                runAsNonRoot: true
                runAsUser: 1654
                runAsGroup: 1654
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities: {drop: [ALL]}
              volumeMounts:
              - {name: flows-tmp, mountPath: /tmp}
            volumes:
            - {name: flows-tmp, emptyDir: {}}
            """);

        var result = await LocalJobCli.RunAsync(job);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["1654", "1654", "read-only root", "writable tmp", "NoNewPrivs:\t1", "Seccomp:\t2"], result.OutputLines.Where(l => !l.StartsWith("CapEff")));
        Assert.Contains("CapEff:\t0000000000000000", result.OutputLines);
        Assert.DoesNotContain("not emulated", result.Error);
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }

    [DockerFact]
    public async Task Unconfined_seccomp_turns_the_profile_off()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $$$"""
            securityContext:
              seccompProfile: {type: Unconfined}
            containers:
            - name: main
              image: {{{TestEngine.Image}}}
              command: ["/bin/sh", "-c", "grep '^Seccomp:' /proc/self/status"]
            """);

        var result = await LocalJobCli.RunAsync(job);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["Seccomp:\t0"], result.OutputLines);
    }

    [DockerFact]
    public async Task Run_as_non_root_with_an_image_that_runs_as_root_is_refused_as_the_kubelet_refuses_it()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $$$"""
            containers:
            - name: main
              image: {{{TestEngine.Image}}}
              command: ["/bin/sh", "-c", "echo this must not run"]
              securityContext: {runAsNonRoot: true}
            """);

        var result = await LocalJobCli.RunAsync(job);

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        Assert.Contains("CreateContainerConfigError: container 'main': container has runAsNonRoot and image will run as root (pod: \"local-job-test-", result.Error);
        Assert.DoesNotContain("this must not run", result.Output);
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }
}
