namespace Flows.Generators.Tests.Sources;

/// <summary>Flow parameters (string, int, enum, double, bool, required, shared, secret) on a flow nested in partial classes in a nested namespace.</summary>
internal static class ParametersSource
{
    public const string Text = """
        using Flows;

        namespace Company.Deployments.Nightly
        {
            public enum Environment { Development, Staging, Production }

            internal partial class Outer
            {
                public partial class Inner
                {
                    [Flow("deploy", Description = "Deploys a \"service\"")]
                    internal static partial class DeployFlow
                    {
                        [FlowTask]
                        public static string Build(
                            [FlowParameter("service", Description = "The service to build")] string service,
                            [FlowParameter("replicas")] int replicas = 2,
                            [FlowParameter] Environment environment = Environment.Staging,
                            [FlowParameter("ratio")] double ratio = 0.5,
                            [FlowParameter("dry_run")] bool dryRun = false,
                            [FlowParameter("label")] string? label = null) =>
                            $"{service}:{replicas}:{environment}:{ratio}:{dryRun}:{label}";

                        [FlowTask]
                        public static void Deploy([FromTask(nameof(Build))] string artifact, [FlowParameter("replicas")] int replicas = 2,
                            [FlowParameter("api_token", Secret = true)] string apiToken = "")
                        {
                        }
                    }
                }
            }
        }
        """;
}
