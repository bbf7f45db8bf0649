using System;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Docker.LocalJobs.Manifests;
using Flows.Docker.LocalJobs.Pods;
using Flows.Docker.LocalJobs.Running;
using Flows.Manifests;
using Flows.Yaml;

namespace Flows.Docker.Cli;

/// <summary>
/// <c>run-job-locally [--file JOB.yaml|-] [--flow NAME] [--flow-run-id ID] [--namespace NS] [--image REF] [--primary-container NAME] [--docker-url URL] [--infra-image REF] [--keep] [--grace-period S] [--all-logs]</c>: runs the
/// pod of the flow's Kubernetes Job (as <c>render</c> prints it) on a Docker engine, as a kubelet would, and exits with
/// the primary container's result. See docs/docker.md, "Running a Job's pod locally".
/// </summary>
internal static class RunJobLocallyCommand
{
    public static Command Create(FlowsCommandLineContext context)
    {
        var fileOption = new Option<string?>("--file") { Description = "A Job as YAML or JSON (the output of 'render'); '-' reads it from stdin. Default: render the flow's Job for this run." };
        var start = new JobCommandStart("The flow run id to render the Job for (without --file); default: a new id.",
            "The namespace to render the Job for (without --file); what the pod sees as metadata.namespace.");
        var primaryOption = new Option<string?>("--primary-container") { Description = "The flow container, whose output is streamed and whose exit code is the result; default: the flow's (without --file), else the first container." };
        var dockerUrlOption = new Option<string?>("--docker-url") { Description = "The Docker engine: unix:///var/run/docker.sock or tcp://host:port; default: DOCKER_HOST, else the local socket." };
        var infraImageOption = new Option<string>("--infra-image")
        {
            Description = "The image of the infra container that holds the pod's network: it runs 'sleep' unless it has an ENTRYPOINT (a pause image).",
            DefaultValueFactory = _ => LocalJobOptions.DefaultInfraImage,
        };
        var keepOption = new Option<bool>("--keep") { Description = "Keep the pod's containers and volumes at the end (they are stopped) instead of removing them; also on Ctrl+C." };
        var graceOption = new Option<int?>("--grace-period") { Description = "Seconds the other containers get to stop after the primary ends; default: the pod's terminationGracePeriodSeconds, else 2." };
        var allLogsOption = new Option<bool>("--all-logs") { Description = "Also stream the other containers' output to stderr, each line prefixed with [container]." };
        var command = new Command("run-job-locally", "Run the pod of the flow's Kubernetes Job on the local Docker engine, as a kubelet would: stream the primary container's output and exit with its result.")
        {
            fileOption,
        };
        start.AddOptionsTo(command, primaryOption, dockerUrlOption, infraImageOption, keepOption, graceOption, allLogsOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var primary = parseResult.GetValue(primaryOption);
            var file = parseResult.GetValue(fileOption);
            (JsonObject Job, string Source)? job;
            if (file is null)
            {
                job = Render(context, start.Read(context, parseResult), ref primary);
            }
            else if (start.AnyGiven(parseResult))
            {
                context.Error.WriteLine("error: --flow, --flow-run-id, --namespace and --image render the flow's Job; with --file the Job is the file's, as it is.");
                return ExitCodes.UsageError;
            }
            else
            {
                try
                {
                    job = await ReadAsync(context, file, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    context.Error.WriteLine($"Interrupted (Ctrl+C or SIGTERM) while reading the Job from {file}: nothing was started.");
                    return ExitCodes.Cancelled;
                }
            }
            if (job is not { } manifest)
            {
                return ExitCodes.UsageError;
            }

            LocalPod pod;
            try
            {
                pod = PodSpecReader.Read(manifest.Job, manifest.Source, primary);
            }
            catch (InvalidLocalJobException invalid)
            {
                context.Error.WriteLine("error: " + invalid.Message);
                return ExitCodes.UsageError;
            }
            var grace = parseResult.GetValue(graceOption);
            if (grace is < 0)
            {
                context.Error.WriteLine("error: --grace-period must be 0 or more seconds.");
                return ExitCodes.UsageError;
            }
            var options = new LocalJobOptions
            {
                InfraImage = parseResult.GetValue(infraImageOption) ?? LocalJobOptions.DefaultInfraImage,
                Keep = parseResult.GetValue(keepOption),
                GracePeriod = grace is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                AllLogs = parseResult.GetValue(allLogsOption),
            };
            return await RunAsync(context, pod, options, parseResult.GetValue(dockerUrlOption), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The selected flow's Job for this run, and where it came from; null after writing why there is none.</summary>
    private static (JsonObject, string)? Render(FlowsCommandLineContext context, JobCommandRun? selected, ref string? primary)
    {
        if (selected?.JobTemplate(context, ", or give a Job with --file") is not { } template)
        {
            return null;
        }
        try
        {
            var run = selected.CreateRun(template);
            primary ??= template.PrimaryContainerName;
            return (template.CreateJob(run), $"flow '{selected.Flow.Name}' (run {run.FlowRunId})");
        }
        catch (ArgumentException invalid)
        {
            JobCommandStart.InvalidRun(context, invalid);
            return null;
        }
    }

    private static async Task<(JsonObject, string)?> ReadAsync(FlowsCommandLineContext context, string file, CancellationToken cancellationToken)
    {
        var source = file == "-" ? "stdin" : file;
        try
        {
            // Never more than the loader's size limit in memory, whatever the file or stdin holds.
            var text = file == "-"
                ? await BoundedYamlText.ReadStandardInputAsync(YamlLimits.Default, cancellationToken).ConfigureAwait(false)
                : await BoundedYamlText.ReadFileAsync(file, YamlLimits.Default, cancellationToken).ConfigureAwait(false);
            return (JobYamlReader.Read(text, source, cancellationToken), source);
        }
        catch (YamlLimitException overLimit)
        {
            // Too long, too deep or an alias bomb: one line at the character, bracket or alias at fault.
            context.Error.WriteLine($"error: the Job from {source} is not loaded: {source}:{overLimit.Start.Line}:{overLimit.Start.Column}: {overLimit.Problem}");
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: cannot read the Job from {source}: {unreadable.Message}");
        }
        catch (InvalidLocalJobException invalid)
        {
            context.Error.WriteLine("error: " + invalid.Message);
        }
        return null;
    }

    private static async Task<int> RunAsync(FlowsCommandLineContext context, LocalPod pod, LocalJobOptions options, string? dockerUrl, CancellationToken cancellationToken)
    {
        LocalJobOutcome outcome;
        try
        {
            using var docker = await DockerEngine.ConnectAsync(new DockerConnectionOptions { Url = dockerUrl }, cancellationToken).ConfigureAwait(false);
            outcome = await new LocalPodRunner(docker, pod, options, new LocalJobConsole(context.Output, context.Error)).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = new LocalJobOutcome(LocalJobResult.Cancelled, Message: "interrupted (Ctrl+C or SIGTERM)");
        }
        catch (DockerDaemonUnreachableException unreachable)
        {
            context.Error.WriteLine("error: " + unreachable.Message);
            return ExitCodes.Failed;
        }
        catch (Exception failed) when (failed is global::Docker.DotNet.DockerApiException or System.Net.Http.HttpRequestException or IOException)
        {
            context.Error.WriteLine("error: the Docker engine failed: " + failed.Message);
            return ExitCodes.Failed;
        }
        switch (outcome.Result)
        {
            case LocalJobResult.Succeeded:
                return ExitCodes.Success;
            case LocalJobResult.Cancelled:
                context.Error.WriteLine($"Interrupted (Ctrl+C or SIGTERM): the pod was stopped{(options.Keep ? " and kept (--keep)" : " and removed")}.");
                return ExitCodes.Cancelled;
            case LocalJobResult.AlreadyExists:
                context.Error.WriteLine("error: " + outcome.Message);
                return ExitCodes.UsageError;
            default:
                context.Error.WriteLine($"error: the run failed: {outcome.Message?.TrimEnd('.')}.");
                return ExitCodes.Failed;
        }
    }
}
