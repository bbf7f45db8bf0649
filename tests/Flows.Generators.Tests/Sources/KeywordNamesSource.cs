namespace Flows.Generators.Tests.Sources;

/// <summary>
/// Flows, tasks, parameters, types and members named with escaped keywords (<c>@class</c>) and contextual keywords
/// (<c>@record</c>), which the generated code must write with their <c>@</c>.
/// </summary>
internal static class KeywordNamesSource
{
    public const string Text = """
        using System.Threading;
        using System.Threading.Tasks;
        using Flows;

        namespace Samples.@namespace.@record;

        public enum @enum { @default, @class }

        public static partial class @params
        {
            [Flow("Keyword names")]
            public static partial class @static
            {
                [FlowTask]
                public static int @class([FlowParameter] int @event = 2, [FlowParameter] @enum @enum = @enum.@class) => @event * 10 + (int)@enum;

                [FlowTask]
                public static Task<int> @return([FromTask(nameof(@class))] int @in, TaskRunContext @base, CancellationToken @checked) =>
                    Task.FromResult(@in + @base.Attempt + (@checked.IsCancellationRequested ? 100 : 0));

                [FlowTask]
                [DependsOn(nameof(@class))]
                public static async ValueTask<string> @record([FromTask(nameof(@return))] int @var, CancellationToken @operator)
                {
                    await Task.Yield();
                    return "r" + @var;
                }

                [FlowTask]
                public static void @required([FromTask(nameof(@record))] string @value, [FlowParameter("string")] string @string = "s") { }
            }
        }
        """;

    public const string PodSpecPath = "/project/pod_spec.yaml";

    public const string PodSpec = """
        containers:
          - name: primary
        """;

    public const string PodTaskText = """
        using System.Text.Json.Serialization;
        using Flows;

        namespace Samples.@event;

        public sealed record @record(string @class, int @event)
        {
            public string? @default { get; set; }

            public required int @required { get; init; }

            [JsonPropertyName("renamed")]
            public @in @params { get; set; } = new();
        }

        public sealed class @in
        {
            public long @long { get; set; }
        }

        [Flow("Keyword pod tasks")]
        [DockerStorage(RegistryUrl = "localhost:5000", ImageName = "flows/keywords", ImageTag = "1")]
        public static partial class @fixed
        {
            [FlowTask]
            public static @record @new() => new @record("c", 1) { @default = "d", @required = 3, @params = new @in { @long = 4 } };

            [FlowTask]
            [PodTask("pod_spec.yaml", "primary")]
            public static @record @this([FromTask(nameof(@new))] @record @object, [FlowParameter] string @string = "s") =>
                @object with { @default = @object.@default + @string, @event = @object.@event + 1 };

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", Command = new[] { "echo" }, Args = new[] { "{char}" })]
            public static partial string @lock([FlowParameter] string @char = "x");

            [FlowTask]
            public static string @void([FromTask(nameof(@this))] @record @object, [FromTask(nameof(@lock))] string @out) =>
                $"{@object.@class} {@object.@event} {@object.@default} {@object.@required} {@object.@params.@long} {@out}";
        }
        """;
}
