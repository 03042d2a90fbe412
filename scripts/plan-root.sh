#!/usr/bin/env bash
# Plans a Terraform root folder in place with real `terraform plan` (offline provider mirror) and
# writes DIR/plan.json (terraform show -json) and DIR/plan.sha256 (hashes of every .tf under DIR,
# so that a test can tell when the plan is stale).
#
#   scripts/plan-root.sh DIR...
#
# The folder must not configure the provider itself: a mock provider block is added to a temporary
# copy, so the .tf files stay what a user would write.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
export TF_CLI_CONFIG_FILE="$repo/tools/terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
for dir in "$@"; do
  dir=$(cd "$dir" && pwd)
  tmp=$(mktemp -d)
  (cd "$dir" && find . -name "*.tf" -not -path "*/.terraform/*" -exec cp --parents {} "$tmp" \;)
  cp "$repo/tools/mock-provider.tf" "$tmp/zz_pcizone_mock_provider.tf"
  if ! (cd "$tmp" && terraform init -input=false -no-color >/dev/null && terraform plan -input=false -no-color -refresh=false -out=plan.bin >plan.log 2>&1); then
    echo "FAILED: $dir" >&2; cat "$tmp/plan.log" >&2; rm -rf "$tmp"; exit 1
  fi
  (cd "$tmp" && terraform show -json plan.bin) > "$dir/plan.json"
  (cd "$dir" && find . -name '*.tf' -not -path '*/.terraform/*' | LC_ALL=C sort | xargs sha256sum) > "$dir/plan.sha256"
  rm -rf "$tmp"
  echo "planned: ${dir#$repo/}"
done
