using System.IO;
using Microsoft.Extensions.Logging;

namespace Flows;

/// <summary>What a pod runner registered with <c>FlowsCommandLineContext.AddPodTaskRunner</c> is made from, for one <c>run</c>.</summary>
/// <param name="Namespace">The <c>--namespace</c> of the run command, or null.</param>
/// <param name="KeepPods"><c>--keep-pods</c>: leave each task's Pod (or its local containers) after it ends, to inspect it, and say how to remove it.</param>
public sealed record PodTaskRunnerSettings(FlowDefinition Flow, string? Namespace, ILoggerFactory LoggerFactory, TextWriter Output, TextWriter Error, bool KeepPods = false);
