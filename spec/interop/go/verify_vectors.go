// Command verify_vectors checks tlog's generated test vectors (spec/vectors) with Go's own
// golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog, so that "compatible with Go"
// is something CI runs rather than something the spec claims. See spec/interop.md.
//
// Usage: verify_vectors [vector-dir]   (default spec/vectors)
//
// It prints one line per group of checks, indented details for every failure, skip and
// documented difference, and a last line "N passed, M failed". It exits 1 on any failure.
//
// Outcomes of one check:
//   - passed:   Go agrees with the vector;
//   - failed:   Go disagrees (or panics) and nothing below explains it;
//   - stricter: the vector rejects something Go accepts, and spec/*.md documents that tlog is
//     intentionally stricter (table stricterThanGo); not counted as passed or failed;
//   - skipped:  Go's API cannot express the case (the reason is printed); not counted;
//   - known:    a confirmed bug in tlog's output (table knownIssues, each with a TODO); reported,
//     not counted as failed, and turns into a failure as soon as Go agrees with the vector.
package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"golang.org/x/mod/sumdb/tlog"
)

// stricterThanGo lists vector cases that tlog rejects and Go accepts, by "file#case", with the
// reason tlog is stricter. Each entry must be documented in spec/interop.md and the spec it cites.
// An entry that Go also rejects is stale and reported as a failure.
var stricterThanGo = map[string]string{
	"note/notes.json#duplicate-signature":                       "signed-note.md: tlog rejects two signatures with the same (name, key hash); Go drops the repeat",
	"note/notes.json#oversized":                                 "signed-note.md: tlog caps notes at 1 MiB; Go's note.Open has no byte limit",
	"note/keys.json#uppercase-key-hash":                         "signed-note.md: C2SP key hashes are lowercase hex; Go's strconv.ParseUint also accepts uppercase",
	"tiles/paths.json#tile/64/000":                              "tiles.md: tlog levels are 0..63; Go's ParseTilePath accepts any non-negative level (only HashFromTile limits L < 64)",
	"tiles/paths.json#tile/data/000":                            "tiles.md: tlog-tiles names the entry level 'entries'; Go sumdb's 'data' level maps onto this string",
	"tiles/paths.json#tile/0/x036/x028/x797/x018/x963/968":      "tiles.md: tlog bounds N <= 2^55-1 so 256N+255 fits an int64; Go accepts any N that fits an int64",
	"tiles/paths.json#tile/0/x001/x001/x001/x001/x001/x001/001": "tiles.md: same 2^55-1 bound (at most 6 groups); Go accepts any N that fits an int64",
}

// knownIssues lists vector cases where Go shows that tlog's output is wrong, by "file#case".
// Every entry is a bug in tlog to fix (TODO), never a difference of opinion with Go.
var knownIssues = map[string]string{}

func main() {
	dir := "spec/vectors"
	if len(os.Args) > 2 {
		fmt.Fprintln(os.Stderr, "usage: verify_vectors [vector-dir]")
		os.Exit(2)
	}
	if len(os.Args) == 2 {
		dir = os.Args[1]
	}
	info, _ := debug.ReadBuildInfo()
	goVersion := "unknown"
	if info != nil {
		goVersion = info.GoVersion
	}
	fmt.Printf("tlog vectors in %s, checked with %s and golang.org/x/mod/sumdb/{note,tlog} (GOPATH sources)\n", dir, goVersion)

	r := &run{dir: dir}
	checkNotes(r)
	checkNoteSigning(r)
	checkNoteKeys(r)
	checkSignedCheckpoints(r)
	checkCheckpointBodies(r)
	checkCosignatures(r)
	checkHashing(r)
	checkProofs(r)
	checkTiles(r)
	// Published logs to read back (spec/scaling.md): directories in the tlog-tiles layout.
	for _, d := range strings.Fields(os.Getenv("TLOG_INTEROP_PUBLISHED")) {
		checkPublishedDir(r, d)
	}

	fmt.Printf("%d passed, %d failed\n", r.passed, r.failed)
	if r.failed > 0 {
		os.Exit(1)
	}
}

// run accumulates results over all groups.
type run struct {
	dir            string
	passed, failed int
}

// group is one line of output: the checks of one vector file (or one part of it).
type group struct {
	r                                        *run
	file, title                              string
	passed, failed, stricter, skipped, known int
	details                                  []string
}

