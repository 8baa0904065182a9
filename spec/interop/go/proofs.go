package main

// Hashing and proofs (spec/hashing.md, spec/proofs.md) against golang.org/x/mod/sumdb/tlog:
// RecordHash, NodeHash, TreeHash, ProveRecord/CheckRecord, ProveTree/CheckTree.

import (
	"fmt"

	"golang.org/x/mod/sumdb/tlog"
)

// memoryLog is a log held in Go's own stored-hash layout, built with tlog.StoredHashes.
type memoryLog struct{ stored []tlog.Hash }

func newMemoryLog(records [][]byte) *memoryLog {
	l := &memoryLog{}
	for i, rec := range records {
		hs, err := tlog.StoredHashes(int64(i), rec, l)
		if err != nil {
			panic(err)
		}
		l.stored = append(l.stored, hs...)
	}
	return l
}

func (l *memoryLog) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		if x < 0 || x >= int64(len(l.stored)) {
			return nil, fmt.Errorf("stored hash %d not in a log of %d stored hashes", x, len(l.stored))
		}
		out[i] = l.stored[x]
	}
	return out, nil
}

// entryLog is the log of spec/vectors/proofs and hashing/tree.json: entry i = "tlog entry <i>".
func entryLog(n int) *memoryLog {
	recs := make([][]byte, n)
	for i := range recs {
		recs[i] = []byte(fmt.Sprintf("tlog entry %d", i))
	}
	return newMemoryLog(recs)
}

// recordingReader remembers which stored hashes tlog.TreeHash asks for: the complete subtrees
// of [0, n), i.e. tlog's compact range of size n.
type recordingReader struct {
	r     tlog.HashReader
	asked []tlog.Hash
}

func (rr *recordingReader) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	hs, err := rr.r.ReadHashes(indexes)
	rr.asked = append(rr.asked, hs...)
	return hs, err
}

const emptyTreeNote = "tlog.TreeHash(0) returns the all-zero hash by convention; RFC 9162 MTH({}) = SHA-256(\"\") as in our vectors"

func checkHashing(r *run) {
	g := r.group("hashing/leaf.json", "tlog.RecordHash")
	var leaves struct {
		Cases []struct{ Input, LeafHash string }
	}
	if g.load(&leaves) {
		for i, c := range leaves.Cases {
			name := fmt.Sprintf("case %d", i)
			if got := tlog.RecordHash(parseHex(c.Input)); got != parseHash(c.LeafHash) {
				g.fail(name, "RecordHash(%s) = %s, vector %s", c.Input, hashHex(got), c.LeafHash)
			} else {
				g.ok(name)
			}
		}
	}
	g.done()

	g = r.group("hashing/node.json", "tlog.NodeHash")
	var nodes struct {
		Cases []struct{ Left, Right, Hash string }
	}
	if g.load(&nodes) {
		for i, c := range nodes.Cases {
			name := fmt.Sprintf("case %d", i)
			if got := tlog.NodeHash(parseHash(c.Left), parseHash(c.Right)); got != parseHash(c.Hash) {
				g.fail(name, "NodeHash = %s, vector %s", hashHex(got), c.Hash)
			} else {
				g.ok(name)
			}
		}
	}
	g.done()

	g = r.group("hashing/tree.json", "tlog.StoredHashes + tlog.TreeHash")
	defer g.done()
	var tree struct {
		LeafHashes []string
		Roots      []struct {
			TreeSize int64
			Root     string
		}
	}
	if !g.load(&tree) {
		return
	}
	log := entryLog(len(tree.LeafHashes))
	for i, h := range tree.LeafHashes {
		name := fmt.Sprintf("leaf %d", i)
		if got := tlog.RecordHash([]byte(fmt.Sprintf("tlog entry %d", i))); got != parseHash(h) {
			g.fail(name, "RecordHash = %s, vector %s", hashHex(got), h)
		} else {
			g.ok(name)
		}
	}
	for _, c := range tree.Roots {
		checkRoot(g, log, c.TreeSize, c.Root, nil)
	}
}

// checkRoot compares tlog.TreeHash(n) with the vector root and, when given, the complete
// subtrees TreeHash reads with the vector's compact range.
func checkRoot(g *group, log tlog.HashReader, n int64, root string, compact []string) {
	name := fmt.Sprintf("root of size %d", n)
	if compact != nil {
		name = fmt.Sprintf("compact range of size %d", n)
	}
	if n == 0 {
		g.skip(name, emptyTreeNote)
		return
	}
	g.guard(name, func() {
		rr := &recordingReader{r: log}
		got, err := tlog.TreeHash(n, rr)
		switch {
		case err != nil:
			g.fail(name, "TreeHash: %v", err)
		case got != parseHash(root):
			g.fail(name, "TreeHash = %s, vector %s", hashHex(got), root)
		case compact != nil && !equalHashes(rr.asked, parseHashes(compact)):
			g.fail(name, "TreeHash reads subtrees %s, vector compact range %s", hashesHex(rr.asked), hashesHex(parseHashes(compact)))
		default:
			g.ok(name)
		}
	})
}

type inclusionCase struct {
	Name            string
	Index, TreeSize int64
	LeafHash, Root  string
	Proof           []string
	Error           string
}

type consistencyCase struct {
	Name                  string
	First, Second         int64
	FirstRoot, SecondRoot string
	Proof                 []string
	Error                 string
}

