using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace Flows.Runtime.Tests.Support;

/// <summary>
/// FLOWS_HOME of this test process: a new folder, set before any test runs, so that 'run' without --store keeps its runs
/// there and never in the real ~/.flows.
/// </summary>
internal static class TestFlowsHome
{
    public static string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("flows-runtime-tests-home-").FullName;

#pragma warning disable CA2255 // A test assembly's own set-up, not a library's.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => Environment.SetEnvironmentVariable("FLOWS_HOME", Directory);
}