func (r *run) group(file, title string) *group {
	return &group{r: r, file: file, title: title}
}

func (g *group) pass() { g.passed++ }

func (g *group) fail(name, format string, args ...interface{}) {
	if why, ok := knownIssues[g.file+"#"+name]; ok {
		g.known++
		g.details = append(g.details, fmt.Sprintf("KNOWN ISSUE %s: %s (%s)", name, fmt.Sprintf(format, args...), why))
		return
	}
	g.failed++
	g.details = append(g.details, fmt.Sprintf("FAIL %s: %s", name, fmt.Sprintf(format, args...)))
}

func (g *group) skip(name, reason string) {
	g.skipped++
	g.details = append(g.details, fmt.Sprintf("skip %s: %s", name, reason))
}

// rejected records a negative case. goRejected says whether Go rejected it too (for the defect
// the case is about); what describes Go's behaviour otherwise.
func (g *group) rejected(name string, goRejected bool, what string) {
	key := g.file + "#" + name
	why, documented := stricterThanGo[key]
	switch {
	case goRejected && documented:
		g.failed++
		g.details = append(g.details, fmt.Sprintf("FAIL %s: Go rejects it too; remove the stale stricterThanGo entry", name))
	case goRejected:
		g.pass()
	case documented:
		g.stricter++
		g.details = append(g.details, fmt.Sprintf("stricter than Go %s: %s [Go: %s]", name, why, what))
	default:
		g.fail(name, "tlog rejects it but Go accepts it: %s", what)
	}
}

func (g *group) documentedStricter(name string) bool {
	_, ok := stricterThanGo[g.file+"#"+name]
	return ok
}

// ok is called for a case that must pass; it turns a "known issue" that now passes into a failure.
func (g *group) ok(name string) {
	if _, ok := knownIssues[g.file+"#"+name]; ok {
		g.failed++
		g.details = append(g.details, fmt.Sprintf("FAIL %s: listed in knownIssues but Go now agrees; remove the entry", name))
		return
	}
	g.pass()
}

// guard runs one case and turns a panic inside Go's code into a failure of that case.
func (g *group) guard(name string, f func()) {
	defer func() {
		if p := recover(); p != nil {
			g.fail(name, "panic: %v", p)
		}
	}()
	f()
}

func (g *group) done() {
	status := "ok  "
	if g.failed > 0 {
		status = "FAIL"
	}
	line := fmt.Sprintf("%s %-30s %-44s %4d passed, %d failed", status, g.file, g.title, g.passed, g.failed)
	if g.stricter > 0 {
		line += fmt.Sprintf(", %d stricter than Go (documented)", g.stricter)
	}
	if g.skipped > 0 {
		line += fmt.Sprintf(", %d skipped", g.skipped)
	}
	if g.known > 0 {
		line += fmt.Sprintf(", %d KNOWN ISSUES", g.known)
	}
	fmt.Println(line)
	for _, d := range g.details {
		fmt.Println("      " + d)
	}
	g.r.passed += g.passed
	g.r.failed += g.failed
}

// load decodes one vector file; a missing or malformed file is a failure of its group.
func (g *group) load(v interface{}) bool {
	data, err := os.ReadFile(filepath.Join(g.r.dir, filepath.FromSlash(g.file)))
	if err == nil {
		err = json.Unmarshal(data, v)
	}
	if err != nil {
		g.fail("(file)", "cannot read vectors: %v", err)
		return false
	}
	return true
}

func parseHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(fmt.Sprintf("bad hex in vectors: %q", s))
	}
	return b
}

func parseHash(s string) tlog.Hash {
	var h tlog.Hash
	b := parseHex(s)
	if len(b) != tlog.HashSize {
		panic(fmt.Sprintf("hash of %d bytes in vectors: %q", len(b), s))
	}
	copy(h[:], b)
	return h
}

func parseHashes(ss []string) []tlog.Hash {
	hs := make([]tlog.Hash, len(ss))
	for i, s := range ss {
		hs[i] = parseHash(s)
	}
	return hs
}

func hashHex(h tlog.Hash) string { return hex.EncodeToString(h[:]) }

func hashesHex(hs []tlog.Hash) string {
	s := make([]string, len(hs))
	for i, h := range hs {
		s[i] = hashHex(h)[:8] + "…"
	}
	return "[" + strings.Join(s, " ") + "]"
}

func equalHashes(a, b []tlog.Hash) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
