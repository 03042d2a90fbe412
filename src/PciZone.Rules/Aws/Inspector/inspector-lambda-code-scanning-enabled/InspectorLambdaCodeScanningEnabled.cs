namespace PciZone.Rules.Aws.Inspector;

internal sealed class InspectorLambdaCodeScanningEnabled : InspectorScanRule
{
    protected override string ScanType => "LAMBDA_CODE";

    protected override string Scans => "Lambda function code";
}
