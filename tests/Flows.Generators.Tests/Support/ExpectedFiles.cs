using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace Flows.Generators.Tests.Support;

/// <summary>
/// Compares generated files with the checked-in files under Expected/&lt;case&gt;/. With FLOWS_UPDATE_EXPECTED=1 it
/// writes the generated files into the source tree's Expected/&lt;case&gt;/ instead (then review the diff and commit).
/// </summary>
internal static class ExpectedFiles
{
    public const string UpdateVariable = "FLOWS_UPDATE_EXPECTED";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static void Verify(string caseName, IReadOnlyDictionary<string, string> generated)
    {
        if (Updating)
        {
            Update(caseName, generated);
            return;
        }
        var directory = Path.Combine(AppContext.BaseDirectory, "Expected", caseName);
        var expectedNames = Directory.Exists(directory)
            ? Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToArray()
            : [];
        var generatedNames = generated.Keys.OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.True(expectedNames.SequenceEqual(generatedNames),
            $"Case '{caseName}': generated files [{string.Join(", ", generatedNames)}] but Expected/{caseName}/ holds [{string.Join(", ", expectedNames)}]. {Hint}");
        foreach (var name in generatedNames)
        {
            var expected = Normalize(File.ReadAllText(Path.Combine(directory, name)));
            var actual = Normalize(generated[name]);
            if (expected != actual)
            {
                Assert.Fail($"Case '{caseName}': {name} differs from Expected/{caseName}/{name}.\n{FirstDifference(expected, actual)}\n{Hint}");
            }
        }
    }

    private static string Hint => $"If the change is intended, regenerate with: {UpdateVariable}=1 dotnet test tests/Flows.Generators.Tests, then review the diff.";

    private static void Update(string caseName, IReadOnlyDictionary<string, string> generated)
    {
        var directory = Path.Combine(SourceDirectory(), "Expected", caseName);
        Directory.CreateDirectory(directory);
        foreach (var stale in Directory.GetFiles(directory).Where(f => !generated.ContainsKey(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }
        foreach (var (name, text) in generated)
        {
            File.WriteAllText(Path.Combine(directory, name), Normalize(text), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }

    /// <summary>The test project's directory in the source tree (this file is in its Support/ folder).</summary>
    private static string SourceDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, ".."));

    private static string Normalize(string text) => text.ReplaceLineEndings("\n");

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                return $"First difference at line {i + 1}:\n  expected: {e}\n  actual:   {a}";
            }
        }
        return "The files differ only in line endings.";
    }
}
