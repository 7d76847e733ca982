# Sourced by ./dev and .ci/run. Puts a suitable Node on PATH without touching the system's.
#
# Electron 45 and its tools need Node >= 22.12. Where the machine's Node is older, Node 24 is
# fetched from the npm registry (the `node` package, which installs the platform's official
# build, headers included) into the git-ignored .toolchain/ folder. Native modules (keytar)
# are then compiled against those headers via npm_config_nodedir, never against the system's.

NODE_MAJOR_WANTED=24
toolchain_dir="${root:?}/.toolchain"

node_is_recent_enough() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

use_local_toolchain() {
  local bin="$toolchain_dir/node_modules/node/bin"
  [ -x "$bin/node" ] || return 1
  export PATH="$bin:$PATH"
  local headers
  headers="$(find "$toolchain_dir/node_modules/node/node_modules" -maxdepth 3 -type d -path '*/include/node' 2>/dev/null | head -n 1)"
  if [ -n "$headers" ]; then
    export npm_config_nodedir="${headers%/include/node}"
  fi
  node_is_recent_enough
}

ensure_node() {
  if [ -z "${ROOMCALL_FORCE_TOOLCHAIN:-}" ] && node_is_recent_enough; then
    return 0
  fi
  if use_local_toolchain; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || {
    echo "RoomCall needs Node.js >= 22.12 (Node $NODE_MAJOR_WANTED recommended), or at least npm to fetch it." >&2
    exit 1
  }
  echo "Fetching Node $NODE_MAJOR_WANTED from the npm registry into .toolchain/ (the system Node is left alone)..." >&2
  rm -rf "$toolchain_dir"
  mkdir -p "$toolchain_dir"
  # The `node` package's preinstall script fetches the platform's build (another npm
  # package), so npm must be allowed to run it: npm 11 asks for that in package.json.
  printf '{ "private": true, "allowScripts": { "node": true } }\n' >"$toolchain_dir/package.json"
  npm install --prefix "$toolchain_dir" --no-save --no-audit --no-fund --loglevel=error \
    "node@$NODE_MAJOR_WANTED" >&2
  use_local_toolchain || {
    echo "Could not set up Node $NODE_MAJOR_WANTED in .toolchain/." >&2
    exit 1
  }
}

# node_modules is reinstalled whenever package-lock.json or the Node version changes.
ensure_node_modules() {
  local stamp="node_modules/.roomcall-install-stamp"
  local want
  want="$(node -p 'process.version')-$(sha256sum package-lock.json | cut -c1-16)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  echo "Installing npm packages (npm ci)..." >&2
  # Electron's binary is fetched on first `npm start` (scripts/ensure-electron.mjs), not at
  # install time, so installing works where Electron's download host is out of reach.
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund >&2
  echo "$want" >"$stamp"
}
