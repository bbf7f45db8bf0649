using System;
using System.IO;

namespace Flows.EndToEnd.Tests;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Flows.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Flows.sln not found above " + AppContext.BaseDirectory);
    }
}
