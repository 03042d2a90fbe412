using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class TransitGatewayAutoAcceptedAttachmentsNotRouted : ResourceRule<TransitGateway>
{
    protected override Outcome Check(TransitGateway tgw, RuleContext context)
    {
        var auto = tgw.AutoAcceptSharedAttachments;
        if (auto.IsUnknown)
        {
            return Outcome.Unknown($"auto_accept_shared_attachments is unknown: {auto.UnknownReason}.", auto.Source);
        }

        if (!auto.Get())
        {
            return Outcome.Pass("The transit gateway does not accept shared attachments automatically.");
        }

        foreach (var (setting, name) in new[] { (tgw.DefaultRouteTableAssociation, "association"), (tgw.DefaultRouteTablePropagation, "propagation") })
        {
            if (setting.IsUnknown)
            {
                return Outcome.Unknown($"Shared attachments are accepted automatically and default route table {name} is unknown: {setting.UnknownReason}.", setting.Source);
            }

            if (setting.Get())
            {
                return Outcome.Fail(
                    $"Shared attachments are accepted automatically and default route table {name} is on, so any account the gateway is shared with joins the routing domain without review.",
                    setting.Source);
            }
        }

        return Outcome.Pass("Shared attachments are accepted automatically, but with default association and propagation off they reach nothing until placed in a route table explicitly.");
    }
}
