using System.Threading.Tasks;
using Flows.Cli;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.LocalJobs;

/// <summary>emptyDir volumes: one Docker volume of the run, shared by the containers that mount it (seed 002's example).</summary>
public sealed class SharedVolumeTests
{
    [DockerFact]
    public async Task The_secondary_writes_to_the_shared_emptyDir_and_the_primary_prints_it()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $"""
            containers:
            - name: primary
              image: {TestEngine.Image}
              command: ["/bin/sh", "-c"]
              args: ["while [ ! -s /data/message.txt ]; do sleep 0.1; done; cat /data/message.txt"]
              volumeMounts:
              - name: shared-data
                mountPath: /data
            - name: secondary
              image: {TestEngine.Image}
              command: ["/bin/sh"]
              args: ["-c", "echo hi sidecar world > /data/message.txt"]
              volumeMounts:
              - name: shared-data
                mountPath: /data
            volumes:
            - name: shared-data
              emptyDir:
                medium: Memory
            """);

        var result = await LocalJobCli.RunAsync(job);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["hi sidecar world"], result.OutputLines);
        Assert.Contains("The primary container 'primary' exited with code 0.", result.Error);
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }

    [DockerFact]
    public async Task A_subPath_mounts_a_folder_of_the_volume_and_readOnly_mounts_cannot_be_written()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $"""
            containers:
            - name: reader
              image: {TestEngine.Image}
              command: ["/bin/sh", "-c", "while [ ! -s /all/out/m.txt ]; do sleep 0.1; done; cat /all/out/m.txt; touch /all/x 2>/dev/null || echo read-only"]
              volumeMounts:
              - name: scratch
                mountPath: /all
                readOnly: true
            - name: writer
              image: {TestEngine.Image}
              command: ["/bin/sh", "-c", "echo written in $(SUB) > /out/m.txt"]
              env:
              - name: SUB
                value: out
              volumeMounts:
              - name: scratch
                mountPath: /out
                subPathExpr: $(SUB)
            volumes:
            - name: scratch
              emptyDir:
                medium: Memory
                sizeLimit: 8Mi
            """);

        var result = await LocalJobCli.RunAsync(job);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["written in out", "read-only"], result.OutputLines);
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }
}
