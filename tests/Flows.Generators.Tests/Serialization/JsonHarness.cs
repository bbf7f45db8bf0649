using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Flows.Generators.Core;
using Flows.Generators.TaskData;
using Flows.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flows.Generators.Tests.Serialization;

/// <summary>
/// Compiles a source whose <c>Samples.Holder</c> class plays the flow class, runs <see cref="JsonTypeCollector"/> over C# types
/// named as text (resolved inside Holder, so its private nested types count), emits <c>__FlowsJson</c> into Holder, and loads the result.
/// </summary>
internal sealed class JsonHarness
{
    public const string HolderName = "Samples.Holder";

    private JsonHarness(CSharpCompilation compilation, JsonTypeCollector collector, IReadOnlyList<string?> names, IReadOnlyList<string?> reasons)
    {
        Compilation = compilation;
        Collector = collector;
        Names = names;
        Reasons = reasons;
    }

    /// <summary>The compilation of the sources, before the generated part is added.</summary>
    public CSharpCompilation Compilation { get; }

    public JsonTypeCollector Collector { get; }

    /// <summary>Per requested type: <see cref="JsonTypeCollector.Add"/>'s property name, null when unsupported.</summary>
    public IReadOnlyList<string?> Names { get; }

    /// <summary>Per requested type: the unsupported reason, or null.</summary>
    public IReadOnlyList<string?> Reasons { get; }

    /// <summary>Collects <paramref name="types"/> (C# type syntax, as written inside Holder) from a compilation of <paramref name="source"/>.</summary>
    public static JsonHarness Collect(string source, params string[] types)
    {
        var probe = "#nullable enable\nusing System;\nusing System.Collections.Generic;\n\nnamespace Samples;\npublic static partial class Holder\n{\n" +
                    string.Concat(types.Select((type, i) => $"    private static {type} __Probe{i}<T>() => throw null!;\n")) +
                    "}\n";
        var compilation = GeneratorHarness.Compile(OutputKind.DynamicallyLinkedLibrary, source, probe);
        var holder = compilation.GetTypeByMetadataName(HolderName) ?? throw new InvalidOperationException("The source has no " + HolderName + ".");
        var collector = new JsonTypeCollector(holder);
        var names = new List<string?>();
        var reasons = new List<string?>();
        for (var i = 0; i < types.Length; i++)
        {
            var method = holder.GetMembers("__Probe" + i).OfType<IMethodSymbol>().Single();
            names.Add(collector.Add(method.ReturnType, out var reason));
            reasons.Add(reason);
        }
        return new JsonHarness(compilation, collector, names, reasons);
    }

    /// <summary>The generated file: Holder's partial part with <c>__FlowsJson</c>.</summary>
    public string EmitSource()
    {
        var writer = GeneratedCode.StartFile();
        writer.Line("namespace Samples;");
        writer.Line();
        writer.Open("public static partial class Holder");
        JsonTypeInfoEmitter.Emit(writer, Collector.Types);
        writer.Close();
        return writer.ToString();
    }

    /// <summary>The sources with the generated part added.</summary>
    public Compilation CompileWithGenerated() =>
        Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(EmitSource(), GeneratorHarness.ParseOptions, path: "FlowsJson.g.cs"));

    /// <summary>Compiles with the generated part (asserting no warnings nor errors), loads the assembly and returns Holder.</summary>
    public Type Load()
    {
        var compilation = CompileWithGenerated();
        var problems = GeneratorHarness.Problems(compilation);
        Assert.True(problems.IsEmpty, string.Join("\n", problems) + "\n" + EmitSource());
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("FlowsJsonTest" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream).GetType(HolderName, throwOnError: true)!;
    }

    /// <summary>Calls Holder's public static method <paramref name="name"/>, which returns a string.</summary>
    public static string Call(Type holder, string name)
    {
        var method = holder.GetMethod(name, BindingFlags.Public | BindingFlags.Static) ?? throw new InvalidOperationException("No method " + name);
        try
        {
            return (string)method.Invoke(null, null)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"{name} threw: {e.InnerException}", e.InnerException);
        }
    }
}
