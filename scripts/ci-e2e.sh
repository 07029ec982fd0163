#!/usr/bin/env bash
# The VS Code end-to-end test, from a clean clone: installs what is missing (Debian's chromium and
# libkrb5-dev; Node 24 and code-server into ~/.cache/dockerlayer-e2e, once per machine), builds
# the platform-specific .vsix with the NativeAOT server, installs it into code-server and drives
# it in headless Chromium (scripts/e2e/run-e2e.mjs).
#
# Ends with one line "N passed, N failed" and exits non-zero on any failure.
# DOCKERLAYER_AOT_BINARY (set by scripts/test.sh) reuses an already published server.
set -uo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }
fail() { echo "ci-e2e.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }
started=$SECONDS

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]} (apt)"
  [ "$(id -u)" = 0 ] || fail "need root to apt-get install ${missing[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
    || fail "apt-get install ${missing[*]} failed"
fi

step "Node 24 and code-server (cached per machine)"
bash scripts/e2e/install-code-server.sh || fail "installing Node 24 / code-server failed"

step "npm ci"
npm ci --no-audit --no-fund || fail "npm ci failed"

step "packaging the extension"
export DOCKERLAYER_SERVER_BINARY="${DOCKERLAYER_SERVER_BINARY:-${DOCKERLAYER_AOT_BINARY:-}}"
npm run package || fail "npm run package failed"

step "end-to-end test in code-server"
node scripts/e2e/run-e2e.mjs
status=$?
echo "ci-e2e.sh: took $((SECONDS - started)) s"
exit $status
