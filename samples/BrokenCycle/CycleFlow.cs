using Flows;

namespace Samples.BrokenCycle;

[Flow("Broken cycle")]
public static partial class CycleFlow
{
    [FlowTask]
    [DependsOn(nameof(Publish))]
    public static int Extract() => 1;

    [FlowTask]
    public static int Transform([FromTask(nameof(Extract))] int value) => value + 1;

    [FlowTask]
    public static void Publish([FromTask(nameof(Transform))] int value) { }
}
