using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Analyzers.Tests.PodTaskDeclarations;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.ShellScripts;

/// <summary>FLOW079: a container task's input placeholder inside the script a shell runs, reported at that Command or Args element.</summary>
public class PlaceholderInShellScriptTests
{
    /// <summary>A flow whose container task Echo has the inputs message and times and the attribute arguments <paramref name="arguments"/>.</summary>
    private static string Flow(string arguments) => $$"""
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

    /// <summary>FLOW079 at markup 0, whatever its message.</summary>
    private static DiagnosticResult Flagged => new DiagnosticResult(DiagnosticDescriptors.PlaceholderInShellScript.Id, DiagnosticSeverity.Error).WithLocation(0);

    [Fact]
    public Task The_issues_example_with_its_message() => PodTaskDeclarationVerify.AnalyzerAsync(
        Flow("""Command = new[] { "sh", "-c", {|#0:"echo {message} > /data/x"|} }"""),
        Verify.Diagnostic(DiagnosticDescriptors.PlaceholderInShellScript).WithLocation(0).WithArguments("Echo", "'{message}'", "sh -c", "Command[2]",
            "pass it as its own argument after the script and write \"$1\" in the script (for example: \"sh\", \"-c\", \"echo \\\"$1\\\"\", \"sh\", \"{message}\"; " +
            "the first argument after the script is $0), or set Environment = new[] { \"MESSAGE={message}\" } and write \"$MESSAGE\" in the script"));

    [Fact]
    public Task The_script_in_Args_after_a_shell_in_Command_names_every_placeholder_once() => PodTaskDeclarationVerify.AnalyzerAsync(
        Flow("""Command = new[] { "sh", "-c" }, Args = new[] { {|#0:"echo \"{message}\" {times} {message} | busybox tr a-z A-Z"|} }"""),
        Verify.Diagnostic(DiagnosticDescriptors.PlaceholderInShellScript).WithLocation(0)
            .WithArguments("Echo", "'{message}' and '{times}'", "sh -c", "Args[0]",
                "pass it as its own argument after the script and write \"$1\" in the script (for example: \"sh\", \"-c\", \"echo \\\"$1\\\"\", \"sh\", \"{message}\"; " +
                "the first argument after the script is $0), or set Environment = new[] { \"MESSAGE={message}\" } and write \"$MESSAGE\" in the script"));

    [Theory]
    [InlineData("""Command = new[] { "bash", "-c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "ash", "-c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "dash", "-c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "zsh", "-c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "/bin/sh", "-c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "/usr/bin/env", "bash", "-c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "env", "-i", "PATH=/bin", "sh", "-c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "busybox", "sh", "-c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "/bin/busybox", "ash", "-c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "sh", "-ec", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "sh", "-e", "-o", "pipefail", "-c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "bash", "-c", "-e", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "bash", "--norc", "-c", "--", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "sh", "-c", {|#0:"{message}"|} }""")]
    [InlineData("""Args = new[] { "sh", "-c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "timeout", "10", "sh", "-c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "sh", "-c", {|#0:"echo '{message}'"|}, "sh", "{times}" }""")]
    [InlineData("""Command = new[] { "fish", "-c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = ["sh", "-c", {|#0:"echo {message}"|}]""")]
    public Task Reported_for_a_posix_shell_however_it_is_reached(string arguments) => PodTaskDeclarationVerify.AnalyzerAsync(Flow(arguments),
        Flagged);

    [Theory]
    [InlineData("""Command = new[] { "pwsh", "-Command", {|#0:"Write-Output {message}"|} }""")]
    [InlineData("""Command = new[] { "pwsh", "-c", {|#0:"Write-Output {message}"|} }""")]
    [InlineData("""Command = new[] { "pwsh", "-NoProfile", "-ExecutionPolicy", "Bypass", "-command", {|#0:"Write-Output {message}"|} }""")]
    [InlineData("""Command = new[] { "pwsh", "-Command", "Write-Output", {|#0:"{message}"|} }""")]
    [InlineData("""Command = new[] { "pwsh", "-CommandWithArgs", {|#0:"Write-Output {message}"|}, "{times}" }""")]
    [InlineData("""Command = new[] { "powershell.exe", "-NoProfile", {|#0:"Write-Output {message}"|} }""")]
    [InlineData("""Command = new[] { "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\PowerShell.exe", "/Command", {|#0:"echo {message}"|} }""")]
    public Task Reported_for_PowerShell(string arguments) => PodTaskDeclarationVerify.AnalyzerAsync(Flow(arguments),
        Flagged);

    [Theory]
    [InlineData("""Command = new[] { "cmd", "/c", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "cmd.exe", "/S", "/C", {|#0:"echo {message}"|} }""")]
    [InlineData("""Command = new[] { "CMD", "/k", "echo", {|#0:"{message}"|} }""")]
    [InlineData("""Command = new[] { "cmd", {|#0:"/cecho {message}"|} }""")]
    public Task Reported_for_cmd(string arguments) => PodTaskDeclarationVerify.AnalyzerAsync(Flow(arguments),
        Flagged);

    [Fact]
    public Task Cmd_is_told_to_run_the_program_directly() => PodTaskDeclarationVerify.AnalyzerAsync(
        Flow("""Command = new[] { "cmd", "/c" }, Args = new[] { {|#0:"type {message}"|} }"""),
        Verify.Diagnostic(DiagnosticDescriptors.PlaceholderInShellScript).WithLocation(0).WithArguments("Echo", "'{message}'", "cmd /c", "Args[0]",
            "cmd parses an expanded variable as commands too, so there is no safe way to give it an input: run the program without cmd /c and give '{message}' as an element of its own"));

    [Fact]
    public Task PowerShell_is_told_to_use_an_environment_variable() => PodTaskDeclarationVerify.AnalyzerAsync(
        Flow("""Command = new[] { "pwsh", "-Command", {|#0:"Write-Output {message}"|} }"""),
        Verify.Diagnostic(DiagnosticDescriptors.PlaceholderInShellScript).WithLocation(0).WithArguments("Echo", "'{message}'", "pwsh -Command", "Command[2]",
            "set Environment = new[] { \"MESSAGE={message}\" } and write $env:MESSAGE in the script"));

    [Theory]
    // Exec form: each element is one argv element, whatever it holds.
    [InlineData("""Command = new[] { "echo", "{message}" }""")]
    [InlineData("""Command = new[] { "busybox", "echo", "prefix-{message}-{times}" }""")]
    // The input after the script: $1, $2 ... of the shell.
    [InlineData("""Command = new[] { "sh", "-c", "echo \"$1\" > /data/x", "sh", "{message}" }""")]
    [InlineData("""Command = new[] { "sh", "-c" }, Args = new[] { "echo \"$1\" \"$2\"", "sh", "{message}", "{times}" }""")]
    [InlineData("""Command = new[] { "pwsh", "-CommandWithArgs", "Write-Output $args[0]", "{message}" }""")]
    // The input in the environment.
    [InlineData("""Command = new[] { "sh", "-c", "echo \"$MESSAGE\"" }, Environment = new[] { "MESSAGE={message}" }""")]
    // Literal braces, and a script without placeholders.
    [InlineData("""Command = new[] { "sh", "-c", "echo {{message}} && awk '{{print $1}}'" }""")]
    [InlineData("""Command = new[] { "sh", "-c", "echo hello" }""")]
    // A shell running a script file, or PowerShell's -File, takes its arguments as values.
    [InlineData("""Command = new[] { "sh", "/scripts/run.sh", "{message}" }""")]
    [InlineData("""Command = new[] { "pwsh", "-File", "/scripts/run.ps1", "{message}" }""")]
    [InlineData("""Command = new[] { "pwsh", "{message}" }""")]
    [InlineData("""Command = new[] { "cmd", "/q" }, Args = new[] { "{message}" }""")]
    // A word that is not a shell, even one close to it.
    [InlineData("""Command = new[] { "shout", "-c", "{message}" }""")]
    [InlineData("""Command = new[] { "SH", "-c", "{message}" }""")]
    public Task Not_reported_where_a_placeholder_stays_one_value(string arguments) => PodTaskDeclarationVerify.AnalyzerAsync(Flow(arguments));

    [Fact]
    public Task A_placeholder_that_names_no_input_is_FLOW054s_alone() => PodTaskDeclarationVerify.AnalyzerAsync(
        Flow("""Command = new[] { "sh", "-c" }, {|#0:Args = new[] { "echo ${HOME}" }|}"""),
        Verify.Diagnostic(DiagnosticDescriptors.UnknownContainerTaskPlaceholder).WithLocation(0).WithArguments("Echo", "HOME", "Args", "message, times"));
}
