using System;
using System.IO;

namespace Flows.Runtime.Tests.Kubernetes.Support;

/// <summary>Files of this repository, found from the test assembly's folder upwards.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The text of a fixture under tests/Flows.Runtime.Tests/Kubernetes/fixtures.</summary>
    public static string Fixture(string name) => File.ReadAllText(PathOf("tests/Flows.Runtime.Tests/Kubernetes/fixtures/" + name));

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
