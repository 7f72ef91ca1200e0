# Shared by scripts/demo and scripts/test: installs what is missing, then configures and builds.
# Sourced, not run. Idempotent: packages already present are not installed again.

VNKG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VNKG_BUILD="${VNKG_BUILD:-$VNKG_ROOT/build}"

vnkg_packages_build=(g++ cmake make libboost-graph-dev rapidjson-dev libicu-dev libcli11-dev catch2)
vnkg_packages_test=(graphviz libxml2-utils python3 python3-networkx python3-igraph)

vnkg_install() {
    local missing=()
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "vnkg: installing ${missing[*]}" >&2
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "vnkg: need root or sudo to install ${missing[*]}" >&2; return 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

vnkg_build() {
    local jobs
    jobs="$(nproc 2>/dev/null || echo 2)"
    cmake -S "$VNKG_ROOT" -B "$VNKG_BUILD" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
    cmake --build "$VNKG_BUILD" -j "$jobs"
}
