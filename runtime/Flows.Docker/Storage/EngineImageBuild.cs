using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Flows.Docker.Storage;

/// <summary>
/// Builds an image from a <see cref="FlowImageContext"/> with the Engine API (<c>POST /build</c>, the
/// classic builder): no pull of the base (it is in the engine already), intermediate containers removed.
/// </summary>
internal static class EngineImageBuild
{
    /// <summary>Builds and tags the image; returns its id.</summary>
    /// <exception cref="FlowImageBuildException">The engine refused the build or a step failed, with the build's output.</exception>
    public static async Task<string> BuildAsync(DockerEngine engine, FlowImageContext context, string reference, TextWriter progress, CancellationToken cancellationToken)
    {
        var parameters = new ImageBuildParameters
        {
            Tags = new List<string> { reference },
            Dockerfile = "Dockerfile",
            Remove = true,
            ForceRemove = true,
        };
        var messages = new BuildMessages(progress);
        try
        {
            await using var tar = File.OpenRead(context.TarFile);
            await engine.Client.Images.BuildImageFromDockerfileAsync(parameters, tar, null, null, messages, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException refused)
        {
            throw new FlowImageBuildException($"The Docker engine at {engine.Endpoint} refused to build {reference}: {refused.ResponseBody?.Trim()}\n{messages.Output}".TrimEnd(), refused);
        }
        if (messages.Error is { } error)
        {
            throw new FlowImageBuildException($"Building {reference} failed: {error}\n--- build output\n{messages.Output}".TrimEnd());
        }
        try
        {
            return (await engine.Client.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false)).ID;
        }
        catch (DockerImageNotFoundException missing)
        {
            throw new FlowImageBuildException($"The Docker engine reported no error, but has no image {reference} after the build:\n{messages.Output}".TrimEnd(), missing);
        }
    }

    /// <summary>The build's output lines (passed on as they come) and its first error.</summary>
    private sealed class BuildMessages(TextWriter progress) : IProgress<JSONMessage>
    {
        private readonly StringBuilder _output = new();

        public string? Error { get; private set; }

        public string Output => _output.ToString();

        public void Report(JSONMessage value)
        {
            if (value.Error?.Message is { Length: > 0 } error)
            {
                Error ??= error;
                return;
            }
            var text = value.Stream ?? value.Status;
            if (string.IsNullOrEmpty(text))
            {
                return;
            }
            _output.Append(text);
            foreach (var line in text.Split('\n').Where(line => line.Trim().Length > 0))
            {
                progress.WriteLine("  " + line.TrimEnd());
            }
        }
    }
}
