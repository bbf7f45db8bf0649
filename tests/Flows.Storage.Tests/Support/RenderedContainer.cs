using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Flows.Storage.Tests.Support;

/// <summary>
/// The flow container of a Job that 'render' printed: image, command, args, env and the securityContext Flows gives it
/// (user and group, read-only root with its /tmp emptyDir, dropped capabilities, no privilege escalation), read from the YAML.
/// </summary>
internal sealed record RenderedContainer(string Image, IReadOnlyList<string> Command, IReadOnlyList<string> Args, IReadOnlyList<KeyValuePair<string, string>> Env)
{
    public string? User { get; init; }

    public bool ReadOnlyRootFilesystem { get; init; }

    public IReadOnlyList<string> CapabilitiesDropped { get; init; } = [];

    public bool NoPrivilegeEscalation { get; init; }

    /// <summary>The container's emptyDir mount paths (each a tmpfs under docker run).</summary>
    public IReadOnlyList<string> EmptyDirMounts { get; init; } = [];

    public static RenderedContainer Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var job = (YamlMappingNode)stream.Documents.Single().RootNode;
        var podSpec = Map(Map(Map(job, "spec"), "template"), "spec");
        var container = (YamlMappingNode)Sequence(podSpec, "containers").Children[0];
        var security = container.Children.TryGetValue(new YamlScalarNode("securityContext"), out var node) ? (YamlMappingNode)node : new YamlMappingNode();
        var emptyDirs = podSpec.Children.TryGetValue(new YamlScalarNode("volumes"), out var volumes)
            ? ((YamlSequenceNode)volumes).Children.Cast<YamlMappingNode>().Where(v => v.Children.ContainsKey(new YamlScalarNode("emptyDir"))).Select(v => Scalar(v, "name")).ToHashSet()
            : [];
        var mounts = container.Children.TryGetValue(new YamlScalarNode("volumeMounts"), out var mountList)
            ? ((YamlSequenceNode)mountList).Children.Cast<YamlMappingNode>().Where(m => emptyDirs.Contains(Scalar(m, "name"))).Select(m => Scalar(m, "mountPath")).ToList()
            : [];
        string? Optional(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
        var user = Optional(security, "runAsUser");
        var group = Optional(security, "runAsGroup");
        return new RenderedContainer(
            Scalar(container, "image"),
            Strings(container, "command"),
            Strings(container, "args"),
            Sequence(container, "env").Children.Cast<YamlMappingNode>().Select(entry => new KeyValuePair<string, string>(Scalar(entry, "name"), Scalar(entry, "value"))).ToList())
        {
            User = user is null ? null : group is null ? user : user + ":" + group,
            ReadOnlyRootFilesystem = Optional(security, "readOnlyRootFilesystem") == "true",
            CapabilitiesDropped = security.Children.TryGetValue(new YamlScalarNode("capabilities"), out var capabilities)
                && ((YamlMappingNode)capabilities).Children.TryGetValue(new YamlScalarNode("drop"), out var drop)
                ? ((YamlSequenceNode)drop).Children.Cast<YamlScalarNode>().Select(c => c.Value ?? "").ToList() : [],
            NoPrivilegeEscalation = Optional(security, "allowPrivilegeEscalation") == "false",
            EmptyDirMounts = mounts,
        };
    }

    /// <summary><c>docker run --rm --network none</c> with exactly this command, args, env and security settings, as the kubelet would run it.</summary>
    public IReadOnlyList<string> DockerRunArguments()
    {
        var arguments = new List<string> { "run", "--rm", "--network", "none", "--entrypoint", Command[0] };
        if (User is not null)
        {
            arguments.AddRange(["--user", User]);
        }
        if (ReadOnlyRootFilesystem)
        {
            arguments.Add("--read-only");
        }
        foreach (var capability in CapabilitiesDropped)
        {
            arguments.AddRange(["--cap-drop", capability]);
        }
        if (NoPrivilegeEscalation)
        {
            arguments.AddRange(["--security-opt", "no-new-privileges"]);
        }
        foreach (var path in EmptyDirMounts)
        {
            arguments.AddRange(["--tmpfs", path]);
        }
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
