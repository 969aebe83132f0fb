#!/usr/bin/env bash
# Installs the Debian packages the tests need, only when missing (a second run is fast). Every
# prerequisite a test would otherwise skip for is here: in CI (CI=true) such a skip is a failure.
set -euo pipefail
need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || command -v initdb >/dev/null || need+=(postgresql postgresql-contrib)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "NotoSans-Regular" || need+=(fonts-noto-core)
[ -x /usr/sbin/clamd ] || command -v clamd >/dev/null || need+=(clamav-daemon)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v node >/dev/null || need+=(nodejs)  # the feedback form's proof-of-work solver is tested in node
[ -x /usr/sbin/varnishd ] || need+=(varnish)  # the front cache: tests/test_deploy_files.py, tests/test_stack.py
[ -x /usr/bin/redis-server ] || need+=(redis-server)  # the task broker of the production stack: tests/test_stack.py
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Missing Debian packages: ${need[*]} (run as root or install them)"; exit 1
  fi
  echo "Installing Debian packages: ${need[*]}"
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
