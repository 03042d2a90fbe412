#!/usr/bin/env bash
# Regenerates the Terraform plan JSON of rule fixtures with real `terraform plan` (offline mirror).
#
#   scripts/plan-fixtures.sh                 every rule folder
#   scripts/plan-fixtures.sh PATH...         only these rule folders (or any folder holding fixtures/terraform)
#
# For each folder, every fixtures/terraform/*.tf becomes one module of a temporary root; the root is
# planned once and `terraform show -json` is written to fixtures/terraform/plan.json. The SHA-256 of
# each .tf is written to fixtures/terraform/plan.sha256 so that a test can tell a stale plan.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
export TF_CLI_CONFIG_FILE="$repo/tools/terraformrc"
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1

plan_one() {
  local dir=$1 fx="$1/fixtures/terraform"
  [ -d "$fx" ] || return 0
  shopt -s nullglob
  local files=("$fx"/*.tf)
  [ ${#files[@]} -gt 0 ] || return 0
  local tmp; tmp=$(mktemp -d)
  cat > "$tmp/main.tf" <<'TF'
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
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
  : > "$fx/plan.sha256.tmp"
  for f in "${files[@]}"; do
    local name; name=$(basename "$f" .tf)
    mkdir -p "$tmp/$name" && cp "$f" "$tmp/$name/main.tf"
    printf 'module "%s" {\n  source = "./%s"\n}\n' "$name" "$name" >> "$tmp/main.tf"
    (cd "$fx" && sha256sum "$(basename "$f")") >> "$fx/plan.sha256.tmp"
  done
  if ! (cd "$tmp" && terraform init -input=false -no-color >/dev/null && terraform plan -input=false -no-color -refresh=false -out=plan.bin >"$tmp/plan.log" 2>&1); then
    echo "FAILED: $dir" >&2; cat "$tmp/plan.log" >&2; rm -rf "$tmp" "$fx/plan.sha256.tmp"; return 1
  fi
  (cd "$tmp" && terraform show -json plan.bin) > "$fx/plan.json"
  [ -s "$fx/plan.json" ] || { echo "FAILED: $dir (empty plan.json)" >&2; rm -rf "$tmp"; return 1; }
  sort -k2 "$fx/plan.sha256.tmp" > "$fx/plan.sha256" && rm "$fx/plan.sha256.tmp"
  rm -rf "$tmp"
  echo "planned: ${dir#$repo/}"
}
export -f plan_one
export repo

if [ $# -gt 0 ]; then dirs=("$@"); else
  mapfile -t dirs < <(find "$repo/src" "$repo/examples" -type d -path '*/fixtures/terraform' -printf '%h\n' | xargs -r -n1 dirname | sort -u)
fi
printf '%s\n' "${dirs[@]}" | xargs -r -P "${JOBS:-2}" -I{} bash -c 'plan_one "$(cd "{}" && pwd)"'
