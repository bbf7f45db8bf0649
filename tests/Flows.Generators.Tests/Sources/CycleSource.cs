namespace Flows.Generators.Tests.Sources;

/// <summary>A flow whose tasks form a cycle (FLOW011), like samples/BrokenCycle.</summary>
internal static class CycleSource
{
    public const string Text = """
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
        """;
}
