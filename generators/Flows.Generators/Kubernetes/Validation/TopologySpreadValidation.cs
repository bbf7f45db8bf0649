using System;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// validateTopologySpreadConstraints and ValidateMaxSkew, ValidateTopologyKey, ValidateWhenUnsatisfiable,
/// ValidateSpreadConstraintNotRepeat of pkg/apis/core/validation (1.20).
/// </summary>
/// <remarks>
/// Not checked at build time, and why: nothing of these; 1.20 does not validate a constraint's labelSelector
/// (nor does it require one).
/// </remarks>
internal static class TopologySpreadValidation
{
    private static readonly string[] SupportedScheduleActions = { "DoNotSchedule", "ScheduleAnyway" };

    /// <summary>validateTopologySpreadConstraints.</summary>
    public static void ValidateTopologySpreadConstraints(SpecValidation validation, SpecNode constraints)
    {
        var items = constraints.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var constraint = items[i];
            // ValidateMaxSkew
            var maxSkew = constraint["maxSkew"];
            var skew = maxSkew.Integer ?? 0;
            if (skew <= 0)
            {
                validation.Errors.Invalid(maxSkew, skew, "must be greater than zero");
            }
            // ValidateTopologyKey
            var topologyKey = constraint["topologyKey"];
            if (topologyKey.StringOrEmpty.Length == 0)
            {
                validation.Errors.Required(topologyKey, "can not be empty");
            }
            // ValidateWhenUnsatisfiable
            var whenUnsatisfiable = constraint["whenUnsatisfiable"];
            var action = whenUnsatisfiable.StringOrEmpty;
            if (Array.IndexOf(SupportedScheduleActions, action) < 0)
            {
                validation.Errors.NotSupported(whenUnsatisfiable, action, SupportedScheduleActions);
            }
            // ValidateSpreadConstraintNotRepeat: the tuple {topologyKey, whenUnsatisfiable} denotes one kind of spread constraint.
            for (var j = i + 1; j < items.Count; j++)
            {
                if (items[j]["topologyKey"].StringOrEmpty == topologyKey.StringOrEmpty && items[j]["whenUnsatisfiable"].StringOrEmpty == action)
                {
                    validation.Errors.Duplicate(PodValidation.At(constraint, constraint.Path.Child("{topologyKey, whenUnsatisfiable}")),
                        "{" + topologyKey.StringOrEmpty + ", " + action + "}");
                    break;
                }
            }
        }
    }
}
