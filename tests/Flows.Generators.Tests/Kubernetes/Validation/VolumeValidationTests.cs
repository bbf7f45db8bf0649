using System.Linq;
using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>ValidateVolumes and validateVolumeSource's sources, each rule with a spec the 1.20 API server rejects, and specs it accepts.</summary>
public sealed class VolumeValidationTests
{
    private static SpecErrors Volumes(string volumesYaml) =>
        SpecValidationKit.PodSpec("containers:\n- name: main\n  image: busybox:1\nvolumes:\n" + volumesYaml);

    [Theory]
    // A volume with no source is an emptyDir (SetDefaults_Volume).
    [InlineData("- name: scratch")]
    [InlineData("- name: scratch\n  emptyDir: {}")]
    [InlineData("- name: scratch\n  emptyDir: {medium: Memory, sizeLimit: 1Gi}")]
    [InlineData("- name: scratch\n  emptyDir: {medium: HugePages}")]
    [InlineData("- name: scratch\n  emptyDir: null")]
    [InlineData("- name: a\n- name: b")]
    [InlineData("- name: host\n  hostPath: {path: /var/log}")]
    [InlineData("- name: host\n  hostPath: {path: /var/run/docker.sock, type: Socket}")]
    [InlineData("- name: host\n  hostPath: {path: /data, type: \"\"}")]
    [InlineData("- name: host\n  hostPath: {path: /a..b/c.., type: DirectoryOrCreate}")]
    [InlineData("- name: git\n  gitRepo: {repository: https://example.com/r.git}")]
    [InlineData("- name: git\n  gitRepo: {repository: https://example.com/r.git, directory: .}")]
    [InlineData("- name: git\n  gitRepo: {repository: https://example.com/r.git, directory: sub/dir}")]
    [InlineData("- name: claim\n  persistentVolumeClaim: {claimName: data}")]
    [InlineData("- name: s\n  secret: {secretName: creds}")]
    [InlineData("- name: s\n  secret: {secretName: creds, defaultMode: 0400, items: [{key: a, path: dir/a.txt, mode: 0600}]}")]
    [InlineData("- name: s\n  secret: {secretName: creds, defaultMode: 0777}")]
    [InlineData("- name: s\n  secret: {secretName: creds, defaultMode: 511}")]
    [InlineData("- name: s\n  secret: {secretName: creds, defaultMode: 0}")]
    [InlineData("- name: s\n  secret: {secretName: creds, items: [{key: a, path: a..b}, {key: b, path: .hidden}]}")]
    [InlineData("- name: c\n  configMap: {name: settings}")]
    [InlineData("- name: c\n  configMap: {name: settings, defaultMode: 0644, optional: true, items: [{key: k, path: k.conf}]}")]
    [InlineData("- name: nfs\n  nfs: {server: nfs.example.com, path: /exports}")]
    [InlineData("- name: iscsi\n  iscsi: {targetPortal: 10.0.0.1:3260, iqn: iqn.2001-04.com.example:storage.disk1, lun: 0}")]
    [InlineData("- name: iscsi\n  iscsi: {targetPortal: 10.0.0.1:3260, iqn: eui.02004567A425678D, lun: 255, chapAuthSession: true, secretRef: {name: chap}}")]
    [InlineData("- name: iscsi\n  iscsi: {targetPortal: p, iqn: naa.0123456789abcdef0123456789ABCDEF, initiatorName: iqn.1996-04.de.suse:01:a}")]
    [InlineData("- name: g\n  glusterfs: {endpoints: glusterfs-cluster, path: kube_vol}")]
    [InlineData("- name: r\n  rbd: {monitors: [10.16.154.78:6789], image: foo}")]
    [InlineData("- name: f\n  flexVolume: {driver: example.com/lvm, options: {volumeID: x, example.com/size: 1G}}")]
    [InlineData("- name: c\n  cinder: {volumeID: abc}")]
    [InlineData("- name: c\n  cephfs: {monitors: [10.16.154.78:6789]}")]
    [InlineData("- name: f\n  flocker: {datasetName: data}")]
    [InlineData("- name: f\n  flocker: {datasetUUID: abcd}")]
    [InlineData("- name: fc\n  fc: {targetWWNs: [500a0982991b8dc5], lun: 2}")]
    [InlineData("- name: fc\n  fc: {wwids: [3600508b400105e210000900000490000]}")]
    [InlineData("- name: ebs\n  awsElasticBlockStore: {volumeID: vol-1}")]
    [InlineData("- name: ebs\n  awsElasticBlockStore: {volumeID: vol-1, partition: 255}")]
    [InlineData("- name: pd\n  gcePersistentDisk: {pdName: disk, partition: 1}")]
    [InlineData("- name: az\n  azureFile: {secretName: s, shareName: share}")]
    [InlineData("- name: az\n  azureDisk: {diskName: d, diskURI: https://acct.blob.core.windows.net/vhds/d.vhd}")]
    [InlineData("- name: az\n  azureDisk: {diskName: d, diskURI: /subscriptions/x/resourcegroups/g/providers/microsoft.compute/disks/d, kind: Managed, cachingMode: None}")]
    [InlineData("- name: vs\n  vsphereVolume: {volumePath: \"[datastore1] volumes/myDisk\"}")]
    [InlineData("- name: q\n  quobyte: {registry: \"registry:7861\", volume: v}")]
    [InlineData("- name: q\n  quobyte: {registry: \"a:1,[::1]:2\", volume: v}")]
    [InlineData("- name: ph\n  photonPersistentDisk: {pdID: id}")]
    [InlineData("- name: px\n  portworxVolume: {volumeID: id}")]
    [InlineData("- name: sio\n  scaleIO: {gateway: https://gw, system: sys, volumeName: v, secretRef: {name: s}}")]
    [InlineData("- name: so\n  storageos: {volumeName: vol, volumeNamespace: ns}")]
    [InlineData("- name: csi\n  csi: {driver: secrets-store.csi.k8s.io, nodePublishSecretRef: {name: creds}}")]
    [InlineData("- name: csi\n  csi: {driver: Inline.Storage.Example.COM}")]
    // ephemeral is dropped while its gate is off: with another source, that one remains.
    [InlineData("- name: both\n  emptyDir: {}\n  ephemeral: {volumeClaimTemplate: {spec: {}}}")]
    public void Valid_volumes_have_no_errors(string volumes) => Volumes(volumes).AssertValid();

