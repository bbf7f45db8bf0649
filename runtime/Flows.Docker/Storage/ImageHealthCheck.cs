using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace Flows.Docker.Storage;

/// <summary>
/// The health check of a new flow image: runs <c>/app/&lt;AssemblyName&gt; check</c> (the image's
/// entrypoint with the argument <c>check</c>) in a container with no network, locked down as Flows' pods run it
/// (<see cref="ContainerSecurity.Restricted"/>: the image's non-root user, a read-only root with a writable /tmp, no
/// capabilities), and fails the build with the container's output when it cannot start or exits non-zero. It proves
/// that the entrypoint starts on the base image (its loader and libraries are there) under those settings and that
/// every flow and its job spec load.
/// </summary>
internal static class ImageHealthCheck
{
    public const string Command = "check";

    /// <exception cref="FlowImageBuildException">The container could not start or exited non-zero.</exception>
    public static async Task<string> RunAsync(DockerEngine engine, string image, DockerStorageDefinition storage, TextWriter progress, CancellationToken cancellationToken)
    {
        var entrypoint = "/app/" + storage.AssemblyName;
        progress.WriteLine($"health check: {entrypoint} {Command} in a container of {image} (--network none, --user {FlowDockerfile.User}, --read-only, --cap-drop ALL)");
        ContainerRun run;
        try
        {
            run = await engine.RunContainerAsync(new ContainerSpec(image) { Command = [Command], NetworkMode = "none", Security = ContainerSecurity.Restricted(FlowDockerfile.User) }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException cannotStart)
        {
            var reason = cannotStart.ResponseBody?.Trim() ?? cannotStart.Message;
            throw new FlowImageBuildException(Failure(image, entrypoint, storage, "could not start: " + reason, reason), cannotStart);
        }
        var output = run.Logs.ToString().TrimEnd();
        if (run.ExitCode != 0)
        {
            throw new FlowImageBuildException(Failure(image, entrypoint, storage, $"exited with code {run.ExitCode}", output) + "\n--- container output\n" + output);
        }
        foreach (var line in output.Split('\n'))
        {
            progress.WriteLine("  " + line);
        }
        return output;
    }

    private static string Failure(string image, string entrypoint, DockerStorageDefinition storage, string what, string output)
    {
        var message = $"The health check of {image} failed: '{entrypoint} {Command}' {what}. " +
            $"The image is kept in the engine, not pushed (look inside: docker run --rm -it --entrypoint /bin/sh {image}).";
        if (output.Contains("no such file or directory", StringComparison.OrdinalIgnoreCase) || output.Contains("exec format error", StringComparison.OrdinalIgnoreCase))
        {
            message += $" The entrypoint could not start at all: the base image {storage.BaseImage} lacks the loader or the libraries that a self-contained " +
                $".NET app needs (glibc, libstdc++, libssl). Use the default base, {DockerStorageAttribute.DefaultBaseImage} (scripts/setup-docker.sh makes it), or one that has them.";
        }
        return message;
    }
}
