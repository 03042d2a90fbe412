namespace PciZone.Rules.Aws.Inspector;

internal sealed class InspectorEcrScanningEnabled : InspectorScanRule
{
    protected override string ScanType => "ECR";

    protected override string Scans => "container images in ECR";
}
