namespace PciZone.LandingZone.Spec;

/// <summary>
/// Every key the spec knows, per section. The published JSON schema lists the same keys; a test keeps
/// them equal, so the schema never drifts from what the reader accepts.
/// </summary>
public static class SpecKeys
{
    public static readonly string[] Root = ["version", "organization", "state", "accounts", "network", "identity", "logging", "tags", "guardrails"];
    public static readonly string[] Organization = ["name", "homeRegion", "allowedRegions", "deploymentRole", "breakGlassRole", "securityContact"];
    public static readonly string[] SecurityContact = ["name", "title", "email", "phone"];
    public static readonly string[] State = ["bucket", "region", "keyPrefix"];
    public static readonly string[] Account = ["email", "ou", "cardholderData", "tags", "vpcs"];
    public static readonly string[] Vpc = ["cidr", "region", "internetEdge", "domainName"];
    public static readonly string[] Network = ["transitGatewayAsn", "availabilityZones", "subnetNewbits", "appPort", "dbPort"];
    public static readonly string[] Identity = ["instanceArn", "identityStoreId", "groups"];
    public static readonly string[] Group = ["name", "description", "permissionSet", "accounts"];
    public static readonly string[] Logging = ["retentionDays", "immediatelyAvailableDays", "objectLockMode", "alarmEmail"];
    public static readonly string[] Guardrails = ["disable", "custom"];
    public static readonly string[] DisabledGuardrail = ["id", "reason"];
    public static readonly string[] CustomPolicy = ["name", "description", "targets", "document"];
}
