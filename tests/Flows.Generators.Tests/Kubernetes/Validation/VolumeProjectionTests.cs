using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>downwardAPI and projected volumes: validateDownwardAPIVolumeSource, validateDownwardAPIVolumeFile, validateProjectedVolumeSource, validateProjectionSources.</summary>
public sealed class VolumeProjectionTests
{
    private static SpecErrors Volumes(string volumesYaml) =>
        SpecValidationKit.PodSpec("containers:\n- name: main\n  image: busybox:1\nvolumes:\n" + volumesYaml);

    [Theory]
    [InlineData("- name: d\n  downwardAPI: {}")]
    [InlineData("- name: d\n  downwardAPI: {defaultMode: 0644, items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}")]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: name, fieldRef: {apiVersion: v1, fieldPath: metadata.name}, mode: 0400}]}")]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: ns, fieldRef: {fieldPath: metadata.namespace}}, {path: uid, fieldRef: {fieldPath: metadata.uid}}, {path: a, fieldRef: {fieldPath: metadata.annotations}}]}")]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: build, fieldRef: {fieldPath: \"metadata.annotations['example.com/build']\"}}]}")]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: app, fieldRef: {fieldPath: \"metadata.labels['app']\"}}]}")]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: cpu, resourceFieldRef: {containerName: main, resource: limits.cpu, divisor: 1m}}]}")]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: mem, resourceFieldRef: {containerName: main, resource: requests.memory, divisor: 1Mi}}]}")]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: d/mem, resourceFieldRef: {containerName: main, resource: limits.ephemeral-storage}}]}")]
    [InlineData("- name: p\n  projected: {sources: []}")]
    [InlineData("- name: p\n  projected: {defaultMode: 0440, sources: [{secret: {name: s, items: [{key: a, path: a}]}}, {configMap: {name: c, items: [{key: b, path: b}]}}]}")]
    [InlineData("- name: p\n  projected: {sources: [{downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}}]}")]
    [InlineData("- name: p\n  projected: {sources: [{serviceAccountToken: {path: token}}]}")]
    [InlineData("- name: p\n  projected: {sources: [{serviceAccountToken: {path: token, audience: vault, expirationSeconds: 600}}]}")]
    [InlineData("- name: p\n  projected: {sources: [{serviceAccountToken: {path: token, expirationSeconds: 4294967296}}]}")]
    // The same path in different volumes is fine; only within one projected volume it conflicts.
    [InlineData("- name: p\n  projected: {sources: [{secret: {name: s, items: [{key: a, path: a}]}}]}\n- name: q\n  projected: {sources: [{secret: {name: s, items: [{key: a, path: a}]}}]}")]
    // A projection without items maps every key: no paths to compare.
    [InlineData("- name: p\n  projected: {sources: [{secret: {name: s}}, {configMap: {name: c}}]}")]
    public void Valid_projections_have_no_errors(string volumes) => Volumes(volumes).AssertValid();

    [Theory]
    // The server writes an item's errors under the source's path, not the item's.
    [InlineData("- name: d\n  downwardAPI: {items: [{fieldRef: {fieldPath: metadata.name}}]}", "spec.volumes[0].downwardAPI.path", SpecErrorType.Required)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: /name, fieldRef: {fieldPath: metadata.name}}]}", "spec.volumes[0].downwardAPI.path", SpecErrorType.Invalid)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: ..name, fieldRef: {fieldPath: metadata.name}}]}", "spec.volumes[0].downwardAPI.path", SpecErrorType.Invalid)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p}]}", "spec.volumes[0].downwardAPI", SpecErrorType.Required)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, fieldRef: {fieldPath: metadata.name}, resourceFieldRef: {containerName: main, resource: limits.cpu}}]}", "spec.volumes[0].downwardAPI", SpecErrorType.Invalid)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, fieldRef: {fieldPath: metadata.name}, mode: 01000}]}", "spec.volumes[0].downwardAPI.mode", SpecErrorType.Invalid)]
    [InlineData("- name: d\n  downwardAPI: {defaultMode: 1000}", "spec.volumes[0].downwardAPI.defaultMode", SpecErrorType.Invalid)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, fieldRef: {apiVersion: v1}}]}", "spec.volumes[0].downwardAPI.fieldRef.fieldPath", SpecErrorType.Required)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, fieldRef: {fieldPath: spec.nodeName}}]}", "spec.volumes[0].downwardAPI.fieldRef.fieldPath", SpecErrorType.NotSupported)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, fieldRef: {fieldPath: metadata.generation}}]}", "spec.volumes[0].downwardAPI.fieldRef.fieldPath", SpecErrorType.Invalid)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, fieldRef: {apiVersion: v2, fieldPath: metadata.name}}]}", "spec.volumes[0].downwardAPI.fieldRef.fieldPath", SpecErrorType.Invalid)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, fieldRef: {fieldPath: \"metadata.name['x']\"}}]}", "spec.volumes[0].downwardAPI.fieldRef.fieldPath", SpecErrorType.Invalid)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, fieldRef: {fieldPath: \"metadata.labels['bad key']\"}}]}", "spec.volumes[0].downwardAPI.fieldRef", SpecErrorType.Invalid)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, resourceFieldRef: {resource: limits.cpu}}]}", "spec.volumes[0].downwardAPI.resourceFieldRef.containerName", SpecErrorType.Required)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, resourceFieldRef: {containerName: main}}]}", "spec.volumes[0].downwardAPI.resourceFieldRef.resource", SpecErrorType.Required)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, resourceFieldRef: {containerName: main, resource: limits.gpu}}]}", "spec.volumes[0].downwardAPI.resourceFieldRef.resource", SpecErrorType.NotSupported)]
    // DownwardAPIHugePages is alpha and off in 1.20.
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, resourceFieldRef: {containerName: main, resource: limits.hugepages-2Mi}}]}", "spec.volumes[0].downwardAPI.resourceFieldRef.resource", SpecErrorType.NotSupported)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, resourceFieldRef: {containerName: main, resource: limits.cpu, divisor: 1Mi}}]}", "spec.volumes[0].downwardAPI.resourceFieldRef.divisor", SpecErrorType.Invalid)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, resourceFieldRef: {containerName: main, resource: limits.memory, divisor: 1m}}]}", "spec.volumes[0].downwardAPI.resourceFieldRef.divisor", SpecErrorType.Invalid)]
    [InlineData("- name: d\n  downwardAPI: {items: [{path: p, resourceFieldRef: {containerName: main, resource: limits.ephemeral-storage, divisor: 1024}}]}", "spec.volumes[0].downwardAPI.resourceFieldRef.divisor", SpecErrorType.Invalid)]
    [InlineData("- name: p\n  projected: {defaultMode: 01777, sources: []}", "spec.volumes[0].projected.defaultMode", SpecErrorType.Invalid)]
    [InlineData("- name: p\n  projected: {sources: [{secret: {items: [{key: a, path: a}]}}]}", "spec.volumes[0].projected.sources[0].secret.name", SpecErrorType.Required)]
    [InlineData("- name: p\n  projected: {sources: [{secret: {name: s, items: [{key: a, path: /a}]}}]}", "spec.volumes[0].projected.sources[0].secret.items[0].path", SpecErrorType.Invalid)]
    [InlineData("- name: p\n  projected: {sources: [{configMap: {items: [{key: a, path: a}]}}]}", "spec.volumes[0].projected.sources[0].configMap.name", SpecErrorType.Required)]
    [InlineData("- name: p\n  projected: {sources: [{configMap: {name: c, items: [{path: a}]}}]}", "spec.volumes[0].projected.sources[0].configMap.items[0].key", SpecErrorType.Required)]
    [InlineData("- name: p\n  projected: {sources: [{configMap: {name: c, items: [{key: a, path: a, mode: 1000}]}}]}", "spec.volumes[0].projected.sources[0].configMap.items[0].mode", SpecErrorType.Invalid)]
    [InlineData("- name: p\n  projected: {sources: [{downwardAPI: {items: [{path: p, fieldRef: {fieldPath: status.podIP}}]}}]}", "spec.volumes[0].projected.sources[0].downwardAPI.fieldRef.fieldPath", SpecErrorType.NotSupported)]
    [InlineData("- name: p\n  projected: {sources: [{downwardAPI: {items: [{fieldRef: {fieldPath: metadata.name}}]}}]}", "spec.volumes[0].projected.sources[0].downwardAPI.path", SpecErrorType.Required)]
    [InlineData("- name: p\n  projected: {sources: [{serviceAccountToken: {path: t, expirationSeconds: 599}}]}", "spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds", SpecErrorType.Invalid)]
    [InlineData("- name: p\n  projected: {sources: [{serviceAccountToken: {path: t, expirationSeconds: 4294967297}}]}", "spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds", SpecErrorType.Invalid)]
    [InlineData("- name: p\n  projected: {sources: [{serviceAccountToken: {audience: a}}]}", "spec.volumes[0].projected.path", SpecErrorType.Required)]
    [InlineData("- name: p\n  projected: {sources: [{secret: {name: s}, configMap: {name: c}}]}", "spec.volumes[0].projected.sources[0]", SpecErrorType.Forbidden)]
    [InlineData("- name: p\n  projected: {sources: [{secret: {name: s, items: [{key: a, path: x}]}}, {configMap: {name: c, items: [{key: b, path: x}]}}]}", "spec.volumes[0].projected", SpecErrorType.Invalid)]
    [InlineData("- name: p\n  projected: {sources: [{secret: {name: s, items: [{key: a, path: x}, {key: b, path: x}]}}]}", "spec.volumes[0].projected", SpecErrorType.Invalid)]
    [InlineData("- name: p\n  projected: {sources: [{configMap: {name: c, items: [{key: b, path: x}]}}, {downwardAPI: {items: [{path: x, fieldRef: {fieldPath: metadata.name}}]}}]}", "spec.volumes[0].projected", SpecErrorType.Invalid)]
    public void Invalid_projections_are_errors_at_the_servers_path(string volumes, string path, object type) =>
        Volumes(volumes).Single(path, (SpecErrorType)type);

    [Fact]
    public void Messages_are_the_servers()
    {
        Assert.Equal("spec.volumes[0].downwardAPI.fieldRef.fieldPath: Unsupported value: \"spec.nodeName\": supported values: \"metadata.annotations\", \"metadata.labels\", \"metadata.name\", \"metadata.namespace\", \"metadata.uid\"",
            Volumes("- name: d\n  downwardAPI: {items: [{path: p, fieldRef: {fieldPath: spec.nodeName}}]}").Single("spec.volumes[0].downwardAPI.fieldRef.fieldPath", SpecErrorType.NotSupported).Message);
        Assert.Equal("spec.volumes[0].downwardAPI.fieldRef.fieldPath: Invalid value: \"metadata.generation\": error converting fieldPath: field label not supported: metadata.generation",
            Volumes("- name: d\n  downwardAPI: {items: [{path: p, fieldRef: {fieldPath: metadata.generation}}]}").Single("spec.volumes[0].downwardAPI.fieldRef.fieldPath", SpecErrorType.Invalid).Message);
        Assert.Equal("spec.volumes[0].downwardAPI.fieldRef.fieldPath: Invalid value: \"metadata.name\": error converting fieldPath: unsupported pod version: v2",
            Volumes("- name: d\n  downwardAPI: {items: [{path: p, fieldRef: {apiVersion: v2, fieldPath: metadata.name}}]}").Single("spec.volumes[0].downwardAPI.fieldRef.fieldPath", SpecErrorType.Invalid).Message);
        Assert.Equal("spec.volumes[0].downwardAPI.resourceFieldRef.divisor: Invalid value: \"limits.cpu\": only divisor's values 1m and 1 are supported with the cpu resource",
            Volumes("- name: d\n  downwardAPI: {items: [{path: p, resourceFieldRef: {containerName: main, resource: limits.cpu, divisor: 1Mi}}]}").Single("spec.volumes[0].downwardAPI.resourceFieldRef.divisor", SpecErrorType.Invalid).Message);
        Assert.Equal("spec.volumes[0].projected: Invalid value: \"s\": conflicting duplicate paths",
            Volumes("- name: p\n  projected: {sources: [{secret: {name: s, items: [{key: a, path: x}, {key: b, path: x}]}}]}").Single("spec.volumes[0].projected", SpecErrorType.Invalid).Message);
        Assert.Equal("spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 599: may not specify a duration less than 10 minutes",
            Volumes("- name: p\n  projected: {sources: [{serviceAccountToken: {path: t, expirationSeconds: 599}}]}").Single("spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds", SpecErrorType.Invalid).Message);
        Assert.Equal("spec.volumes[0].downwardAPI: Invalid value: \"resource\": fieldRef and resourceFieldRef can not be specified simultaneously",
            Volumes("- name: d\n  downwardAPI: {items: [{path: p, fieldRef: {fieldPath: metadata.name}, resourceFieldRef: {containerName: main, resource: limits.cpu}}]}").Single("spec.volumes[0].downwardAPI", SpecErrorType.Invalid).Message);
    }

    [Fact]
    public void An_items_error_is_reported_at_the_items_node()
    {
        var error = Volumes("- name: d\n  downwardAPI:\n    items:\n    - path: p\n    - path: /abs\n      fieldRef: {fieldPath: metadata.name}").Single("spec.volumes[0].downwardAPI.path", SpecErrorType.Invalid);
        Assert.Equal("/abs", ((YamlDotNet.RepresentationModel.YamlScalarNode)error.Node!).Value);
    }
}
