using System;
using System.Text.RegularExpressions;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.Kubernetes;

namespace Flows.Generators.PodTasks;

/// <summary>The values written on [PodTask] or [ContainerTask]: reported at the argument they are in.</summary>
internal sealed partial class PodSpecChecker
{
    /// <summary>What the pod patch appends to the primary's env: PodTaskRunInfo.Environment, then a sidecar task's PodTaskVariables.</summary>
    internal static readonly string[] PodTaskAppendedEnvironment =
    {
        "FLOWS__CONTEXT__FLOW_RUN_ID", "FLOWS__CONTEXT__FLOW_NAME", "FLOWS__CONTEXT__NAMESPACE", "FLOWS__CONTEXT__IMAGE",
        "FLOWS__CONTEXT__IDENTIFIER", "FLOWS__CONTEXT__TASK_NAME", "FLOWS__CONTEXT__TASK_RUN_ATTEMPT", "FLOWS__CONTEXT__JOB_NAME",
        "FLOWS__TASK__INPUTS", "FLOWS__TASK__TERMINATION_MESSAGE_PATH",
    };

    // The API server's rule for env names (IsEnvVarName) before Kubernetes 1.32 relaxed it; the strict one works everywhere.
    private static readonly Regex EnvironmentName = new("^[-._a-zA-Z][-._a-zA-Z0-9]*$");
    private static readonly Regex Digest = new("^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$");

    private string AttributeName => _attribute.Kind == PodTaskModelKind.Container ? "[ContainerTask]" : "[PodTask]";

    private void CheckAttribute()
    {
        if (_attribute.Kind == PodTaskModelKind.Sidecar)
        {
            CheckPrimaryContainerName();
        }
        else
        {
            CheckContainerTaskImage();
        }
        CheckQuantities();
        CheckEnvironment();
        CheckAttributeSecurity();
    }

    private void CheckPrimaryContainerName()
    {
        var name = _attribute.PrimaryContainer;
        var problem = string.IsNullOrWhiteSpace(name) ? "is missing" : KubernetesNames.Dns1123LabelProblem(name!);
        if (problem is not null)
        {
            ReportOnAttribute(DiagnosticDescriptors.InvalidPrimaryContainerName, "PrimaryContainer", null, _attribute.TaskName, problem);
        }
    }

    private void CheckContainerTaskImage()
    {
        var image = (_attribute.Image ?? "").Trim();
        string? problem;
        var missingTag = false;
        if (image.Length == 0)
        {
            problem = "it is empty: write the image to run, e.g. \"busybox:1.36\"";
        }
        else if (image.IndexOf('@') is var at and >= 0)
        {
            problem = ImageReference.Problem(image.Substring(0, at), out _)
                ?? (Digest.IsMatch(image.Substring(at + 1)) ? null : $"the digest '{image.Substring(at + 1)}' must be algorithm:hex, e.g. sha256:<64 hex digits>");
        }
        else
        {
            problem = ImageReference.Problem(image, out missingTag);
        }
        if (problem is not null)
        {
            ReportOnAttribute(DiagnosticDescriptors.InvalidContainerTaskImage, "Image", null, _attribute.TaskName, _attribute.Image ?? "", problem);
        }
        else if (missingTag)
        {
            ReportOnAttribute(DiagnosticDescriptors.ContainerTaskImageWithoutTag, "Image", null, _attribute.TaskName, image);
        }
    }

    private void CheckQuantities()
    {
        var where = $"{AttributeName} on task '{_attribute.TaskName}'";
        var cpuRequest = Quantity("CpuRequest", _attribute.CpuRequest, where);
        var cpuLimit = Quantity("CpuLimit", _attribute.CpuLimit, where);
        var memoryRequest = Quantity("MemoryRequest", _attribute.MemoryRequest, where);
        var memoryLimit = Quantity("MemoryLimit", _attribute.MemoryLimit, where);
        if (cpuLimit < cpuRequest)
        {
            ReportOnAttribute(DiagnosticDescriptors.PodInvalidResourceQuantity, "CpuLimit", null, where,
                $"CpuLimit \"{_attribute.CpuLimit}\" is below CpuRequest \"{_attribute.CpuRequest}\": the API server rejects the Pod; raise the limit or lower the request");
        }
        if (memoryLimit < memoryRequest)
        {
            ReportOnAttribute(DiagnosticDescriptors.PodInvalidResourceQuantity, "MemoryLimit", null, where,
                $"MemoryLimit \"{_attribute.MemoryLimit}\" is below MemoryRequest \"{_attribute.MemoryRequest}\": the API server rejects the Pod; raise the limit or lower the request");
        }
    }

    /// <summary>The parsed value; null when not given, or when invalid (after reporting it).</summary>
    private decimal? Quantity(string argument, string? text, string where)
    {
        if (text is null)
        {
            return null;
        }
        if (KubernetesNames.ParseQuantity(text) is { } value)
        {
            return value;
        }
        ReportOnAttribute(DiagnosticDescriptors.PodInvalidResourceQuantity, argument, null, where,
            $"{argument} \"{text}\" is not a Kubernetes quantity (e.g. 500m or 2 for CPU, 512Mi or 4G for memory)");
        return null;
    }

    private void CheckEnvironment()
    {
        for (var i = 0; i < _attribute.Environment.Count; i++)
        {
            var entry = _attribute.Environment[i];
            var separator = entry.IndexOf('=');
            var name = separator < 0 ? entry : entry.Substring(0, separator);
            var problem = separator < 0 ? "has no '='"
                : name.Length == 0 ? "has no name before '='"
                : !EnvironmentName.IsMatch(name) ? $"has the name '{name}', which Kubernetes does not accept"
                : null;
            if (problem is not null)
            {
                ReportOnAttribute(DiagnosticDescriptors.InvalidTaskEnvironmentEntry, "Environment", i, entry, _attribute.TaskName, problem);
            }
            else if (Array.IndexOf(PodTaskAppendedEnvironment, name) >= 0)
            {
                ReportOnAttribute(DiagnosticDescriptors.TaskEnvironmentNameCollision, "Environment", i, name, _attribute.TaskName);
            }
        }
    }
}
