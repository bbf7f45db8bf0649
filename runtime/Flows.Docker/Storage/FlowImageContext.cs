using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace Flows.Docker.Storage;

/// <summary>
/// The build context of a flow image, as one deterministic tar file (<see cref="DeterministicTar"/>):
/// <c>Dockerfile</c>, the published application under <c>app/</c> and each of
/// <see cref="DockerStorageDefinition.Files"/> under <c>files/&lt;n&gt;/</c>. Its SHA-256 names the input,
/// and the tag derived from it (<see cref="DerivedTag"/>) is the same for the same input.
/// </summary>
public sealed class FlowImageContext
{
    /// <summary>How many hex digits of the context's SHA-256 a derived tag keeps.</summary>
    public const int DerivedTagHexDigits = 12;

    private FlowImageContext(string tarFile, string sha256, string dockerfile)
    {
        TarFile = tarFile;
        Sha256 = sha256;
        Dockerfile = dockerfile;
    }

    /// <summary>The context as a tar file, to send to the engine.</summary>
    public string TarFile { get; }

    /// <summary>The lowercase hex SHA-256 of <see cref="TarFile"/>'s bytes.</summary>
    public string Sha256 { get; }

    public string Dockerfile { get; }

    /// <summary><c>sha-</c> and the first 12 hex digits of <see cref="Sha256"/>: a valid tag that changes whenever the context does.</summary>
    public string DerivedTag => "sha-" + Sha256.Substring(0, DerivedTagHexDigits);

    /// <summary>Writes the context of <paramref name="storage"/>'s image to <paramref name="tarFile"/>.</summary>
    /// <param name="publishFolder">The published application (what goes to /app).</param>
    /// <param name="projectFolder">The folder <see cref="DockerStorageDefinition.Files"/> sources are relative to.</param>
    /// <param name="baseImageId">The base image's id, when known: part of the context, so a changed base changes the tag.</param>
    /// <exception cref="FlowImageBuildException">A Files source is missing, or an entry cannot go in a Dockerfile.</exception>
    public static FlowImageContext Create(DockerStorageDefinition storage, string publishFolder, string projectFolder, string? baseImageId, string tarFile)
    {
        var entries = new List<TarContextEntry>();
        entries.AddRange(FolderEntries(publishFolder, FlowDockerfile.AppFolder));
        var copies = new List<KeyValuePair<string, string>>();
        for (var index = 0; index < storage.Files.Count; index++)
        {
            var (source, destination) = storage.Files[index];
            if (!destination.StartsWith('/'))
            {
                throw new FlowImageBuildException($"[DockerStorage] Files entry '{source}:{destination}': the destination must be an absolute path in the image.");
            }
            var path = Path.GetFullPath(Path.Combine(projectFolder, source));
            var folder = $"{FlowDockerfile.FilesFolder}/{index}";
            if (Directory.Exists(path))
            {
                entries.AddRange(FolderEntries(path, folder));
                copies.Add(new(folder + "/", destination));
            }
            else if (File.Exists(path))
            {
                var name = $"{folder}/{Path.GetFileName(path)}";
                entries.Add(TarContextEntry.FromFile(name, path));
                copies.Add(new(name, destination));
            }
            else
            {
                throw new FlowImageBuildException($"[DockerStorage] Files entry '{source}:{destination}': {path} does not exist (sources are relative to the project folder {projectFolder}).");
            }
        }
        foreach (var (name, _) in storage.EnvironmentVariables)
        {
            if (FlowDockerfile.EnvironmentVariableNameProblem(name) is { } problem)
            {
                throw new FlowImageBuildException("[DockerStorage] EnvironmentVariables: " + problem + ".");
            }
        }
        string dockerfile;
        try
        {
            dockerfile = FlowDockerfile.Create(storage, baseImageId, copies);
        }
        catch (ArgumentException invalid)
        {
            throw new FlowImageBuildException("[DockerStorage] EnvironmentVariables: " + invalid.Message, invalid);
        }
        entries.Add(TarContextEntry.FromText("Dockerfile", dockerfile));

        using (var output = new FileStream(tarFile, FileMode.Create, FileAccess.Write))
        {
            DeterministicTar.Write(output, entries);
        }
        using var written = File.OpenRead(tarFile);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(written));
        return new FlowImageContext(tarFile, sha256, dockerfile);
    }

    private static IEnumerable<TarContextEntry> FolderEntries(string folder, string prefix) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => TarContextEntry.FromFile(prefix + "/" + Path.GetRelativePath(folder, file).Replace('\\', '/'), file))
            .ToList();
}
