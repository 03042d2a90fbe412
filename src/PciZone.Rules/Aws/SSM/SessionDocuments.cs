using PciZone.Estate;

namespace PciZone.Rules.Aws.SSM;

/// <summary>Base for rules over Session Manager preferences: Session documents of session type Standard_Stream.</summary>
internal abstract class SessionPreferencesRule : ResourceRule<SsmDocument>
{
    protected override bool AppliesTo(SsmDocument document, RuleContext context) =>
        document.DocumentType.GetOrDefault() == "Session" && !(document.SessionPreferences.IsKnown && document.SessionPreferences.Get() is null);

    protected override Outcome Check(SsmDocument document, RuleContext context) =>
        document.SessionPreferences.IsUnknown
            ? Outcome.Unknown($"The session preferences cannot be read: {document.SessionPreferences.UnknownReason}.", document.SessionPreferences.Source)
            : Check(document.SessionPreferences.Get()!);

    /// <summary>The rule's logic over the preferences.</summary>
    protected abstract Outcome Check(SessionManagerPreferences preferences);
}
