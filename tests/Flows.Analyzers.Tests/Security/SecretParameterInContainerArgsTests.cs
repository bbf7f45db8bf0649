using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Analyzers.Tests.PodTaskDeclarations;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Security;

/// <summary>FLOW086: a secret flow parameter expanded into a container task's Command or Args, where the Pod shows it.</summary>
public class SecretParameterInContainerArgsTests
{
    [Fact]
    public Task Reported_at_Args() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Deploy")]
        public static partial class DeployFlow
        {
            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", Command = new[] { "deploy" }, {|#0:Args = new[] { "--token", "{apiToken}" }|})]
            public static partial void Deploy([FlowParameter("token", Secret = true)] string apiToken);
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.SecretParameterInContainerArgs).WithLocation(0)
            .WithArguments("Deploy", "token", "Args", "apiToken", "API_TOKEN"));

    [Fact]
    public Task Reported_at_Command_inside_a_longer_element() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Deploy")]
        public static partial class DeployFlow
        {
            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", {|#0:Command = new[] { "deploy", "--token={token}" }|})]
            public static partial void Deploy([FlowParameter(Secret = true)] string token);
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.SecretParameterInContainerArgs).WithLocation(0)
            .WithArguments("Deploy", "token", "Command", "token", "TOKEN"));

    [Fact]
    public Task Reported_when_another_task_makes_the_shared_parameter_secret() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Deploy")]
        public static partial class DeployFlow
        {
            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", Command = new[] { "deploy" }, {|#0:Args = new[] { "{token}" }|})]
            public static partial void Deploy([FlowParameter] string token);

            [FlowTask]
            public static void Check([FlowParameter(Secret = true)] string token) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.SecretParameterInContainerArgs).WithLocation(0)
            .WithArguments("Deploy", "token", "Args", "token", "TOKEN"));

    [Fact]
    public Task Not_reported_for_Environment_a_plain_parameter_or_doubled_braces() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Deploy")]
        public static partial class DeployFlow
        {
            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", Command = new[] { "deploy", "{{token}}" }, Args = new[] { "--region", "{region}" },
                Environment = new[] { "TOKEN={token}" })]
            public static partial void Deploy([FlowParameter(Secret = true)] string token, [FlowParameter] string region);
        }
        """);
}
