using System.Threading.Tasks;
using Flows.Runtime.Tests.Fixtures;

namespace Flows.Runtime.Tests;

public class SkipTests
{
    [Fact]
    public async Task SkipTaskException_ends_the_task_Skipped_and_skips_what_needs_it()
    {
        var result = await SkipFlow.RunAsync();

        var skipped = result["NothingToDo"];
        Assert.Equal(TaskRunState.Skipped, skipped.State);
        Assert.Equal("nothing to do today", skipped.Message);
        Assert.Null(skipped.Error);
        Assert.Equal(1, skipped.Attempts);
        Assert.Equal(TaskRunState.Skipped, result["UsesValue"].State);
        Assert.Equal(TaskRunState.Skipped, result["RunsAfter"].State);
        Assert.Equal(TaskRunState.Success, result["Finally"].State);
        Assert.Equal(FlowRunState.Success, result.State);
    }
}
