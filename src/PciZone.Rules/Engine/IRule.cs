using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules;

/// <summary>Everything a rule may read: the estate and the clock. Rules do no I/O.</summary>
public sealed record RuleContext(AwsEstate Estate, TimeProvider Time)
{
    /// <summary>CDE selectors and approved flows for the segmentation rules (the config's <c>scope:</c> section).</summary>
    public Scope.ScopeOptions Scope { get; init; } = PciZone.Scope.ScopeOptions.Default;
}

/// <summary>A rule: metadata plus pure logic over the estate.</summary>
public interface IRule
{
    /// <summary>Metadata from the rule's rule.yaml.</summary>
    RuleDescriptor Descriptor { get; }

    /// <summary>Estate types the rule reads.</summary>
    IReadOnlyList<Type> EstateTypes { get; }

    /// <summary>Evaluates every resource the rule applies to, in estate order.</summary>
    IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context);
}

/// <summary>Base for the usual rule: one outcome per resource of one estate type.</summary>
public abstract class ResourceRule<T> : IRule
    where T : Resource
{
    /// <inheritdoc />
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    /// <inheritdoc />
    public virtual IReadOnlyList<Type> EstateTypes => [typeof(T)];

    /// <inheritdoc />
    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context)
    {
        foreach (var r in context.Estate.OfType<T>())
        {
            if (AppliesTo(r, context))
            {
                yield return (r, Check(r, context));
            }
        }
    }

    /// <summary>False to skip a resource the rule does not apply to (no finding at all).</summary>
    protected virtual bool AppliesTo(T resource, RuleContext context) => true;

    /// <summary>The rule's logic for one resource.</summary>
    protected abstract Outcome Check(T resource, RuleContext context);
}