    [Theory]
    [InlineData("- name: \"\"", "spec.volumes[0].name", SpecErrorType.Required)]
    [InlineData("- emptyDir: {}", "spec.volumes[0].name", SpecErrorType.Required)]
    [InlineData("- name: My_Volume", "spec.volumes[0].name", SpecErrorType.Invalid)]
    [InlineData("- name: a\n- name: a", "spec.volumes[1].name", SpecErrorType.Duplicate)]
    [InlineData("- name: e\n  ephemeral: {volumeClaimTemplate: {spec: {}}}", "spec.volumes[0]", SpecErrorType.Required)]
    [InlineData("- name: two\n  emptyDir: {}\n  hostPath: {path: /x}", "spec.volumes[0].hostPath", SpecErrorType.Forbidden)]
    [InlineData("- name: two\n  secret: {secretName: s}\n  configMap: {name: c}", "spec.volumes[0].configMap", SpecErrorType.Forbidden)]
    [InlineData("- name: two\n  secret: {secretName: s}\n  downwardAPI: {}", "spec.volumes[0].downwarAPI", SpecErrorType.Forbidden)]
    [InlineData("- name: two\n  nfs: {server: s, path: /p}\n  cephfs: {monitors: [m]}", "spec.volumes[0].cephFS", SpecErrorType.Forbidden)]
    [InlineData("- name: two\n  hostPath: {path: /x}\n  csi: {driver: d}", "spec.volumes[0].csi", SpecErrorType.Forbidden)]
    [InlineData("- name: e\n  emptyDir: {sizeLimit: -1Gi}", "spec.volumes[0].emptyDir.sizeLimit", SpecErrorType.Forbidden)]
    [InlineData("- name: h\n  hostPath: {}", "spec.volumes[0].hostPath.path", SpecErrorType.Required)]
    [InlineData("- name: h\n  hostPath: {path: /var/../etc}", "spec.volumes[0].hostPath.path", SpecErrorType.Invalid)]
    [InlineData("- name: h\n  hostPath: {path: /x, type: Dir}", "spec.volumes[0].hostPath.type", SpecErrorType.NotSupported)]
    [InlineData("- name: g\n  gitRepo: {directory: x}", "spec.volumes[0].gitRepo.repository", SpecErrorType.Required)]
    [InlineData("- name: g\n  gitRepo: {repository: r, directory: /abs}", "spec.volumes[0].gitRepo.directory", SpecErrorType.Invalid)]
    [InlineData("- name: g\n  gitRepo: {repository: r, directory: a/../..}", "spec.volumes[0].gitRepo.directory", SpecErrorType.Invalid)]
    [InlineData("- name: c\n  persistentVolumeClaim: {readOnly: true}", "spec.volumes[0].persistentVolumeClaim.claimName", SpecErrorType.Required)]
    [InlineData("- name: s\n  secret: {}", "spec.volumes[0].secret.secretName", SpecErrorType.Required)]
    [InlineData("- name: s\n  secret: {secretName: s, defaultMode: 01000}", "spec.volumes[0].secret.defaultMode", SpecErrorType.Invalid)]
    [InlineData("- name: s\n  secret: {secretName: s, defaultMode: 644}", "spec.volumes[0].secret.defaultMode", SpecErrorType.Invalid)]
    [InlineData("- name: s\n  secret: {secretName: s, defaultMode: -1}", "spec.volumes[0].secret.defaultMode", SpecErrorType.Invalid)]
    [InlineData("- name: s\n  secret: {secretName: s, items: [{path: p}]}", "spec.volumes[0].secret.items[0].key", SpecErrorType.Required)]
    [InlineData("- name: s\n  secret: {secretName: s, items: [{key: k}]}", "spec.volumes[0].secret.items[0].path", SpecErrorType.Required)]
    [InlineData("- name: s\n  secret: {secretName: s, items: [{key: k, path: /etc/k}]}", "spec.volumes[0].secret.items[0].path", SpecErrorType.Invalid)]
    [InlineData("- name: s\n  secret: {secretName: s, items: [{key: k, path: ..data}]}", "spec.volumes[0].secret.items[0].path", SpecErrorType.Invalid)]
    [InlineData("- name: s\n  secret: {secretName: s, items: [{key: k, path: a/../../b}]}", "spec.volumes[0].secret.items[0].path", SpecErrorType.Invalid)]
    [InlineData("- name: s\n  secret: {secretName: s, items: [{key: k, path: p, mode: 0800}]}", "spec.volumes[0].secret.items[0].mode", SpecErrorType.Invalid)]
    [InlineData("- name: c\n  configMap: {optional: true}", "spec.volumes[0].configMap.name", SpecErrorType.Required)]
    [InlineData("- name: c\n  configMap: {name: c, defaultMode: 512}", "spec.volumes[0].configMap.defaultMode", SpecErrorType.Invalid)]
    [InlineData("- name: c\n  configMap: {name: c, items: [{key: k, path: /k}]}", "spec.volumes[0].configMap.items[0].path", SpecErrorType.Invalid)]
    [InlineData("- name: n\n  nfs: {path: /p}", "spec.volumes[0].nfs.server", SpecErrorType.Required)]
    [InlineData("- name: n\n  nfs: {server: s}", "spec.volumes[0].nfs.path", SpecErrorType.Required)]
    [InlineData("- name: n\n  nfs: {server: s, path: exports}", "spec.volumes[0].nfs.path", SpecErrorType.Invalid)]
    [InlineData("- name: i\n  iscsi: {iqn: iqn.2001-04.com.example:d}", "spec.volumes[0].iscsi.targetPortal", SpecErrorType.Required)]
    [InlineData("- name: i\n  iscsi: {targetPortal: p}", "spec.volumes[0].iscsi.iqn", SpecErrorType.Required)]
    [InlineData("- name: i\n  iscsi: {targetPortal: p, iqn: xyz}", "spec.volumes[0].iscsi.iqn", SpecErrorType.Invalid)]
    [InlineData("- name: i\n  iscsi: {targetPortal: p, iqn: iqn.2001-04.com.example}", "spec.volumes[0].iscsi.iqn", SpecErrorType.Invalid)]
    [InlineData("- name: i\n  iscsi: {targetPortal: p, iqn: eui.123}", "spec.volumes[0].iscsi.iqn", SpecErrorType.Invalid)]
    [InlineData("- name: i\n  iscsi: {targetPortal: p, iqn: naa.123}", "spec.volumes[0].iscsi.iqn", SpecErrorType.Invalid)]
    [InlineData("- name: i\n  iscsi: {targetPortal: p, iqn: eui.02004567A425678D, lun: 256}", "spec.volumes[0].iscsi.lun", SpecErrorType.Invalid)]
    [InlineData("- name: i\n  iscsi: {targetPortal: p, iqn: eui.02004567A425678D, chapAuthDiscovery: true}", "spec.volumes[0].iscsi.secretRef", SpecErrorType.Required)]
    [InlineData("- name: i\n  iscsi: {targetPortal: p, iqn: eui.02004567A425678D, initiatorName: foo}", "spec.volumes[0].iscsi.initiatorname", SpecErrorType.Invalid)]
    [InlineData("- name: i\n  iscsi: {targetPortal: p, iqn: eui.02004567A425678D, initiatorName: iqn.bad}", "spec.volumes[0].iscsi.initiatorname", SpecErrorType.Invalid)]
    [InlineData("- name: a-rather-long-volume-name-for-an-iscsi-disk-volume\n  iscsi: {targetPortal: \"10.100.200.250:3260\", iqn: eui.02004567A425678D, initiatorName: iqn.1996-04.de.suse:01:a}", "spec.volumes[0].name", SpecErrorType.Invalid)]
    [InlineData("- name: g\n  glusterfs: {path: p}", "spec.volumes[0].glusterfs.endpoints", SpecErrorType.Required)]
    [InlineData("- name: g\n  glusterfs: {endpoints: e}", "spec.volumes[0].glusterfs.path", SpecErrorType.Required)]
    [InlineData("- name: f\n  flocker: {}", "spec.volumes[0].flocker", SpecErrorType.Required)]
    [InlineData("- name: f\n  flocker: {datasetName: a, datasetUUID: b}", "spec.volumes[0].flocker", SpecErrorType.Invalid)]
    [InlineData("- name: f\n  flocker: {datasetName: a/b}", "spec.volumes[0].flocker.datasetName", SpecErrorType.Invalid)]
    [InlineData("- name: r\n  rbd: {image: i}", "spec.volumes[0].rbd.monitors", SpecErrorType.Required)]
    [InlineData("- name: r\n  rbd: {monitors: []}", "spec.volumes[0].rbd.monitors", SpecErrorType.Required)]
    [InlineData("- name: r\n  rbd: {monitors: [m]}", "spec.volumes[0].rbd.image", SpecErrorType.Required)]
    [InlineData("- name: f\n  flexVolume: {options: {}}", "spec.volumes[0].flexVolume.driver", SpecErrorType.Required)]
    [InlineData("- name: f\n  flexVolume: {driver: d, options: {kubernetes.io/x: y}}", "spec.volumes[0].flexVolume.options[kubernetes.io/x]", SpecErrorType.Invalid)]
    [InlineData("- name: f\n  flexVolume: {driver: d, options: {foo.K8S.io/x: y}}", "spec.volumes[0].flexVolume.options[foo.K8S.io/x]", SpecErrorType.Invalid)]
    [InlineData("- name: c\n  cinder: {}", "spec.volumes[0].cinder.volumeID", SpecErrorType.Required)]
    [InlineData("- name: c\n  cinder: {volumeID: v, secretRef: {}}", "spec.volumes[0].cinder.secretRef.name", SpecErrorType.Required)]
    [InlineData("- name: c\n  cephfs: {path: /}", "spec.volumes[0].cephfs.monitors", SpecErrorType.Required)]
    [InlineData("- name: fc\n  fc: {lun: 1}", "spec.volumes[0].fc.targetWWNs", SpecErrorType.Required)]
    [InlineData("- name: fc\n  fc: {targetWWNs: [a], wwids: [b], lun: 1}", "spec.volumes[0].fc.targetWWNs", SpecErrorType.Invalid)]
    [InlineData("- name: fc\n  fc: {targetWWNs: [a]}", "spec.volumes[0].fc.lun", SpecErrorType.Required)]
    [InlineData("- name: fc\n  fc: {targetWWNs: [a], lun: 300}", "spec.volumes[0].fc.lun", SpecErrorType.Invalid)]
    [InlineData("- name: ebs\n  awsElasticBlockStore: {fsType: ext4}", "spec.volumes[0].awsElasticBlockStore.volumeID", SpecErrorType.Required)]
    [InlineData("- name: ebs\n  awsElasticBlockStore: {volumeID: v, partition: 256}", "spec.volumes[0].awsElasticBlockStore.partition", SpecErrorType.Invalid)]
    [InlineData("- name: pd\n  gcePersistentDisk: {fsType: ext4}", "spec.volumes[0].persistentDisk.pdName", SpecErrorType.Required)]
    [InlineData("- name: pd\n  gcePersistentDisk: {pdName: d, partition: -1}", "spec.volumes[0].persistentDisk.partition", SpecErrorType.Invalid)]
    [InlineData("- name: az\n  azureFile: {shareName: s}", "spec.volumes[0].azureFile.secretName", SpecErrorType.Required)]
    [InlineData("- name: az\n  azureFile: {secretName: s}", "spec.volumes[0].azureFile.shareName", SpecErrorType.Required)]
    [InlineData("- name: az\n  azureDisk: {diskURI: https://a/b.vhd}", "spec.volumes[0].azureDisk.diskName", SpecErrorType.Required)]
    [InlineData("- name: az\n  azureDisk: {diskName: d, diskURI: https://a/b.vhd, cachingMode: Always}", "spec.volumes[0].azureDisk.cachingMode", SpecErrorType.NotSupported)]
    [InlineData("- name: az\n  azureDisk: {diskName: d, diskURI: https://a/b.vhd, kind: Blob}", "spec.volumes[0].azureDisk.kind", SpecErrorType.NotSupported)]
    // kind defaults to Shared, a blob disk: a managed disk's URI needs kind: Managed.
    [InlineData("- name: az\n  azureDisk: {diskName: d, diskURI: /subscriptions/x/resourcegroups/g/providers/microsoft.compute/disks/d}", "spec.volumes[0].azureDisk.diskURI", SpecErrorType.NotSupported)]
    [InlineData("- name: az\n  azureDisk: {diskName: d, diskURI: https://a/b.vhd, kind: Managed}", "spec.volumes[0].azureDisk.diskURI", SpecErrorType.NotSupported)]
    [InlineData("- name: vs\n  vsphereVolume: {fsType: ext4}", "spec.volumes[0].vsphereVolume.volumePath", SpecErrorType.Required)]
    [InlineData("- name: q\n  quobyte: {volume: v}", "spec.volumes[0].quobyte.registry", SpecErrorType.Required)]
    [InlineData("- name: q\n  quobyte: {registry: \"r:1\"}", "spec.volumes[0].quobyte.volume", SpecErrorType.Required)]
    [InlineData("- name: q\n  quobyte: {registry: registry, volume: v}", "spec.volumes[0].quobyte.registry", SpecErrorType.Invalid)]
    [InlineData("- name: q\n  quobyte: {registry: \"a:1:2\", volume: v}", "spec.volumes[0].quobyte.registry", SpecErrorType.Invalid)]
    [InlineData("- name: q\n  quobyte: {registry: \"r:1\", volume: v, tenant: \"01234567890123456789012345678901234567890123456789012345678901234\"}", "spec.volumes[0].quobyte.tenant", SpecErrorType.Required)]
    [InlineData("- name: ph\n  photonPersistentDisk: {fsType: ext4}", "spec.volumes[0].photonPersistentDisk.pdID", SpecErrorType.Required)]
    [InlineData("- name: px\n  portworxVolume: {fsType: ext4}", "spec.volumes[0].portworxVolume.volumeID", SpecErrorType.Required)]
    [InlineData("- name: sio\n  scaleIO: {system: s, volumeName: v, secretRef: {name: s}}", "spec.volumes[0].scaleIO.gateway", SpecErrorType.Required)]
    [InlineData("- name: sio\n  scaleIO: {gateway: g, volumeName: v, secretRef: {name: s}}", "spec.volumes[0].scaleIO.system", SpecErrorType.Required)]
    [InlineData("- name: sio\n  scaleIO: {gateway: g, system: s, secretRef: {name: s}}", "spec.volumes[0].scaleIO.volumeName", SpecErrorType.Required)]
    [InlineData("- name: so\n  storageos: {volumeNamespace: ns}", "spec.volumes[0].storageos.volumeName", SpecErrorType.Required)]
    [InlineData("- name: so\n  storageos: {volumeName: Vol_1}", "spec.volumes[0].storageos.volumeName", SpecErrorType.Invalid)]
    [InlineData("- name: so\n  storageos: {volumeName: v, volumeNamespace: NS}", "spec.volumes[0].storageos.volumeNamespace", SpecErrorType.Invalid)]
    [InlineData("- name: so\n  storageos: {volumeName: v, secretRef: {}}", "spec.volumes[0].storageos.secretRef.name", SpecErrorType.Required)]
    [InlineData("- name: csi\n  csi: {readOnly: true}", "spec.volumes[0].csi.driver", SpecErrorType.Required)]
    [InlineData("- name: csi\n  csi: {driver: my_driver}", "spec.volumes[0].csi.driver", SpecErrorType.Invalid)]
    [InlineData("- name: csi\n  csi: {driver: a-driver-name-that-is-much-longer-than-sixty-three-characters.example.com}", "spec.volumes[0].csi.driver", SpecErrorType.TooLong)]
    [InlineData("- name: csi\n  csi: {driver: d, nodePublishSecretRef: {}}", "spec.volumes[0].csi.nodePublishSecretRef .name", SpecErrorType.Required)]
    [InlineData("- name: csi\n  csi: {driver: d, nodePublishSecretRef: {name: Bad_Name}}", "spec.volumes[0].csi.name", SpecErrorType.Invalid)]
    public void Invalid_volumes_are_errors_at_the_servers_path(string volumes, string path, object type) =>
        Volumes(volumes).Single(path, (SpecErrorType)type);

