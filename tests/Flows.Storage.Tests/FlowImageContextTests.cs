using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Flows.Docker.Storage;

namespace Flows.Storage.Tests;

/// <summary>The build context whose SHA-256 derives the tag: its bytes depend on the input's content only.</summary>
public sealed class FlowImageContextTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("flows-context-test-");

    private static DockerStorageDefinition Storage(params string[] environment) => new(
        RegistryUrl: "127.0.0.1:5000", ImageName: "flows/context-test", ImageTag: null, Image: "127.0.0.1:5000/flows/context-test",
        BaseImage: DockerStorageAttribute.DefaultBaseImage,
        EnvironmentVariables: environment.Select(entry => new KeyValuePair<string, string>(entry.Split('=')[0], entry[(entry.IndexOf('=') + 1)..])).ToList(),
        Files: [new("data/greeting.txt", "/etc/greeting.txt"), new("data", "/srv/data")],
        ProjectFile: null, AssemblyName: "ContextApp");

    [Fact]
    public void The_context_depends_on_contents_and_not_on_file_times_order_or_location()
    {
        var first = WriteInput("one", DateTime.UtcNow.AddDays(-3));
        var second = WriteInput("two", DateTime.UtcNow);
        var contextOne = Create(first, Storage("GREETING=hi"));
        var contextTwo = Create(second, Storage("GREETING=hi"));

        Assert.Equal(contextOne.Sha256, contextTwo.Sha256);
        Assert.Equal(File.ReadAllBytes(contextOne.TarFile), File.ReadAllBytes(contextTwo.TarFile));
        Assert.Matches("^sha-[0-9a-f]{12}$", contextOne.DerivedTag);

        File.AppendAllText(Path.Combine(second, "publish", "ContextApp.dll"), "!");
        Assert.NotEqual(contextOne.DerivedTag, Create(second, Storage("GREETING=hi")).DerivedTag);
        Assert.NotEqual(contextOne.DerivedTag, Create(first, Storage("GREETING=other")).DerivedTag);
        Assert.NotEqual(contextOne.DerivedTag, Create(first, Storage("GREETING=hi"), baseImageId: "sha256:another-base").DerivedTag);
    }

    [Fact]
    public void The_Dockerfile_copies_the_app_and_files_sets_the_environment_the_non_root_user_and_the_entrypoint()
    {
        var input = WriteInput("one", DateTime.UtcNow);

        var dockerfile = Create(input, Storage("GREETING=say \"hi\" to $HOME \\o/", "EMPTY=")).Dockerfile;

        Assert.Equal(
            """
            # Flows Docker storage: written by the entrypoint's 'build' command.
            # base image id: sha256:base
            FROM localhost:5000/flows/dotnet-deps:1
            COPY ["app/","/app/"]
            ENV GREETING="say \"hi\" to \$HOME \\o/"
            ENV EMPTY=""
            COPY ["files/0/greeting.txt","/etc/greeting.txt"]
            COPY ["files/1/","/srv/data"]
            WORKDIR /app
            USER 1654:1654
            ENTRYPOINT ["/app/ContextApp"]
            CMD ["run"]

            """.ReplaceLineEndings("\n"),
            dockerfile);
    }

    [Fact]
    public void A_missing_file_or_a_relative_destination_is_an_error_that_says_which()
    {
        var input = WriteInput("one", DateTime.UtcNow);
        var missing = Storage() with { Files = [new("data/nope.txt", "/etc/nope.txt")] };
        var relative = Storage() with { Files = [new("data/greeting.txt", "etc/greeting.txt")] };

        Assert.Contains("data/nope.txt:/etc/nope.txt", Assert.Throws<FlowImageBuildException>(() => Create(input, missing)).Message);
        Assert.Contains("must be an absolute path", Assert.Throws<FlowImageBuildException>(() => Create(input, relative)).Message);
    }

    private FlowImageContext Create(string input, DockerStorageDefinition storage, string baseImageId = "sha256:base") =>
        FlowImageContext.Create(storage, Path.Combine(input, "publish"), input, baseImageId, Path.Combine(_work.FullName, Guid.NewGuid().ToString("N") + ".tar"));

    /// <summary>A published app and a project folder with data files, written in a given order and with given times.</summary>
    private string WriteInput(string name, DateTime time)
    {
        var root = Path.Combine(_work.FullName, name);
        var files = new Dictionary<string, string>
        {
            ["publish/ContextApp"] = "apphost",
            ["publish/ContextApp.dll"] = "assembly",
            ["publish/runtimes/native/libx.so"] = "native",
            [$"publish/{new string('n', 120)}/longer-than-a-tar-header-holds.txt"] = "long path",
            ["data/greeting.txt"] = "hello",
            ["data/nested/more.txt"] = "more",
        };
        var order = name == "one" ? files.Keys.ToList() : files.Keys.Reverse().ToList();
        foreach (var path in order)
        {
            var file = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, files[path]);
            File.SetLastWriteTimeUtc(file, time);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(root, "publish/ContextApp"), (UnixFileMode)0b111_000_000);
        }
        return root;
    }

    public void Dispose() => _work.Delete(recursive: true);
}
