using System;
using System.Collections;
using System.Collections.Generic;

namespace Flows;

/// <summary>
/// The run context as environment-style configuration. A run reads every <c>FLOWS__CONTEXT__*</c>
/// variable of its process at start (so a run inside a container picks up what the Job set) and
/// hands them, with its own values, to every task through <see cref="TaskRunContext.Environment"/>.
/// </summary>
public static class FlowContextVariables
{
    public const string Prefix = "FLOWS__CONTEXT__";
    public const string FlowName = Prefix + "FLOW_NAME";
    public const string FlowRunId = Prefix + "FLOW_RUN_ID";
    public const string TaskName = Prefix + "TASK_NAME";
    public const string TaskRunAttempt = Prefix + "TASK_RUN_ATTEMPT";
    public const string Namespace = Prefix + "NAMESPACE";
    public const string Image = Prefix + "IMAGE";
    public const string Identifier = Prefix + "IDENTIFIER";
    public const string JobName = Prefix + "JOB_NAME";

    /// <summary>Every <c>FLOWS__CONTEXT__*</c> variable of this process.</summary>
    public static Dictionary<string, string> ReadFromProcess()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && key.StartsWith(Prefix, StringComparison.Ordinal) && entry.Value is string value)
            {
                values[key] = value;
            }
        }
        return values;
    }
}