    [Fact]
    public void An_ephemeral_volume_says_why_it_has_no_type()
    {
        var error = Volumes("- name: e\n  ephemeral: {volumeClaimTemplate: {spec: {}}}").Single("spec.volumes[0]", SpecErrorType.Required);
        Assert.StartsWith("spec.volumes[0]: Required value: must specify a volume type", error.Message);
        Assert.Contains("GenericEphemeralVolume", error.Message);
    }

    [Fact]
    public void A_third_source_is_forbidden_too_and_only_the_first_is_validated()
    {
        var errors = Volumes("- name: three\n  secret: {}\n  nfs: {}\n  configMap: {}");
        errors.Single("spec.volumes[0].secret.secretName", SpecErrorType.Required);
        errors.Single("spec.volumes[0].nfs", SpecErrorType.Forbidden);
        errors.Single("spec.volumes[0].configMap", SpecErrorType.Forbidden);
        Assert.Equal(3, errors.Errors().Length);
    }

    [Fact]
    public void Messages_are_the_servers()
    {
        Assert.Equal("spec.volumes[1].name: Duplicate value: \"a\"", Volumes("- name: a\n- name: a").Single("spec.volumes[1].name", SpecErrorType.Duplicate).Message);
        Assert.Equal("spec.volumes[0].hostPath.path: Invalid value: \"/a/../b\": must not contain '..'",
            Volumes("- name: h\n  hostPath: {path: /a/../b}").Single("spec.volumes[0].hostPath.path", SpecErrorType.Invalid).Message);
        Assert.Equal("spec.volumes[0].hostPath.type: Unsupported value: \"Dir\": supported values: \"\", \"BlockDevice\", \"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\"",
            Volumes("- name: h\n  hostPath: {path: /x, type: Dir}").Single("spec.volumes[0].hostPath.type", SpecErrorType.NotSupported).Message);
        Assert.Equal("spec.volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity",
            Volumes("- name: e\n  emptyDir: {sizeLimit: -1Gi}").Single("spec.volumes[0].emptyDir.sizeLimit", SpecErrorType.Forbidden).Message);
        Assert.Equal("spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type",
            Volumes("- name: two\n  emptyDir: {}\n  hostPath: {path: /x}").Single("spec.volumes[0].hostPath", SpecErrorType.Forbidden).Message);
    }

