#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine for stablecut: installs every dependency
# from Debian packages, then configures and builds the test and release presets.
set -euo pipefail
cd "$(dirname "$0")"

packages=(
  build-essential cmake ninja-build pkg-config git ccache
  clang lld libclang-rt-14-dev llvm
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libsqlite3-dev sqlite3
  qemu-system-misc opensbi qemu-utils nbdkit nbdkit-plugin-dev libnbd-bin gdb gdb-multiarch
  afl++ chromium libjs-chart.js
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

for preset in asan release; do
  echo "setup: building preset $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
done
echo "setup: done. Run the tests with: ctest --preset asan"
