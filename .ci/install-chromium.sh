#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (test/browser), unless it is already there.
# Idempotent: does nothing when /usr/bin/chromium exists. Fonts come too, so that pages and
# screenshots render text the same on a fresh machine.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-liberation >/dev/null
/usr/bin/chromium --version