    [Fact]
    public void A_leading_zero_mode_is_octal_as_the_server_reads_yaml()
    {
        // 0644 is 420: valid. 01000 is 512: one past 0777; the server prints the decimal value.
        Volumes("- name: s\n  secret: {secretName: s, defaultMode: 0644}").AssertValid();
        var error = Volumes("- name: s\n  secret: {secretName: s, defaultMode: 01000}").Single("spec.volumes[0].secret.defaultMode", SpecErrorType.Invalid);
        Assert.StartsWith("spec.volumes[0].secret.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive", error.Message);
    }

    [Fact]
    public void Dotdot_is_both_a_backstep_and_a_reserved_start()
    {
        var errors = Volumes("- name: s\n  secret: {secretName: s, items: [{key: k, path: ..}]}");
        Assert.Equal(new[]
        {
            "spec.volumes[0].secret.items[0].path: Invalid value: \"..\": must not contain '..'",
            "spec.volumes[0].secret.items[0].path: Invalid value: \"..\": must not start with '..'",
        }, errors.Errors());
    }

    [Fact]
    public void Only_valid_volumes_are_returned_by_name()
    {
        var spec = SpecValidationKit.Root("volumes:\n- name: good\n- name: bad\n  hostPath: {}\n- name: good\n  emptyDir: {}\n");
        var validation = new SpecValidation(new SpecOptions(), spec);
        var root = new SpecNode(spec, FieldPath.Of("spec"));
        var volumes = VolumeValidation.ValidateVolumes(validation, root["volumes"], root["metadata"]);
        Assert.Equal(new[] { "good" }, volumes.Keys.ToArray());
        Assert.Equal("spec.volumes[0]", volumes["good"].Path.ToString());
        validation.Errors.Single("spec.volumes[2].name", SpecErrorType.Duplicate);
    }

    [Fact]
    public void Volumes_of_a_job_template_have_the_templates_path()
    {
        var errors = SpecValidationKit.Job("""
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: j
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: main
                    image: busybox:1
                  volumes:
                  - name: cfg
                    configMap: {}
            """);
        errors.Single("spec.template.spec.volumes[0].configMap.name", SpecErrorType.Required);
    }
}
