using System;
using System.CommandLine;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Docker.Storage;

namespace Flows.Docker.Cli;

/// <summary>
/// <c>build [--flow NAME] [--push] [--no-check]</c>: Docker storage. Publishes this application, builds the
/// flow's image on the Docker engine (on [DockerStorage]'s BaseImage), runs the health check in it, pushes it
/// when asked, and prints the image and the render/submit commands that use it. Progress goes to stderr;
/// stdout carries only the result lines. Exit codes: 0 built, 1 a step failed, 2 usage error.
/// </summary>
internal static class BuildCommand
{
    public static Command Create(FlowsCommandLineContext context)
    {
        var flowOption = FlowsCommandLineContext.CreateFlowOption();
        var pushOption = new Option<bool>("--push") { Description = "Push the image to its registry (RegistryUrl) after the health check, and print its digest." };
        var noCheckOption = new Option<bool>("--no-check") { Description = "Skip the health check ('/app/<AssemblyName> check' in a container of the new image)." };
        var build = new Command("build", "Publish this application and build the flow's Docker image ([DockerStorage]) on the Docker engine; check it, and push it with --push.")
        {
            flowOption, pushOption, noCheckOption,
        };
        build.SetAction(async (parseResult, cancellationToken) =>
        {
            var flow = context.SelectFlow(parseResult.GetValue(flowOption));
            if (flow is null)
            {
                return ExitCodes.UsageError;
            }
            if (flow.DockerStorage is not { } storage)
            {
                context.Error.WriteLine($"error: flow '{flow.Name}' has no Docker storage: add [DockerStorage(RegistryUrl = \"...\", ImageName = \"...\")] to {flow.TypeName}.");
                return ExitCodes.UsageError;
            }
            if (string.IsNullOrWhiteSpace(storage.ImageName))
            {
                context.Error.WriteLine($"error: [DockerStorage] of flow '{flow.Name}' has no ImageName: set it (e.g. ImageName = \"flows/my-flow\") on {flow.TypeName}.");
                return ExitCodes.UsageError;
            }
            var options = new FlowImageBuildOptions { Push = parseResult.GetValue(pushOption), Check = !parseResult.GetValue(noCheckOption) };
            FlowImage image;
            try
            {
                image = await new FlowImageBuilder(context.Error).BuildAsync(storage, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failed) when (failed is FlowImageBuildException or DockerDaemonUnreachableException)
            {
                context.Error.WriteLine("error: " + failed.Message);
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Error.WriteLine("build interrupted.");
                return ExitCodes.Cancelled;
            }
            BuildReport.Write(context.Output, flow, storage, image);
            return ExitCodes.Success;
        });
        return build;
    }
}
