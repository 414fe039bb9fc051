#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the end-to-end tests (never a
# browser download), and prints its path.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium >&2
fi
command -v chromium
