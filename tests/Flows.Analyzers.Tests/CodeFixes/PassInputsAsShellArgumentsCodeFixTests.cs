using System.Threading.Tasks;
using Flows.Analyzers.CodeFixes;
using Flows.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.CodeFixes;

/// <summary>FLOW079's fix: a POSIX shell script reads its inputs as "$1", "$2"... passed as arguments after the script.</summary>
public class PassInputsAsShellArgumentsCodeFixTests
{
    /// <summary>A flow whose container task Echo has the inputs message and times and the attribute arguments <paramref name="arguments"/>.</summary>
    private static string Flow(string arguments) => Verify.Usings + $$"""
        [Flow("Echo")]
        public static partial class EchoFlow
        {
            [FlowTask]
            public static string Load() => "hi";

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", {{arguments}})]
            public static partial string Echo([FromTask(nameof(Load))] string message, [FlowParameter] int times = 1);
        }
        """;

    /// <summary>Applies the fix to the FLOW079 marked in <paramref name="arguments"/>; the fixed code must have no FLOW079 left.</summary>
    private static Task FixAsync(string arguments, string fixedArguments) =>
        new FlowsCodeFixTest<PassInputsAsShellArgumentsCodeFix>
        {
            // The container task is a body-less partial method that the generator implements; the generator is not run here.
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestCode = Flow(arguments),
            FixedCode = Flow(fixedArguments),
        }.RunAsync();

    [Fact]
    public Task One_placeholder_becomes_quoted_1_with_the_shell_name_as_0() => FixAsync(
        """Command = new[] { "sh", "-c", {|FLOW079:"echo {message} > /data/x"|} }""",
        """Command = new[] { "sh", "-c", "echo \"$1\" > /data/x", "sh", "{message}" }""");

    [Fact]
    public Task Two_placeholders_are_numbered_in_order_of_first_appearance() => FixAsync(
        """Command = new[] { "bash", "-c", {|FLOW079:"seq {times} | xargs -I% echo {message}"|} }""",
        """Command = new[] { "bash", "-c", "seq \"$1\" | xargs -I% echo \"$2\"", "bash", "{times}", "{message}" }""");

    [Fact]
    public Task A_repeated_placeholder_is_the_same_parameter() => FixAsync(
        """Command = new[] { "sh", "-c", {|FLOW079:"echo {message}; echo {message} >&2"|} }""",
        """Command = new[] { "sh", "-c", "echo \"$1\"; echo \"$1\" >&2", "sh", "{message}" }""");

    [Fact]
    public Task A_placeholder_inside_double_quotes_gets_no_quotes_of_its_own() => FixAsync(
        """Command = new[] { "sh", "-c", {|FLOW079:"echo \"hello {message}!\" {times}"|} }""",
        """Command = new[] { "sh", "-c", "echo \"hello $1!\" \"$2\"", "sh", "{message}", "{times}" }""");

    [Fact]
    public Task A_placeholder_inside_single_quotes_closes_and_reopens_them() => FixAsync(
        """Command = new[] { "sh", "-c", {|FLOW079:"echo 'got {message}'"|} }""",
        """Command = new[] { "sh", "-c", "echo 'got '\"$1\"''", "sh", "{message}" }""");

    [Fact]
    public Task A_placeholder_in_a_command_substitution_inside_double_quotes_is_quoted_again() => FixAsync(
        """Command = new[] { "sh", "-c", {|FLOW079:"echo \"size: $(wc -c < {message}) ({times})\" `echo {times}`"|} }""",
        """Command = new[] { "sh", "-c", "echo \"size: $(wc -c < \"$1\") ($2)\" `echo \"$2\"`", "sh", "{message}", "{times}" }""");

    [Fact]
    public Task The_script_in_Args_after_the_shell_in_Command_gets_its_arguments_in_Args() => FixAsync(
        """Command = new[] { "sh", "-c" }, Args = new[] { {|FLOW079:"echo {message}"|} }""",
        """Command = new[] { "sh", "-c" }, Args = new[] { "echo \"$1\"", "sh", "{message}" }""");

