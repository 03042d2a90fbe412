namespace PciZone.Rules.Aws.Inspector;

internal sealed class InspectorEc2ScanningEnabled : InspectorScanRule
{
    protected override string ScanType => "EC2";

    protected override string Scans => "EC2 instances for software vulnerabilities and network exposure";
}
