using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Flows.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Docker.LocalJobs.Manifests;

/// <summary>
/// Reads a Job (or Pod) manifest, YAML or JSON, into JSON the way kubectl reads it, with the loader and scalar rules
/// the build-time checks use (<see cref="BoundedYaml"/>, <see cref="YamlScalarResolver"/>): quoted scalars and
/// <c>!!str</c> are strings; plain <c>true</c>/<c>yes</c>/<c>on</c>... are booleans, plain numbers numbers, plain
/// <c>~</c>/<c>null</c>/empty null; everything else a string; merge keys applied; size, depth and alias expansion bounded.
/// So <c>value: 8080</c> stays a number here, as it would for kubectl, and the pod reader can say it must be quoted.
/// </summary>
public static class JobYamlReader
{
    /// <summary>The Job or Pod in <paramref name="text"/>: the only document, or the only one of kind Job or Pod among several.</summary>
    /// <exception cref="InvalidLocalJobException">Not YAML, no JSON form, no object, or not exactly one Job or Pod.</exception>
    /// <exception cref="YamlLimitException">Over a limit of <see cref="YamlLimits.Default"/> (an alias bomb, deep nesting): at the alias or bracket at fault, nothing expanded.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static JsonObject Read(string text, string source, CancellationToken cancellationToken = default)
    {
        var documents = new List<JsonNode?>();
        try
        {
            var stream = BoundedYaml.Load(text, cancellationToken);
            foreach (var document in stream.Documents)
            {
                documents.Add(ToJson(document.RootNode, cancellationToken));
            }
        }
        catch (YamlLimitException)
        {
            // The caller reports it on one line, as it does a file over the size limit.
            throw;
        }
        catch (YamlWithoutJsonException withoutJson)
        {
            throw new InvalidLocalJobException(source, [$"{source}:{withoutJson.Start.Line}:{withoutJson.Start.Column}: no JSON form: {withoutJson.Problem}"]);
        }
        catch (YamlException invalid)
        {
            throw new InvalidLocalJobException(source, [$"not valid YAML at line {invalid.Start.Line}, column {invalid.Start.Column}: {invalid.Message}"]);
        }
        catch (Exception invalid) when (invalid is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet reports a duplicate key, and some malformed input, without a position.
            throw new InvalidLocalJobException(source, [$"not valid YAML: {invalid.Message}"]);
        }
        var objects = documents.OfType<JsonObject>().ToList();
        if (objects.Count == 0)
        {
            throw new InvalidLocalJobException(source, ["no Job in it (expected a YAML or JSON object with kind: Job, as 'render' prints it)."]);
        }
        if (objects.Count == 1)
        {
            return objects[0];
        }
        var runnable = objects.Where(o => o["kind"] is JsonValue kind && kind.GetValueKind() == System.Text.Json.JsonValueKind.String && (string)kind! is "Job" or "Pod").ToList();
        return runnable.Count == 1
            ? runnable[0]
            : throw new InvalidLocalJobException(source, [$"{objects.Count} documents and {runnable.Count} of them of kind Job or Pod: give one Job."]);
    }

    /// <summary>The JSON value of one YAML node, as kubectl converts it (<see cref="YamlJsonText"/>).</summary>
    public static JsonNode? ToJson(YamlNode node, CancellationToken cancellationToken = default) =>
        JsonNode.Parse(YamlJsonText.Write(node, cancellationToken), documentOptions: new JsonDocumentOptions { MaxDepth = YamlLimits.Default.MaxDepth + 1 });
}
