using System.Linq;
using System.Threading.Tasks;
using Flows.Runtime.Tests.Fixtures;

namespace Flows.Runtime.Tests;

/// <summary>
/// Every trigger after two upstream tasks A and B, met and not met. Failure triggers that are not
/// needed end Skipped rather than TriggerFailed (the documented deviation from Prefect in TriggerDecision).
/// </summary>
public class TriggerTests
{
    private const TaskRunState Success = TaskRunState.Success;
    private const TaskRunState Skipped = TaskRunState.Skipped;
    private const TaskRunState TriggerFailed = TaskRunState.TriggerFailed;

    [Theory]
    //          a fails, b fails, AllSuccessful, AllFinished, AlwaysRun, AllFailed, AnySuccessful, AnyFailed, flow
    [InlineData(false, false, Success, Success, Success, Skipped, Success, Skipped, FlowRunState.Success)]
    [InlineData(true, false, TriggerFailed, Success, Success, Skipped, Success, Success, FlowRunState.Failed)]
    [InlineData(false, true, TriggerFailed, Success, Success, Skipped, Success, Success, FlowRunState.Failed)]
    [InlineData(true, true, TriggerFailed, Success, Success, Success, TriggerFailed, Success, FlowRunState.Failed)]
    public async Task Triggers_decide_from_the_final_states_of_the_upstream_tasks(
        bool aFails, bool bFails,
        TaskRunState allSuccessful, TaskRunState allFinished, TaskRunState alwaysRun, TaskRunState allFailed,
        TaskRunState anySuccessful, TaskRunState anyFailed, FlowRunState flow)
    {
        var result = await TriggerFlow.RunAsync(new FlowRunOptions
        {
            Parameters = FlowParameterValues.From(("a_fails", aFails ? "true" : "false"), ("b_fails", bFails ? "true" : "false")),
        });

        Assert.Equal(aFails ? TaskRunState.Failed : Success, result["A"].State);
        Assert.Equal(bFails ? TaskRunState.Failed : Success, result["B"].State);
        Assert.Equal(
            [allSuccessful, allFinished, alwaysRun, allFailed, anySuccessful, anyFailed],
            new[] { "OnAllSuccessful", "OnAllFinished", "OnAlwaysRun", "OnAllFailed", "OnAnySuccessful", "OnAnyFailed" }.Select(t => result[t].State));
        Assert.Equal(flow, result.State);
    }

    [Fact]
    public async Task A_trigger_that_is_not_met_says_why()
    {
        var result = await TriggerFlow.RunAsync(new FlowRunOptions { Parameters = FlowParameterValues.From(("a_fails", "true")) });

        Assert.Equal("trigger AllSuccessful not met: upstream 'A' ended Failed", result["OnAllSuccessful"].Message);
        Assert.Equal("trigger AllFailed not needed: not every upstream task failed", result["OnAllFailed"].Message);
        Assert.Equal(0, result["OnAllSuccessful"].Attempts);
    }

    [Fact]
    public void AlwaysRun_is_AllFinished()
    {
        Assert.Equal(TaskTrigger.AllFinished, TriggerFlow.Definition.GetTask("OnAlwaysRun").Trigger);
        Assert.Equal(TaskTrigger.AnyFailed, TriggerFlow.Definition.GetTask("OnAnyFailed").Trigger);
    }
}
