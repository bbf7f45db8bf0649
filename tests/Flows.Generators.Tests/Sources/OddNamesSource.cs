namespace Flows.Generators.Tests.Sources;

/// <summary>A flow name and texts with quotes, backslashes, markup and line breaks, which must survive in literals and doc comments.</summary>
internal static class OddNamesSource
{
    public const string Text = """
        using Flows;

        namespace Samples.Odd;

        [Flow("first line\nsecond <b>line</b> & \"quoted\" \\ back\u2028slash", Description = "multi\r\nline */ text")]
        internal static partial class OddFlow
        {
            [FlowTask]
            public static string Run([FlowParameter("odd \"name\"", Description = "a\nb")] string value = "x\ny") => value;
        }
        """;
}
