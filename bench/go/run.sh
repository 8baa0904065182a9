#!/usr/bin/env bash
# Usage: bench/go/run.sh [-sizes 1000,1000000] [-seconds 2]
#
# Builds and runs the Go peer (tlogbench.go) against golang.org/x/mod/sumdb/tlog, offline in
# GOPATH mode, printing its JSON lines on stdout. When Go or the x/mod sources are missing it lets
# spec/interop/run-go-interop.sh install them (Debian packages golang-go and
# golang-golang-x-mod-dev; that script also runs the interop check). Exits 3 with a "SKIPPED:" line
# on stderr when Go still cannot be used.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
gopath="${INTEROP_GOPATH:-/usr/share/gocode}"

have_go() {
  command -v go >/dev/null 2>&1 && [ -f "$gopath/src/golang.org/x/mod/sumdb/tlog/tlog.go" ]
}

if ! have_go; then
  echo "Go or golang.org/x/mod missing: installing through spec/interop/run-go-interop.sh" >&2
  "$root/spec/interop/run-go-interop.sh" >&2 || true
fi
if ! have_go; then
  echo "SKIPPED: Go peer not run: go or $gopath/src/golang.org/x/mod is missing" >&2
  exit 3
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GO111MODULE=off GOPATH="$gopath" GOCACHE="$work/cache" GOPROXY=off GOFLAGS= CGO_ENABLED=0
(cd "$root/bench/go" && go build -o "$work/tlogbench" .)
"$work/tlogbench" "$@"
