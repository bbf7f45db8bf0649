using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Docker.Storage;

/// <summary>
/// Publishes the flow application for the image: <c>dotnet publish &lt;project&gt; -c Release -r linux-x64
/// --self-contained -p:InvariantGlobalization=true -o &lt;folder&gt;</c>, with its own artifacts folder
/// (<c>obj/flows-image</c> of the project) so that it neither reads nor overwrites what a concurrent
/// <c>dotnet build</c> of the same projects writes, and stays incremental from one image build to the next.
/// </summary>
public static class FlowAppPublisher
{
    public const string RuntimeIdentifier = "linux-x64";

    /// <summary>The artifacts folder of the image's publish, relative to the project folder.</summary>
    public static readonly string ArtifactsFolder = Path.Combine("obj", "flows-image");

    /// <summary>The arguments of <c>dotnet</c> that publish <paramref name="projectFile"/> to <paramref name="outputFolder"/>.</summary>
    public static IReadOnlyList<string> Arguments(string projectFile, string outputFolder) =>
    [
        "publish", projectFile,
        "-c", "Release",
        "-r", RuntimeIdentifier,
        "--self-contained",
        "-p:InvariantGlobalization=true",
        // The image's content, and so its derived tag, must not depend on the folder the source is in:
        // no project path compiled in (the app in the image never builds itself), source paths in PDBs mapped to /_/.
        "-p:FlowsEmbedProjectPath=false",
        "-p:ContinuousIntegrationBuild=true",
        "-o", outputFolder,
        "--artifacts-path", ArtifactsPath(projectFile),
        "--nologo",
    ];

    /// <summary>Where the publish of <paramref name="projectFile"/> keeps its intermediate and output files.</summary>
    public static string ArtifactsPath(string projectFile) => Path.Combine(Path.GetDirectoryName(projectFile)!, ArtifactsFolder);

    /// <summary>Publishes, after any other publish of the same project (another process included) has finished.</summary>
    /// <exception cref="FlowImageBuildException">dotnet could not be started, or the publish failed (with its output).</exception>
    public static async Task PublishAsync(string projectFile, string outputFolder, TextWriter progress, CancellationToken cancellationToken)
    {
        using var folderLock = await PublishFolderLock.AcquireAsync(ArtifactsPath(projectFile), progress, cancellationToken).ConfigureAwait(false);
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(projectFile)!,
        };
        foreach (var argument in Arguments(projectFile, outputFolder))
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        progress.WriteLine($"publishing: {startInfo.FileName} {string.Join(' ', startInfo.ArgumentList.Select(Quote))}");

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        DataReceivedEventHandler collect = (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        try
        {
            process.Start();
        }
        catch (Exception cannotStart) when (cannotStart is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new FlowImageBuildException($"Cannot start '{startInfo.FileName}' to publish the application: {cannotStart.Message}. The build command needs the .NET SDK (dotnet on PATH).", cannotStart);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new FlowImageBuildException($"dotnet publish of {projectFile} failed (exit code {process.ExitCode}):\n{output.ToString().TrimEnd()}");
        }
    }

    /// <summary>The dotnet that runs this SDK command (DOTNET_HOST_PATH), the muxer running this app, else dotnet on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }
        return "dotnet";
    }

    private static string Quote(string argument) => argument.Any(char.IsWhiteSpace) ? "\"" + argument + "\"" : argument;
}
