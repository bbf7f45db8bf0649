using System.CommandLine;
using Flows.Cli;

namespace Flows.Runs.PostgreSql;

/// <summary>Makes <c>run --store</c> and <c>runs --store</c> (and <c>FLOWS__STORE</c>) take a PostgreSQL connection string.</summary>
public sealed class PostgreSqlCommandLineExtension : IFlowsCommandLineExtension
{
    public void AddCommands(RootCommand root, FlowsCommandLineContext context) =>
        context.AddRunStore(connectionString => new PostgreSqlRunStore(connectionString));
}
