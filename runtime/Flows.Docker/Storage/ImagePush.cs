using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Flows.Docker.Storage;

/// <summary>Pushes an image to its registry with the Engine API and returns the digest the registry gave it.</summary>
internal static class ImagePush
{
    /// <exception cref="FlowImageBuildException">The push failed (the registry refused or could not be reached).</exception>
    public static async Task<string> PushAsync(DockerEngine engine, string reference, RegistryCredentials? credentials, TextWriter progress, CancellationToken cancellationToken)
    {
        var parts = ImageReferenceParts.Parse(reference);
        var messages = new PushMessages();
        progress.WriteLine($"pushing {reference}");
        try
        {
            await engine.Client.Images.PushImageAsync(parts.Repository, new ImagePushParameters { Tag = parts.Tag },
                credentials?.ToAuthConfig() ?? new AuthConfig(), messages, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException refused)
        {
            throw new FlowImageBuildException($"Pushing {reference} failed: {refused.ResponseBody?.Trim()}", refused);
        }
        if (messages.Error is { } error)
        {
            throw new FlowImageBuildException($"Pushing {reference} failed: {error}");
        }
        return messages.Digest ?? throw new FlowImageBuildException($"Pushing {reference} ended without a digest from the registry.");
    }

    /// <summary>The first error of the push stream, and the digest from its closing aux message ({"Tag", "Digest", "Size"}).</summary>
    private sealed class PushMessages : IProgress<JSONMessage>
    {
        public string? Error { get; private set; }

        public string? Digest { get; private set; }

        public void Report(JSONMessage value)
        {
            if (value.Error?.Message is { Length: > 0 } error)
            {
                Error ??= error;
            }
            if (value.Aux?.ExtensionData is { } aux && aux.TryGetValue("Digest", out var digest))
            {
                Digest = digest switch
                {
                    JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
                    _ => digest?.ToString(),
                };
            }
        }
    }
}
