namespace Flows.Generators.Tests.Sources;

/// <summary>A flow in a project without nullable reference types: a string parameter defaulting to null, a result that may be null.</summary>
internal static class NullableDisabledSource
{
    public const string Text = """
        #nullable disable
        using System.Threading.Tasks;
        using Flows;

        namespace Samples.Legacy;

        [Flow("legacy")]
        internal static partial class LegacyFlow
        {
            [FlowTask]
            public static string Label([FlowParameter("label")] string label = null) => label;

            [FlowTask]
            public static Task<object> Box([FromTask(nameof(Label))] string label) => Task.FromResult<object>(label);

            [FlowTask]
            public static void Use([FromTask(nameof(Box))] object value, [FromTask(nameof(Label))] string label) { }
        }
        """;
}
