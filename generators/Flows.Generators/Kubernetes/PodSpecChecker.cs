using System;
using System.IO;
using System.Text;
using Flows.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes;

/// <summary>
/// Checks a pod task's pod spec (a YAML Pod or PodSpec) and the values on its attribute, and turns them
/// into a <see cref="PodSpecModel"/>. Every problem is reported at its YAML line or on the attribute.
/// </summary>
internal sealed class PodSpecChecker
{
    private readonly PodTaskAttributeSpec _attribute;
    private readonly Action<JobSpecProblem>? _report;
    private bool _hasErrors;

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, ProblemTarget target, Mark start, Mark end, params object?[] arguments)
    {
        if (descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
        {
            _hasErrors = true;
        }
        _report?.Invoke(new JobSpecProblem(descriptor, target, start, end, arguments));
    }

    private PodSpecChecker(PodTaskAttributeSpec attribute, Action<JobSpecProblem>? report)
    {
        _attribute = attribute;
        _report = report;
    }

    /// <param name="text">The pod spec's text; null when the attribute names no file or the file is not among the AdditionalFiles.</param>
    /// <returns>The model, or null when there are errors.</returns>
    public static PodSpecModel? Check(PodTaskAttributeSpec attribute, string? text, Action<JobSpecProblem>? report) =>
        new PodSpecChecker(attribute, report).Check(text);

    private PodSpecModel? Check(string? text)
    {
        var primary = _attribute.Kind == PodTaskKindSpec.Container ? PodTaskAttributeSpec.ContainerTaskContainerName : _attribute.PrimaryContainer;
        if (string.IsNullOrWhiteSpace(primary) || (_attribute.PodSpecFile is not null && text is null))
        {
            return null;
        }
        string podJson;
        if (text is null)
        {
            podJson = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{},\"spec\":{\"containers\":[]}}";
        }
        else
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException)
            {
                return null;
            }
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return null;
            }
            var isPod = root.Children.TryGetValue(new YamlScalarNode("kind"), out var kind) && YamlJson.AsString(kind) == "Pod";
            podJson = isPod
                ? YamlJson.ToJson(root)
                : "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{},\"spec\":" + YamlJson.ToJson(root) + "}";
        }
        return _hasErrors ? null : new PodSpecModel(podJson, primary!, PodBaseName(_attribute.TaskName));
    }

    /// <summary>A task name as a DNS-1123 name: <c>WaitForMessage</c> → <c>wait-for-message</c>, at most 40 characters.</summary>
    public static string PodBaseName(string taskName)
    {
        var name = new StringBuilder();
        for (var i = 0; i < taskName.Length && name.Length < 40; i++)
        {
            var c = taskName[i];
            if (char.IsUpper(c) && i > 0 && name.Length > 0 && name[name.Length - 1] != '-')
            {
                name.Append('-');
            }
            c = char.ToLowerInvariant(c);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[name.Length - 1] != '-')
            {
                name.Append('-');
            }
        }
        var result = name.ToString().Trim('-');
        return result.Length == 0 ? "task" : result;
    }
}
