using System.Collections.Generic;

namespace Flows;

/// <summary>What every task of one flow run shares.</summary>
public sealed class FlowRunContext
{
    internal FlowRunContext(string flowName, string flowRunId, IReadOnlyDictionary<string, string> environment)
    {
        FlowName = flowName;
        FlowRunId = flowRunId;
        Environment = environment;
    }

    public string FlowName { get; }

    public string FlowRunId { get; }

    /// <summary>The <c>FLOWS__CONTEXT__*</c> configuration of the run.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }
}
