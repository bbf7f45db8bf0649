using Flows.Manifests;

namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>The API server's imagePullPolicy default, as SetDefaults_Container and ParseImageName give it.</summary>
public class ImagePullPolicyDefaultTests
{
    [Theory]
    [InlineData("busybox", "Always")]
    [InlineData("busybox:latest", "Always")]
    [InlineData("localhost:5000/busybox", "Always")]
    [InlineData("localhost:5000/flows/app:latest", "Always")]
    [InlineData("localhost:5000/busybox:1", "IfNotPresent")]
    [InlineData("localhost:5000/busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "IfNotPresent")]
    [InlineData("busybox:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "Always")]
    [InlineData("busybox:1.36@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "IfNotPresent")]
    [InlineData("registry.example:443/team/app:Latest", "IfNotPresent")]
    public void An_absent_policy_is_Always_for_latest_or_no_tag_and_IfNotPresent_otherwise(string image, string expected) =>
        Assert.Equal(expected, ImagePullPolicyDefault.For(image));
}