    [Fact]
    public Task The_script_in_Command_with_Args_gets_its_arguments_at_the_end_of_Args() => FixAsync(
        """Command = new[] { "sh", "-ec", {|FLOW079:"echo {message}"|} }, Args = new[] { "sh" }""",
        """Command = new[] { "sh", "-ec", "echo \"$1\"" }, Args = new[] { "sh", "{message}" }""");

    [Fact]
    public Task Arguments_already_after_the_script_keep_their_numbers() => FixAsync(
        """Command = new[] { "sh", "-c", {|FLOW079:"echo \"$1\" {message}"|}, "sh", "{times}" }""",
        """Command = new[] { "sh", "-c", "echo \"$1\" \"$2\"", "sh", "{times}", "{message}" }""");

    [Fact]
    public Task A_collection_expression_and_literal_braces_are_kept() => FixAsync(
        """Command = ["/bin/sh", "-c", {|FLOW079:"echo {message} | awk '{{print $1}}'"|}]""",
        """Command = ["/bin/sh", "-c", "echo \"$1\" | awk '{{print $1}}'", "sh", "{message}"]""");

    /// <summary>Two container tasks of <c>message</c>, each with the attribute arguments given.</summary>
    private static string TwoTasks(string first, string second) => Verify.Usings + $$"""
        [Flow("Echo")]
        public static partial class EchoFlow
        {
            [FlowTask]
            public static string Load() => "hi";

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", {{first}})]
            public static partial string Echo([FromTask(nameof(Load))] string message);

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", {{second}})]
            public static partial string Shout([FromTask(nameof(Load))] string message);
        }
        """;

    [Fact]
    public Task Fix_all_fixes_the_scripts_of_every_container_task_at_once()
    {
        // The test framework checks Fix All only when the fix has one.
        Assert.NotNull(new PassInputsAsShellArgumentsCodeFix().GetFixAllProvider());
        return new FlowsCodeFixTest<PassInputsAsShellArgumentsCodeFix>
        {
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestCode = TwoTasks(
                """Command = new[] { "sh", "-c", {|FLOW079:"echo {message}"|} }""",
                """Command = new[] { "bash", "-c", {|FLOW079:"echo {message}!"|} }"""),
            FixedCode = TwoTasks(
                """Command = new[] { "sh", "-c", "echo \"$1\"", "sh", "{message}" }""",
                """Command = new[] { "bash", "-c", "echo \"$1\"!", "bash", "{message}" }"""),
            // One Fix All over the document fixes both: no second pass.
            NumberOfFixAllIterations = 1,
        }.RunAsync();
    }

    [Theory]
    [InlineData("""Command = new[] { "pwsh", "-Command", {|FLOW079:"Write-Output {message}"|} }""")]
    [InlineData("""Command = new[] { "cmd", "/c", {|FLOW079:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "fish", "-c", {|FLOW079:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "csh", "-c", {|FLOW079:"echo {message}"|} }""")]
    // More arguments would change what these read.
    [InlineData("""Command = new[] { "sh", "-c", {|FLOW079:"echo {message} \"$@\""|}, "sh", "x" }""")]
    [InlineData("""Command = new[] { "sh", "-c", {|FLOW079:"echo {message} $#"|} }""")]
    [InlineData("""Command = new[] { "sh", "-c", {|FLOW079:"echo {message} \"$1\""|} }""")]
    public Task No_fix_where_the_script_cannot_read_positional_arguments_safely(string arguments) => FixAsync(arguments, arguments);

    [Theory]
    [InlineData("""Command = new[] { "sh", "-c", {|FLOW079:"echo {message}"|} }, Args = new string[0]""")]
    [InlineData("""Command = new[] { "sh", "-c", {|FLOW079:"echo {message}"|} }, Args = new string[] { }""")]
    public Task No_fix_when_Args_is_empty(string arguments) => FixAsync(arguments, arguments);
}
