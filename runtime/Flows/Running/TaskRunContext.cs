using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace Flows;

/// <summary>
/// Handed to a task that declares a parameter of this type: who is running, which attempt, a logger
/// whose scope carries the flow run id and task name, and the run's cancellation.
/// </summary>
public sealed class TaskRunContext
{
    private Dictionary<string, string>? _environment;

    internal TaskRunContext(FlowRunContext flow, string taskName, int attempt, ILogger logger, CancellationToken cancellationToken)
    {
        Flow = flow;
        TaskName = taskName;
        Attempt = attempt;
        Logger = logger;
        CancellationToken = cancellationToken;
    }

    public FlowRunContext Flow { get; }

    public string FlowName => Flow.FlowName;

    public string FlowRunId => Flow.FlowRunId;

    public string TaskName { get; }

    /// <summary>1 for the first attempt, 2 for the first retry, and so on.</summary>
    public int Attempt { get; }

    public ILogger Logger { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The run's <c>FLOWS__CONTEXT__*</c> variables plus this task's name and attempt: pass them to a container or child process.</summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            if (_environment is null)
            {
                var environment = new Dictionary<string, string>(Flow.Environment);
                environment[FlowContextVariables.TaskName] = TaskName;
                environment[FlowContextVariables.TaskRunAttempt] = Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
                _environment = environment;
            }
            return _environment;
        }
    }
}
