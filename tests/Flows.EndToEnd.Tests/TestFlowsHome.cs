using System.IO;

namespace Flows.EndToEnd.Tests;

/// <summary>FLOWS_HOME of every process the tests start (a test may give its own): a new folder per test run.</summary>
internal static class TestFlowsHome
{
    public static string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("flows-e2e-home-").FullName;
}
