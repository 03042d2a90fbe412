namespace PciZone.Rules.Aws.Inspector;

internal sealed class InspectorLambdaStandardScanningEnabled : InspectorScanRule
{
    protected override string ScanType => "LAMBDA";

    protected override string Scans => "Lambda function dependencies";
}
