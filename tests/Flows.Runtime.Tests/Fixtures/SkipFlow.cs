namespace Flows.Runtime.Tests.Fixtures;

/// <summary>A task that skips itself, and downstream tasks bound to it by data, by order, and with AllFinished.</summary>
[Flow("skip")]
internal static partial class SkipFlow
{
    [FlowTask]
    public static int NothingToDo() => throw new SkipTaskException("nothing to do today");

    [FlowTask]
    public static int UsesValue([FromTask(nameof(NothingToDo))] int value) => value;

    [FlowTask]
    [DependsOn(nameof(NothingToDo))]
    public static void RunsAfter()
    {
    }

    [FlowTask(Trigger = TaskTrigger.AllFinished)]
    [DependsOn(nameof(NothingToDo))]
    public static int Finally() => 1;
}
