using System.Linq;
using Microsoft.CodeAnalysis;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>The Kubernetes analyzer reports exactly FLOW030–FLOW048, FLOW077, FLOW078 and the YAML loader's FLOW080 and FLOW081 and the security checks FLOW082, FLOW083 and FLOW085, each with the documented severity.</summary>
public class KubernetesDiagnosticsCatalogueTests
{
    [Fact]
    public void The_analyzer_supports_FLOW030_to_FLOW048_and_the_API_server_rules()
    {
        var ids = new KubernetesJobAnalyzer().SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id);
        Assert.Equal(Enumerable.Range(30, 19).Select(n => "FLOW0" + n).Concat(new[] { "FLOW077", "FLOW078", "FLOW080", "FLOW081", "FLOW082", "FLOW083", "FLOW085" }), ids);
    }

    [Fact]
    public void The_warnings_are_the_ones_a_working_job_may_have()
    {
        var warnings = new KubernetesJobAnalyzer().SupportedDiagnostics
            .Where(d => d.DefaultSeverity == DiagnosticSeverity.Warning)
            .Select(d => d.Id)
            .OrderBy(id => id);
        Assert.Equal(new[] { "FLOW040", "FLOW041", "FLOW043", "FLOW044", "FLOW045", "FLOW078", "FLOW082", "FLOW083", "FLOW085" }, warnings);
    }

    [Fact]
    public void A_missing_image_tag_is_information_since_build_derives_one()
    {
        var infos = new KubernetesJobAnalyzer().SupportedDiagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Info).Select(d => d.Id);
        Assert.Equal(new[] { "FLOW047" }, infos);
    }
}
