#!/usr/bin/env bash
# Plans the bundled example (examples/payment-gateway/terraform) with real `terraform plan` against
# the offline provider mirror and writes plan.json next to the .tf files, so that findings point at
# .tf lines. plan.sha256 records the .tf files the plan was made from (a test compares them).
#
#   scripts/plan-example.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
src="$repo/examples/payment-gateway/terraform"
export TF_CLI_CONFIG_FILE="$repo/tools/terraformrc"
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
mkdir -p "${TF_PLUGIN_CACHE_DIR:=$repo/.terraform-cache}"; export TF_PLUGIN_CACHE_DIR

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src"/*.tf "$tmp/"
# The example carries no provider block (a real deployment configures its own); planning offline
# needs one that never calls AWS.
cat > "$tmp/zz_offline_provider.tf" <<'TF'
provider "aws" {
  region                      = "eu-west-1"
  access_key                  = "mock"
  secret_key                  = "mock"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}
TF
if ! (cd "$tmp" && terraform init -input=false -no-color >/dev/null \
      && terraform plan -input=false -no-color -refresh=false -out=plan.bin >"$tmp/plan.log" 2>&1); then
  echo "FAILED: terraform plan of $src" >&2; cat "$tmp/plan.log" >&2; exit 1
fi
(cd "$tmp" && terraform show -json plan.bin) > "$src/plan.json"
(cd "$src" && sha256sum *.tf | sort -k2) > "$src/plan.sha256"
echo "planned: ${src#$repo/}/plan.json"
