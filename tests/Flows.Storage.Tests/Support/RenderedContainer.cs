using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Flows.Storage.Tests.Support;

/// <summary>The flow container of a Job that 'render' printed: image, command, args and env, read from the YAML.</summary>
internal sealed record RenderedContainer(string Image, IReadOnlyList<string> Command, IReadOnlyList<string> Args, IReadOnlyList<KeyValuePair<string, string>> Env)
{
    public static RenderedContainer Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var job = (YamlMappingNode)stream.Documents.Single().RootNode;
        var container = (YamlMappingNode)Sequence(Map(Map(Map(job, "spec"), "template"), "spec"), "containers").Children[0];
        return new RenderedContainer(
            Scalar(container, "image"),
            Strings(container, "command"),
            Strings(container, "args"),
            Sequence(container, "env").Children.Cast<YamlMappingNode>().Select(entry => new KeyValuePair<string, string>(Scalar(entry, "name"), Scalar(entry, "value"))).ToList());
    }

    /// <summary><c>docker run --rm --network none</c> with exactly this command, args and env.</summary>
    public IReadOnlyList<string> DockerRunArguments()
    {
        var arguments = new List<string> { "run", "--rm", "--network", "none", "--entrypoint", Command[0] };
        foreach (var (name, value) in Env)
        {
            arguments.Add("--env");
            arguments.Add(name + "=" + value);
        }
        arguments.Add(Image);
        arguments.AddRange(Command.Skip(1));
        arguments.AddRange(Args);
        return arguments;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static YamlSequenceNode Sequence(YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value ?? "";

    private static List<string> Strings(YamlMappingNode node, string key) =>
        Sequence(node, key).Children.Cast<YamlScalarNode>().Select(item => item.Value ?? "").ToList();
}
