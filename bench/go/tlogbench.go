// Command tlogbench is the Go peer of tlog's read-side benchmarks: it builds an in-memory tree of
// N 128-byte records with golang.org/x/mod/sumdb/tlog and measures ProveRecord+CheckRecord and
// ProveTree+CheckTree per second, printing one JSON line per figure in the format of
// bench/README.md, names prefixed with "go.".
//
// Usage: tlogbench [-sizes 1000,1000000] [-seconds 2]
package main

import (
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/tlog"
)

// figure is one JSON line; the Java side adds the machine description when importing.
type figure struct {
	Name  string  `json:"name"`
	Unit  string  `json:"unit"`
	Value float64 `json:"value"`
}

// memoryTree holds every stored hash of a tree, indexed by tlog.StoredHashIndex.
type memoryTree struct {
	hashes []tlog.Hash
	size   int64
	root   tlog.Hash
}

func (m *memoryTree) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		if x < 0 || x >= int64(len(m.hashes)) {
			return nil, fmt.Errorf("hash %d not stored (have %d)", x, len(m.hashes))
		}
		out[i] = m.hashes[x]
	}
	return out, nil
}

// record is the deterministic 128-byte record i: its index, then filler (as the Java side).
func record(i int64) []byte {
	r := make([]byte, 128)
	binary.BigEndian.PutUint64(r, uint64(i))
	for b := 8; b < len(r); b++ {
		r[b] = byte(int64(b)*31 + i)
	}
	return r
}

func build(n int64) (*memoryTree, error) {
	m := &memoryTree{hashes: make([]tlog.Hash, 0, 2*n)}
	for i := int64(0); i < n; i++ {
		hs, err := tlog.StoredHashes(i, record(i), m)
		if err != nil {
			return nil, err
		}
		m.hashes = append(m.hashes, hs...)
	}
	m.size = n
	root, err := tlog.TreeHash(n, m)
	m.root = root
	return m, err
}

// rate calls op repeatedly for d (after a warm-up of d/5) and returns calls per second.
func rate(d time.Duration, op func(i int64) error) (float64, error) {
	var i int64
	for end := time.Now().Add(d / 5); time.Now().Before(end); i++ {
		if err := op(i); err != nil {
			return 0, err
		}
	}
	start := time.Now()
	n := int64(0)
	for end := start.Add(d); time.Now().Before(end); n++ {
		if err := op(i + n); err != nil {
			return 0, err
		}
	}
	return float64(n) / time.Since(start).Seconds(), nil
}

func label(n int64) string {
	switch {
	case n%1000000 == 0:
		return strconv.FormatInt(n/1000000, 10) + "M"
	case n%1000 == 0:
		return strconv.FormatInt(n/1000, 10) + "k"
	}
	return strconv.FormatInt(n, 10)
}

func run(n int64, d time.Duration, out *json.Encoder) error {
	m, err := build(n)
	if err != nil {
		return err
	}
	// A fixed pseudo-random walk over indexes and old sizes, cheap enough not to matter.
	pick := func(i int64, mod int64) int64 { return int64(uint64(i)*0x9E3779B97F4A7C15>>1) % mod }
	inclusion, err := rate(d, func(i int64) error {
		idx := pick(i, n)
		p, err := tlog.ProveRecord(n, idx, m)
		if err != nil {
			return err
		}
		return tlog.CheckRecord(p, n, m.root, idx, m.hashes[tlog.StoredHashIndex(0, idx)])
	})
	if err != nil {
		return err
	}
	// Old roots are computed outside the measured loop, as a client would have them already.
	const samples = 1024
	olds := make([]int64, samples)
	oldRoots := make([]tlog.Hash, samples)
	for i := range olds {
		olds[i] = 1 + pick(int64(i)+7, n-1)
		if oldRoots[i], err = tlog.TreeHash(olds[i], m); err != nil {
			return err
		}
	}
	consistency, err := rate(d, func(i int64) error {
		k := i % samples
		p, err := tlog.ProveTree(n, olds[k], m)
		if err != nil {
			return err
		}
		return tlog.CheckTree(p, n, m.root, olds[k], oldRoots[k])
	})
	if err != nil {
		return err
	}
	if err := out.Encode(figure{"go.tlog.proveCheckRecord." + label(n), "ops/s", inclusion}); err != nil {
		return err
	}
	return out.Encode(figure{"go.tlog.proveCheckTree." + label(n), "ops/s", consistency})
}

func main() {
	sizes := flag.String("sizes", "1000,1000000", "tree sizes, comma-separated")
	seconds := flag.Float64("seconds", 2, "measurement time per figure")
	flag.Parse()
	out := json.NewEncoder(os.Stdout)
	d := time.Duration(*seconds * float64(time.Second))
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err == nil && n < 2 {
			err = fmt.Errorf("size must be >= 2, got %d", n)
		}
		if err == nil {
			err = run(n, d, out)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "tlogbench:", err)
			os.Exit(1)
		}
	}
}
