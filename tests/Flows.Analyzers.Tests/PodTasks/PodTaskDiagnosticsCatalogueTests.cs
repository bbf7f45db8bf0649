using System.Linq;
using Microsoft.CodeAnalysis;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>The pod task analyzer reports exactly FLOW060–FLOW076, FLOW077, FLOW078 and the YAML loader's FLOW080 and FLOW081 and the security checks FLOW082, FLOW083 and FLOW085, each with the documented severity (FLOW084 and FLOW086 are the flow parser's).</summary>
public class PodTaskDiagnosticsCatalogueTests
{
    [Fact]
    public void The_analyzer_supports_FLOW060_to_FLOW076_and_the_API_server_rules()
    {
        var ids = new PodTaskAnalyzer().SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id);
        Assert.Equal(Enumerable.Range(60, 17).Select(n => "FLOW0" + n).Concat(new[] { "FLOW077", "FLOW078", "FLOW080", "FLOW081", "FLOW082", "FLOW083", "FLOW085" }), ids);
    }

    [Fact]
    public void The_warnings_are_the_ones_a_working_pod_may_have()
    {
        var warnings = new PodTaskAnalyzer().SupportedDiagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Warning).Select(d => d.Id).OrderBy(id => id);
        Assert.Equal(new[] { "FLOW064", "FLOW074", "FLOW075", "FLOW078", "FLOW082", "FLOW083", "FLOW085" }, warnings);
    }

    [Fact]
    public void A_missing_image_tag_is_information()
    {
        var infos = new PodTaskAnalyzer().SupportedDiagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Info).Select(d => d.Id);
        Assert.Equal(new[] { "FLOW071" }, infos);
    }
}
