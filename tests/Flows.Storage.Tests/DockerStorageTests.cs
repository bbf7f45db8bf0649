using System.Linq;
using System.Threading.Tasks;
using Flows.Docker.Tests.Support;
using Flows.Storage.Tests.Support;

namespace Flows.Storage.Tests;

/// <summary>
/// The fixture application builds, checks and pushes its image with its own 'build' command, on the local
/// base image; the image is removed locally, pulled back from 127.0.0.1:5000, and run with exactly the
/// command, args and env of the Job that 'render --image' prints, as the kubelet would run it.
/// </summary>
[Trait("Category", "Docker")]
[Collection(PushedImageCollection.Name)]
public sealed class DockerStorageTests(PushedImageFixture fixture)
{
    [DockerFact]
    public async Task The_pushed_image_runs_the_flow_with_the_rendered_command_args_and_env()
    {
        var build = fixture.ImageBuild;
        var image = PushedImageFixture.Line(build, "image");
        Assert.Matches(@"^127\.0\.0\.1:5000/flows/storage-test:sha-[0-9a-f]{12}$", image);
        Assert.Equal("passed", PushedImageFixture.Line(build, "check"));
        Assert.Equal(image, PushedImageFixture.Line(build, "pushed"));
        var digest = PushedImageFixture.Line(build, "digest");
        Assert.Matches(@"^sha256:[0-9a-f]{64} \(127\.0\.0\.1:5000/flows/storage-test@sha256:[0-9a-f]{64}\)$", digest);
        var digestReference = digest[(digest.IndexOf('(') + 1)..^1];

        await DockerCli.RunAsync("rmi", image);
        Assert.NotEqual(0, (await DockerCli.RunAsync("image", "inspect", image)).ExitCode);
        var pull = await DockerCli.RunAsync("pull", image);
        Assert.True(pull.ExitCode == 0, pull.ToString());

        // The hints 'build' printed, to paste as they are: this entrypoint as typed from the current directory (the test runs
        // the built app from the repository's root, as 'dotnet run --project' would), and the pushed image by its digest.
        var renderHint = PushedImageFixture.Line(build, "render");
        const string Entrypoint = "dotnet run --project tests/Flows.Storage.Tests/Fixtures/StorageApp --";
        Assert.Equal($"{Entrypoint} render --flow {StorageApp.Succeeds} --image {digestReference}", renderHint);
        Assert.Equal($"{Entrypoint} submit --flow {StorageApp.Succeeds} --image {digestReference}", PushedImageFixture.Line(build, "submit"));
        Assert.Equal($"docker run --rm {digestReference} run --flow {StorageApp.Succeeds}", PushedImageFixture.Line(build, "run"));
        var render = await StorageApp.RunAsync([.. renderHint[(Entrypoint.Length + 1)..].Split(' '), "--flow-run-id", "storage-test-run"]);
        Assert.True(render.ExitCode == 0, render.ToString());
        var container = RenderedContainer.Parse(render.Output);
        Assert.Equal(digestReference, container.Image);
        Assert.Equal(["/app/StorageApp"], container.Command);
        Assert.Equal(["run", "--flow", StorageApp.Succeeds], container.Args);
        Assert.Contains(container.Env, variable => variable.Key == "FLOWS__CONTEXT__FLOW_RUN_ID" && variable.Value == "storage-test-run");
        // The image runs as its non-root user with a read-only root, a /tmp emptyDir and no capabilities, as the Job says.
        Assert.Equal("1654:1654", container.User);
        Assert.True(container.ReadOnlyRootFilesystem);
        Assert.Equal(["ALL"], container.CapabilitiesDropped);
        Assert.True(container.NoPrivilegeEscalation);
        Assert.Equal(["/tmp"], container.EmptyDirMounts);
        var user = await DockerCli.RunAsync("image", "inspect", "--format", "{{.Config.User}}", image);
        Assert.Equal("1654:1654", user.Output.Trim());

        var run = await DockerCli.RunAsync(container.DockerRunArguments());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(StorageApp.ExpectedLine, run.Output);
        Assert.Matches(@"PrintGreeting\s+Success", run.Output);
        Assert.Contains("run storage-test-run: Success", run.Output);
    }

    [DockerFact]
    public async Task A_failing_flow_exits_1_in_the_image()
    {
        var image = PushedImageFixture.Line(fixture.ImageBuild, "image");
        var pull = await DockerCli.RunAsync("pull", image);
        Assert.True(pull.ExitCode == 0, pull.ToString());
        var render = await StorageApp.RunAsync("render", "--flow", StorageApp.Fails, "--image", image);
        Assert.True(render.ExitCode == 0, render.ToString());

        var run = await DockerCli.RunAsync(RenderedContainer.Parse(render.Output).DockerRunArguments());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("this task fails on purpose", run.All);
        Assert.Matches(@"Fail\s+Failed", run.Output);
    }

    [DockerFact]
    public async Task The_same_input_gives_the_same_tag_and_a_changed_input_another()
    {
        var first = PushedImageFixture.Line(fixture.ImageBuild, "image");

        var again = await StorageApp.RunAsync("build", "--flow", StorageApp.Succeeds, "--no-check");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(first, PushedImageFixture.Line(again, "image"));
        Assert.Equal("skipped (--no-check)", PushedImageFixture.Line(again, "check"));

        var changed = await StorageApp.RunAsync("build", "--flow", StorageApp.ChangedInput, "--no-check");
        Assert.True(changed.ExitCode == 0, changed.ToString());
        var changedImage = PushedImageFixture.Line(changed, "image");
        Assert.StartsWith("127.0.0.1:5000/flows/storage-test:sha-", changedImage);
        Assert.NotEqual(first, changedImage);
        var environment = await DockerCli.RunAsync("image", "inspect", "--format", "{{json .Config.Env}}", changedImage);
        Assert.Contains("\"GREETING=changed\"", environment.Output);
    }

    [DockerFact]
    public async Task A_failing_health_check_fails_the_build_with_the_container_output()
    {
        _ = fixture.ImageBuild; // the application is built

        var build = await StorageApp.RunAsync("build", "--flow", StorageApp.BrokenBase);

        Assert.True(build.ExitCode == 1, build.ToString());
        Assert.Contains("error: The health check of 127.0.0.1:5000/flows/storage-test-broken:sha-", build.Error);
        Assert.Contains("'/app/StorageApp check' exited with code 1", build.Error);
        Assert.Contains("lacks the loader or the libraries", build.Error);
        Assert.Contains("--- container output", build.Error);
        Assert.Contains("no such file or directory", build.Error);
        Assert.DoesNotContain("image:", build.Output);
    }
}
