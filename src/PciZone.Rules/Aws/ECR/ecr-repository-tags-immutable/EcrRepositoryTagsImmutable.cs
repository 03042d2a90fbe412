using PciZone.Estate;

namespace PciZone.Rules.Aws.ECR;

internal sealed class EcrRepositoryTagsImmutable : ResourceRule<EcrRepository>
{
    protected override Outcome Check(EcrRepository repository, RuleContext context) =>
        Outcome.MustBeTrue(repository.TagMutability.Map(m => m.StartsWith("IMMUTABLE", StringComparison.Ordinal)),
            $"Image tags are immutable ({repository.TagMutability.GetOrDefault()}).",
            $"Image tags are mutable ({repository.TagMutability.GetOrDefault()}{(repository.TagMutability.IsDefault ? ", the default" : "")}): a pushed image can silently replace a reviewed one under the same tag.");
}
