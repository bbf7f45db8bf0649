using System;

namespace Flows;

/// <summary>The flow run id a run gets when none is given (<c>--flow-run-id</c>, FLOWS__CONTEXT__FLOW_RUN_ID).</summary>
public static class FlowRunIds
{
    /// <summary>A new flow run id: a GUID in its "D" form, as <c>cleanup --flow-run-id</c> takes it.</summary>
    public static string New() => Guid.NewGuid().ToString();
}
