using System;
using System.Collections.Generic;
using System.IO;

namespace Flows.Generators.Kubernetes;

/// <summary>Finds the AdditionalFile a [KubernetesJob] attribute names, relative to the project folder.</summary>
internal static class JobSpecFiles
{
    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public static T? Find<T>(IEnumerable<T> files, Func<T, string> pathOf, string? projectDirectory, string jobSpecFile) where T : class
    {
        var wanted = Normalize(jobSpecFile);
        string? fullWanted = null;
        if (!string.IsNullOrEmpty(projectDirectory) && !Path.IsPathRooted(jobSpecFile))
        {
            fullWanted = Normalize(Path.GetFullPath(Path.Combine(projectDirectory, jobSpecFile)));
        }
        else if (Path.IsPathRooted(jobSpecFile))
        {
            fullWanted = Normalize(Path.GetFullPath(jobSpecFile));
        }
        T? bySuffix = null;
        foreach (var file in files)
        {
            var path = Normalize(pathOf(file));
            if (fullWanted is not null && string.Equals(path, fullWanted, StringComparison.Ordinal))
            {
                return file;
            }
            if (fullWanted is null && (path == wanted || path.EndsWith("/" + wanted.TrimStart('.', '/'), StringComparison.Ordinal)))
            {
                bySuffix ??= file;
            }
        }
        return bySuffix;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
