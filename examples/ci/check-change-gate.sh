#!/bin/sh
# Asks Backstage ITSM whether a deployment of a service may proceed now (or
# at a given time): GET /api/itsm/changes/gate. Prints the answer and its
# reasons; exits 0 when allowed, 1 when blocked, 2 when it could not ask.
#
#   BACKSTAGE_URL=https://backstage.example.com ITSM_API_TOKEN=… \
#     sh check-change-gate.sh component:default/payments-api [2026-12-24T10:00:00Z]
#
# ITSM_API_TOKEN is a Backstage static external-access token allowed to call
# the itsm plugin (backend.auth.externalAccess). Needs curl, and jq or node.
set -eu

usage() {
  echo "usage: $0 <entityRef> [at (ISO 8601)]" >&2
  echo "  env: ITSM_API_TOKEN (required), BACKSTAGE_URL (default http://localhost:7007)" >&2
  exit 2
}

entity_ref=${1:-}
at=${2:-}
[ -n "$entity_ref" ] || usage
if [ -z "${ITSM_API_TOKEN:-}" ]; then
  echo "ITSM_API_TOKEN is not set: a Backstage external-access token for the itsm plugin" >&2
  exit 2
fi
base_url=${BACKSTAGE_URL:-http://localhost:7007}
base_url=${base_url%/}

# Reads the gate's JSON on stdin and prints one of: the verdict line, the
# reasons, or the error message. With jq when there is one, else with node;
# fails on a body that is not JSON.
json() {
  if command -v jq >/dev/null 2>&1; then
    case $1 in
      verdict) jq -r '"\(.entityRef) at \(.at): " + (if .allowed then "ALLOWED" + (if .until then " until \(.until)" else "" end) else "BLOCKED" end)' ;;
      allowed) jq -r '.allowed' ;;
      reasons) jq -r '.reasons[] | "  - \(.message)"' ;;
      error) jq -r '.error.message // "no error message"' ;;
    esac
  else
    node -e '
      let text = "";
      process.stdin.on("data", d => (text += d)).on("end", () => {
        const what = process.argv[1];
        let body;
        try { body = JSON.parse(text); } catch { process.exit(3); }
        if (what === "verdict") console.log(`${body.entityRef} at ${body.at}: ` + (body.allowed ? "ALLOWED" + (body.until ? ` until ${body.until}` : "") : "BLOCKED"));
        if (what === "allowed") console.log(String(body.allowed));
        if (what === "reasons") for (const r of body.reasons) console.log(`  - ${r.message}`);
        if (what === "error") console.log(body.error?.message ?? "no error message");
      });
    ' "$1"
  fi
}

body_file=$(mktemp)
trap 'rm -f "$body_file"' EXIT

set -- -sS -G -o "$body_file" -w '%{http_code}' \
  -H "Authorization: Bearer $ITSM_API_TOKEN" \
  --data-urlencode "entityRef=$entity_ref"
[ -z "$at" ] || set -- "$@" --data-urlencode "at=$at"

if ! status=$(curl "$@" "$base_url/api/itsm/changes/gate"); then
  echo "Could not reach $base_url/api/itsm/changes/gate" >&2
  exit 2
fi
if [ "$status" != 200 ]; then
  message=$(json error <"$body_file" 2>/dev/null || head -c 300 "$body_file")
  echo "The change gate answered HTTP $status: $message" >&2
  exit 2
fi

echo "Change gate: $(json verdict <"$body_file")"
json reasons <"$body_file"
[ "$(json allowed <"$body_file")" = true ] && exit 0
exit 1
