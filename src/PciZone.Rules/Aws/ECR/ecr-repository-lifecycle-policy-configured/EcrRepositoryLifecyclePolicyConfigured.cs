using PciZone.Estate;

namespace PciZone.Rules.Aws.ECR;

internal sealed class EcrRepositoryLifecyclePolicyConfigured : ResourceRule<EcrRepository>
{
    protected override Outcome Check(EcrRepository repository, RuleContext context) =>
        Outcome.MustBeTrue(repository.HasLifecyclePolicy, "A lifecycle policy expires old images.", "The repository has no lifecycle policy: old, unpatched images stay available to deploy.");
}
