using System;
using System.IO;

namespace Flows.Runs;

/// <summary>Flows' own folder on this machine: <c>FLOWS_HOME</c>, else <c>~/.flows</c>.</summary>
public static class FlowsHome
{
    public const string Variable = "FLOWS_HOME";

    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrEmpty(configured)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".flows")
                : configured;
        }
    }

    /// <summary>The default run store: <c>flows.db</c> in <see cref="Directory"/>.</summary>
    public static string DefaultStorePath => Path.Combine(Directory, "flows.db");
}
