package main

// A published log read back from a directory in the tlog-tiles layout: a copy of the S3 bucket
// that log-server's S3PublishingTest publishes to (spec/scaling.md), with the log's verifier key in
// a file named "vkey". Go checks it with its own code only: the checkpoint must verify with
// note.Open, tlog.TreeHash over the hash tiles (through tlog.TileHashReader, which checks every
// tile it reads against the tree) must give the checkpoint's root, and every entry of every bundle
// must hash (tlog.RecordHash) to its leaf in the level-0 tiles.

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type dirTiles struct{ dir string }

func (d dirTiles) Height() int { return tileHeight }

func (d dirTiles) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(tiles))
	for i, t := range tiles {
		b, err := os.ReadFile(filepath.Join(d.dir, filepath.FromSlash(fromGoPath(t.Path()))))
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

func (d dirTiles) SaveTiles([]tlog.Tile, [][]byte) {}

func checkPublishedDir(r *run, dir string) {
	g := r.group("bucket "+filepath.Base(dir), "note.Open, TreeHash, RecordHash")
	defer g.done()
	vkey, err := os.ReadFile(filepath.Join(dir, "vkey"))
	if err != nil {
		g.fail("vkey", "%v", err)
		return
	}
	v, err := newVerifier(strings.TrimSpace(string(vkey)))
	if err != nil {
		g.fail("vkey", "%v", err)
		return
	}
	msg, err := os.ReadFile(filepath.Join(dir, "checkpoint"))
	if err != nil {
		g.fail("checkpoint", "%v", err)
		return
	}
	n, err := note.Open(msg, note.VerifierList(v))
	if err != nil {
		g.fail("checkpoint", "note.Open: %v", err)
		return
	}
	g.pass()
	_, tree, err := parseCheckpointWithGo(n.Text)
	if err != nil {
		g.fail("checkpoint", "tlog.ParseTree: %v", err)
		return
	}
	hr := tlog.TileHashReader(tree, dirTiles{dir})
	root, err := tlog.TreeHash(tree.N, hr)
	if err != nil || root != tree.Hash {
		g.fail("root", "TreeHash(%d) = %v, %v; checkpoint says %v", tree.N, root, err, tree.Hash)
		return
	}
	g.pass()
	for b := int64(0); b*256 < tree.N; b++ {
		width := tree.N - b*256
		if width > 256 {
			width = 256
		}
		tile := tlog.Tile{H: tileHeight, L: -1, N: b, W: int(width)}
		name := fromGoPath(tile.Path())
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			g.fail(name, "%v", err)
			continue
		}
		indexes := make([]int64, width)
		for i := range indexes {
			indexes[i] = tlog.StoredHashIndex(0, b*256+int64(i))
		}
		leaves, err := hr.ReadHashes(indexes)
		if err != nil {
			g.fail(name, "ReadHashes: %v", err)
			continue
		}
		ok := true
		for i := int64(0); i < width; i++ {
			if len(data) < 2 || len(data) < 2+int(binary.BigEndian.Uint16(data)) {
				g.fail(name, "entry %d: bundle truncated", b*256+i)
				ok = false
				break
			}
			size := int(binary.BigEndian.Uint16(data))
			if tlog.RecordHash(data[2:2+size]) != leaves[i] {
				g.fail(name, "entry %d: RecordHash differs from its leaf in the tiles", b*256+i)
				ok = false
			}
			data = data[2+size:]
		}
		if ok && len(data) != 0 {
			g.fail(name, "%d bytes after the last entry", len(data))
			ok = false
		}
		if ok {
			g.pass()
		}
	}
}
