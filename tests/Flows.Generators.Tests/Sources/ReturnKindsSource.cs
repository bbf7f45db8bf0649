namespace Flows.Generators.Tests.Sources;

/// <summary>Every task return shape: T, void, Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt;, with a record result and an int to long conversion.</summary>
internal static class ReturnKindsSource
{
    public const string Text = """
        using System.Threading;
        using System.Threading.Tasks;
        using Flows;

        namespace Samples.Returns;

        public sealed record Artifact(string Name, long Size);

        [Flow("return kinds")]
        internal partial class ReturnKindsFlow
        {
            [FlowTask]
            public static int Plain() => 1;

            [FlowTask]
            public static void Nothing([FromTask(nameof(Plain))] long widened) { }

            [FlowTask]
            public static Task AsyncNothing(CancellationToken cancellationToken) => Task.CompletedTask;

            [FlowTask]
            public static async Task<Artifact> AsyncValue([FromTask(nameof(Plain))] int size)
            {
                await Task.Yield();
                return new Artifact("a", size);
            }

            [FlowTask]
            [DependsOn(nameof(AsyncNothing), nameof(Nothing))]
            public static ValueTask ValueNothing(TaskRunContext context) => default;

            [FlowTask]
            public static ValueTask<string?> ValueValue([FromTask(nameof(AsyncValue))] Artifact artifact) => new(artifact.Name);
        }
        """;
}