func checkProofs(r *run) {
	g := r.group("proofs/inclusion.json", "tlog.CheckRecord, tlog.ProveRecord")
	var inc struct{ Cases []inclusionCase }
	if g.load(&inc) {
		log := entryLog(maxSize(inc.Cases, nil))
		for _, c := range inc.Cases {
			checkInclusion(g, log, c)
		}
	}
	g.done()

	g = r.group("proofs/consistency.json", "tlog.CheckTree, tlog.ProveTree")
	var cons struct{ Cases []consistencyCase }
	if g.load(&cons) {
		log := entryLog(maxSize(nil, cons.Cases))
		for _, c := range cons.Cases {
			checkConsistency(g, log, c)
		}
	}
	g.done()

	g = r.group("proofs/rfc6962-reference.json", "tlog proofs, nodes, roots, compact ranges")
	defer g.done()
	var ref struct {
		LeafInputs []string
		Nodes      []struct {
			Level int
			Index int64
			Hash  string
		}
		Roots []struct {
			TreeSize int64
			Root     string
		}
		CompactRanges []struct {
			TreeSize int64
			Hashes   []string
		}
		Inclusion   []inclusionCase
		Consistency []consistencyCase
	}
	if !g.load(&ref) {
		return
	}
	var recs [][]byte
	for _, in := range ref.LeafInputs {
		recs = append(recs, parseHex(in))
	}
	log := newMemoryLog(recs)
	for _, n := range ref.Nodes {
		name := fmt.Sprintf("node (%d, %d)", n.Level, n.Index)
		hs, err := log.ReadHashes([]int64{tlog.StoredHashIndex(n.Level, n.Index)})
		if err != nil || hs[0] != parseHash(n.Hash) {
			g.fail(name, "Go's stored hash differs (%v)", err)
		} else {
			g.ok(name)
		}
	}
	for _, c := range ref.Roots {
		checkRoot(g, log, c.TreeSize, c.Root, nil)
	}
	rootOf := map[int64]string{}
	for _, c := range ref.Roots {
		rootOf[c.TreeSize] = c.Root
	}
	for _, c := range ref.CompactRanges {
		checkRoot(g, log, c.TreeSize, rootOf[c.TreeSize], c.Hashes)
	}
	for i, c := range ref.Inclusion {
		c.Name = fmt.Sprintf("inclusion %d: index %d size %d", i, c.Index, c.TreeSize)
		checkInclusion(g, log, c)
	}
	for i, c := range ref.Consistency {
		c.Name = fmt.Sprintf("consistency %d: %d to %d", i, c.First, c.Second)
		checkConsistency(g, log, c)
	}
}

func maxSize(inc []inclusionCase, cons []consistencyCase) int {
	n := int64(0)
	for _, c := range inc {
		if c.Error == "" && c.TreeSize > n {
			n = c.TreeSize
		}
	}
	for _, c := range cons {
		if c.Error == "" && c.Second > n {
			n = c.Second
		}
	}
	return int(n)
}

// checkInclusion: a valid proof must pass tlog.CheckRecord and equal tlog.ProveRecord's proof
// hash for hash (so the orders agree); a mutated one must fail CheckRecord.
func checkInclusion(g *group, log tlog.HashReader, c inclusionCase) {
	g.guard(c.Name, func() {
		proof := tlog.RecordProof(parseHashes(c.Proof))
		err := tlog.CheckRecord(proof, c.TreeSize, parseHash(c.Root), c.Index, parseHash(c.LeafHash))
		if c.Error != "" {
			g.rejected(c.Name, err != nil, "tlog.CheckRecord accepted the mutated proof")
			return
		}
		if err != nil {
			g.fail(c.Name, "tlog.CheckRecord: %v", err)
			return
		}
		want, err := tlog.ProveRecord(c.TreeSize, c.Index, log)
		if err != nil || !equalHashes(want, proof) {
			g.fail(c.Name, "tlog.ProveRecord gives %s (%v), vector %s", hashesHex(want), err, hashesHex(proof))
			return
		}
		g.ok(c.Name)
	})
}

// checkConsistency: as checkInclusion, with tlog.CheckTree and tlog.ProveTree. Go's API takes
// old sizes >= 1 only, so proofs from the empty tree cannot be expressed.
func checkConsistency(g *group, log tlog.HashReader, c consistencyCase) {
	if c.First == 0 {
		g.skip(c.Name, "tlog.CheckTree requires an old size >= 1 (RFC 9162 defines no proof from the empty tree)")
		return
	}
	g.guard(c.Name, func() {
		proof := tlog.TreeProof(parseHashes(c.Proof))
		err := tlog.CheckTree(proof, c.Second, parseHash(c.SecondRoot), c.First, parseHash(c.FirstRoot))
		if c.Error != "" {
			g.rejected(c.Name, err != nil, "tlog.CheckTree accepted the mutated proof")
			return
		}
		if err != nil {
			g.fail(c.Name, "tlog.CheckTree: %v", err)
			return
		}
		want, err := tlog.ProveTree(c.Second, c.First, log)
		if err != nil || !equalHashes(want, proof) {
			g.fail(c.Name, "tlog.ProveTree gives %s (%v), vector %s", hashesHex(want), err, hashesHex(proof))
			return
		}
		g.ok(c.Name)
	})
}
