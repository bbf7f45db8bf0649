using System.Collections.Generic;
using System.Linq;
using Docker.DotNet.Models;

namespace Flows.Docker;

/// <summary>A <see cref="ContainerSpec"/>, plus the run's labels and environment, as the Docker API's create request.</summary>
internal static class CreateContainerParametersMapping
{
    public static CreateContainerParameters From(ContainerSpec spec, TaskRunContext? context)
    {
        var labels = new Dictionary<string, string>(spec.Labels ?? new Dictionary<string, string>());
        var environment = new Dictionary<string, string>();
        if (context is not null)
        {
            labels[FlowsContainerLabels.FlowRunId] = context.FlowRunId;
            labels[FlowsContainerLabels.FlowName] = context.FlowName;
            labels[FlowsContainerLabels.TaskName] = context.TaskName;
            labels[FlowsContainerLabels.Cleanup] = FlowsContainerLabels.Format(spec.Cleanup);
            if (spec.PassFlowContext)
            {
                foreach (var (name, value) in context.Environment)
                {
                    environment[name] = value;
                }
            }
        }
        foreach (var (name, value) in spec.Environment ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var security = spec.Security;
        return new CreateContainerParameters
        {
            Image = spec.Image,
            Name = spec.Name,
            Cmd = spec.Command?.ToList()!,
            Entrypoint = spec.Entrypoint?.ToList()!,
            Env = environment.Select(pair => $"{pair.Key}={pair.Value}").ToList(),
            WorkingDir = spec.WorkingDirectory ?? "",
            User = security?.User ?? "",
            Labels = labels,
            Volumes = spec.Volumes?.ToDictionary(path => path, _ => default(EmptyStruct))!,
            HostConfig = new HostConfig
            {
                Binds = spec.Binds?.ToList()!,
                NetworkMode = spec.NetworkMode ?? "",
                ReadonlyRootfs = security?.ReadOnlyRootFilesystem ?? false,
                CapDrop = security?.CapabilitiesDropped.ToList()!,
                CapAdd = security?.CapabilitiesAdded.ToList()!,
                SecurityOpt = security is { NoNewPrivileges: true } ? ["no-new-privileges"] : null!,
                Tmpfs = security?.TmpfsPaths.ToDictionary(path => path, _ => "")!,
            },
        };
    }
}
