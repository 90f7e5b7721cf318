#!/usr/bin/env bash
# The browser test (GraphiQL explorer in Debian's Chromium). Called by .ci/run; installs Chromium when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
fi
# The PwD view has Hindi labels: without a Devanagari font Chromium draws boxes in its screenshots.
if ! fc-list 2>/dev/null | grep -qi 'lohit.*devanagari\|devanagari'; then
  echo "== installing a Devanagari font (fonts-lohit-deva)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y fonts-lohit-deva >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y fonts-lohit-deva >/dev/null; } || echo "(no Devanagari font: the Hindi screenshot will show boxes)"
fi
npm run -s test:browser
