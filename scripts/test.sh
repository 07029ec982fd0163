#!/usr/bin/env bash
# Runs every test of the project from a clean clone: builds the solution, publishes the NativeAOT
# server, runs the xunit assemblies (unit, corpus, LSP over stdio, Neovim) and, unless
# DOCKERLAYER_SKIP_E2E=1, the VS Code end-to-end test in code-server. Installs what the tests need.
# Ends with one line "N passed, N failed" (skips on the line before) and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RESULTS="$ROOT/.test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

step() { printf '\n==> %s\n' "$*"; }
die() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is required"

# Debian packages the tests use: neovim (second LSP client). Installed only when missing and root.
if ! command -v nvim >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  step "installing neovim"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null) || echo "test.sh: could not install neovim; its test will be skipped"
fi

step "building (Release)"
dotnet build DockerLayerLsp.sln -c Release -nologo -v quiet || die "build failed"

step "publishing the NativeAOT server"
if dotnet publish server/DockerLayerLsp/DockerLayerLsp.csproj -c Release -r linux-x64 -p:PublishAot=true -o "$ROOT/artifacts/aot" -nologo -v quiet; then
  export DOCKERLAYER_AOT_BINARY="$ROOT/artifacts/aot/dockerlayer"
else
  die "NativeAOT publish failed"
fi

step "running xunit tests"
dotnet test DockerLayerLsp.sln -c Release --no-build -nologo --logger "trx" --results-directory "$RESULTS" -v quiet
test_exit=$?

passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  p=$(get passed); f=$(get failed); t=$(get total); e=$(get executed)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
  # xunit's dynamic skips are recorded as NotExecuted results
  ne=$(grep -c 'outcome="NotExecuted"' "$trx" || true)
  [ "${t:-0}" = "${e:-0}" ] && skipped=$((skipped + ne))
done
if [ "$test_exit" != 0 ] && [ "$failed" = 0 ]; then failed=1; echo "test.sh: dotnet test exited $test_exit" >&2; fi

if [ "${DOCKERLAYER_SKIP_E2E:-0}" != 1 ] && [ -f scripts/ci-e2e.sh ]; then
  step "VS Code end-to-end test (code-server)"
  bash scripts/ci-e2e.sh 2>&1 | tee "$RESULTS/e2e.log"
  e2e_exit=${PIPESTATUS[0]}
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$RESULTS/e2e.log" | tail -1)
  ep=$(echo "$line" | grep -o '^[0-9]*'); ef=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
  passed=$((passed + ${ep:-0})); failed=$((failed + ${ef:-0}))
  if [ "$e2e_exit" != 0 ] && [ "${ef:-0}" = 0 ]; then failed=$((failed + 1)); fi
fi

echo
# Skips are said on their own line: the last line is exactly "N passed, N failed", which CI reads.
[ "$skipped" -gt 0 ] && echo "($skipped skipped; their reasons are in the .trx files under .test-results/)"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
