#!/usr/bin/env bash
# The browser test (GraphiQL explorer in Debian's Chromium). Called by .ci/run; installs Chromium when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
fi
npm run -s test:browser
