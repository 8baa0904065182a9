#!/usr/bin/env bash
# Usage: spec/interop/run-go-interop.sh [vector-dir]   (default spec/vectors)
#
# Checks spec/vectors with Go's golang.org/x/mod/sumdb/{note,tlog} (see spec/interop.md).
#
# Needs `go` and the x/mod sources in a GOPATH (default /usr/share/gocode, as installed by the
# Debian packages golang-go and golang-golang-x-mod-dev). When either is missing it installs
# both with apt-get (as root, or through passwordless sudo). Everything then runs offline: no
# module proxy, no network.
#
# Exit status: that of the Go program (0 all passed, 1 a verification failure), 2 on a build
# error, or 0 with a loud "SKIPPED:" line when Go cannot be installed (so a mirror hiccup does
# not turn CI red). Set INTEROP_REQUIRED=1 to make that case fail instead.
set -euo pipefail
cd "$(dirname "$0")/../.."

gopath="${INTEROP_GOPATH:-/usr/share/gocode}"
xmod="$gopath/src/golang.org/x/mod/sumdb"
packages=(golang-go golang-golang-x-mod-dev)

have_go() {
  command -v go >/dev/null 2>&1 && [ -f "$xmod/note/note.go" ] && [ -f "$xmod/tlog/tile.go" ]
}

skip() {
  echo "=================================================================="
  echo "SKIPPED: Go interop check not run: $*"
  echo "=================================================================="
  if [ "${INTEROP_REQUIRED:-0}" = 1 ]; then
    exit 1
  fi
  exit 0
}

if ! have_go; then
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    skip "go or the x/mod sources are missing and this user cannot install ${packages[*]}"
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    skip "go or the x/mod sources are missing and there is no apt-get to install ${packages[*]}"
  fi
  echo "installing ${packages[*]} with apt-get"
  log="$(mktemp)"
  if ! { ${as_root[@]+"${as_root[@]}"} apt-get update -q \
      && ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"; } \
      >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    skip "apt-get could not install ${packages[*]} (no network or no mirror?)"
  fi
  rm -f "$log"
  have_go || skip "${packages[*]} installed, but go or $xmod is still missing"
fi

echo "$(go version); golang.org/x/mod $(dpkg-query -W -f='${Version}' golang-golang-x-mod-dev 2>/dev/null || echo "from $gopath")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# GOPATH mode: imports resolve from the Debian sources; no go.mod, no proxy, no network.
export GO111MODULE=off GOPATH="$gopath" GOCACHE="$work/cache" GOPROXY=off GOFLAGS= CGO_ENABLED=0
if ! (cd spec/interop/go && go vet . && go build -o "$work/verify_vectors" .); then
  echo "Go interop check: build failed" >&2
  exit 2
fi

# Logs that the test suite published to an S3-compatible bucket and copied out (S3PublishingTest):
# read them back with Go's tile code too, when a build left them.
published=""
for d in log-server/target/interop-published/*/; do
  [ -f "$d/checkpoint" ] && published="$published ${d%/}"
done
export TLOG_INTEROP_PUBLISHED="${published# }"

status=0
"$work/verify_vectors" "${1:-spec/vectors}" || status=$?
exit "$status"
