package main

// Tiles (spec/tiles.md) against golang.org/x/mod/sumdb/tlog's tile code. Go sumdb tiles are
// C2SP tlog-tiles with an extra height segment: our "tile/<L>/<N>" is Go's "tile/8/<L>/<N>" and
// our entry bundle "tile/entries/<N>" sits where Go's "tile/8/data/<N>" does (Go's data tiles
// have a different body format, so bundle bodies are decoded here, per C2SP).

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"

	"golang.org/x/mod/sumdb/tlog"
)

const tileHeight = 8

// toGoPath maps a tlog-tiles path to Go's layout; anything else is passed on unchanged.
func toGoPath(p string) string {
	switch {
	case strings.HasPrefix(p, "tile/entries/"):
		return "tile/8/data/" + strings.TrimPrefix(p, "tile/entries/")
	case strings.HasPrefix(p, "tile/"):
		return "tile/8/" + strings.TrimPrefix(p, "tile/")
	}
	return p
}

func fromGoPath(p string) string {
	switch {
	case strings.HasPrefix(p, "tile/8/data/"):
		return "tile/entries/" + strings.TrimPrefix(p, "tile/8/data/")
	case strings.HasPrefix(p, "tile/8/"):
		return "tile/" + strings.TrimPrefix(p, "tile/8/")
	}
	return "(not a height-8 Go path) " + p
}

// parseTile parses one of our paths with tlog.ParseTilePath and checks that Go formats it back
// to the same string.
func parseTile(p string) (tlog.Tile, error) {
	t, err := tlog.ParseTilePath(toGoPath(p))
	if err != nil {
		return t, err
	}
	if t.H != tileHeight {
		return t, fmt.Errorf("height %d", t.H)
	}
	if back := fromGoPath(t.Path()); back != p {
		return t, fmt.Errorf("Tile.Path() formats it as %q", back)
	}
	return t, nil
}

func checkTiles(r *run) {
	checkTilePaths(r)
	checkTilesForSize(r)
	checkTileLog(r, "tiles/log_2.json")
	checkTileLog(r, "tiles/log_300.json")
}

func checkTilePaths(r *run) {
	g := r.group("tiles/paths.json", "tlog.ParseTilePath, Tile.Path")
	defer g.done()
	var v struct {
		Valid []struct {
			Path  string
			Kind  string
			Level int
			Index int64
			Width int
		}
		Invalid []struct{ Path, Name string }
	}
	if !g.load(&v) {
		return
	}
	for _, c := range v.Valid {
		c := c
		g.guard(c.Path, func() {
			t, err := parseTile(c.Path)
			level := c.Level
			if c.Kind == "entries" {
				level = -1 // Go's data level
			}
			if err != nil || t.L != level || t.N != c.Index || t.W != c.Width {
				g.fail(c.Path, "Go parses %+v (%v), vector level %d index %d width %d", t, err, level, c.Index, c.Width)
				return
			}
			g.ok(c.Path)
		})
	}
	for _, c := range v.Invalid {
		c := c
		g.guard(c.Path, func() {
			t, err := tlog.ParseTilePath(toGoPath(c.Path))
			g.rejected(c.Path, err != nil, fmt.Sprintf("tlog.ParseTilePath(%q) = %+v (%s)", toGoPath(c.Path), t, c.Name))
		})
	}
}

// checkTilesForSize compares the published resources of each tree size with tlog.NewTiles(8, 0,
// size). NewTiles lists every partial width a tile went through; a server publishes the widest.
func checkTilesForSize(r *run) {
	g := r.group("tiles/tiles_for_size.json", "tlog.NewTiles")
	defer g.done()
	var v struct {
		Cases []struct {
			TreeSize     int64    `json:"tree_size"`
			Tiles        []string `json:"tiles"`
			EntryBundles []string `json:"entry_bundles"`
		}
		WidthAt []interface{} `json:"width_at"`
	}
	if !g.load(&v) {
		return
	}
	for _, c := range v.Cases {
		c := c
		name := fmt.Sprintf("size %d", c.TreeSize)
		g.guard(name, func() {
			var widest []tlog.Tile
			for _, t := range tlog.NewTiles(tileHeight, 0, c.TreeSize) {
				if k := len(widest) - 1; k >= 0 && widest[k].L == t.L && widest[k].N == t.N {
					widest[k] = t
				} else {
					widest = append(widest, t)
				}
			}
			tiles, bundles := []string{}, []string{}
			for _, t := range widest {
				tiles = append(tiles, fromGoPath(t.Path()))
				if t.L == 0 {
					t.L = -1
					bundles = append(bundles, fromGoPath(t.Path()))
				}
			}
			switch {
			case fmt.Sprint(tiles) != fmt.Sprint(nonNil(c.Tiles)):
				g.fail(name, "tiles: Go %v, vector %v", tiles, c.Tiles)
			case fmt.Sprint(bundles) != fmt.Sprint(nonNil(c.EntryBundles)):
				g.fail(name, "entry bundles: Go %v, vector %v", bundles, c.EntryBundles)
			default:
				g.ok(name)
			}
		})
	}
	if len(v.WidthAt) > 0 {
		g.skip(fmt.Sprintf("width_at (%d cases)", len(v.WidthAt)), "tlog exports no per-tile width function (tileParent is internal); sizes up to 2^63-1 are too big for NewTiles")
	}
}

type tileLogVectors struct {
	TreeSize     int64             `json:"tree_size"`
	Root         string            `json:"root"`
	Tiles        map[string]string `json:"tiles"`
	EntryBundles map[string]string `json:"entry_bundles"`
	Nodes        []struct {
		Level int
		Index int64
		Hash  string
	}
}

type storedTile struct {
	tile tlog.Tile
	data []byte
}

// vectorTiles serves our published hash tiles to Go, as a tlog.TileReader and by (L, N).
type vectorTiles struct {
	byPath map[string][]byte
	byLN   map[[2]int64]storedTile
}

func (vt *vectorTiles) Height() int { return tileHeight }

func (vt *vectorTiles) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(tiles))
	for i, t := range tiles {
		data, ok := vt.byPath[fromGoPath(t.Path())]
		if !ok {
			return nil, fmt.Errorf("Go needs %s, which the vectors do not publish", fromGoPath(t.Path()))
		}
		out[i] = data
	}
	return out, nil
}

func (vt *vectorTiles) SaveTiles([]tlog.Tile, [][]byte) {}

// ReadHashes reads stored hashes straight from the tiles with tlog.HashFromTile, trusting
// nothing but the tile bodies (TileHashReader, by contrast, needs the root to start with).
func (vt *vectorTiles) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		need := tlog.TileForIndex(tileHeight, x)
		st, ok := vt.byLN[[2]int64{int64(need.L), need.N}]
		if !ok {
			return nil, fmt.Errorf("stored hash %d is in %s, which the vectors do not publish", x, fromGoPath(need.Path()))
		}
		h, err := tlog.HashFromTile(st.tile, st.data, x)
		if err != nil {
			return nil, err
		}
		out[i] = h
	}
	return out, nil
}

func checkTileLog(r *run, file string) {
	g := r.group(file, "tlog.HashFromTile/TreeHash, TileHashReader")
	defer g.done()
	var v tileLogVectors
	if !g.load(&v) {
		return
	}
	vt := &vectorTiles{byPath: map[string][]byte{}, byLN: map[[2]int64]storedTile{}}
	for _, p := range sortedKeys(v.Tiles) {
		p := p
		g.guard(p, func() {
			data, err := base64.StdEncoding.DecodeString(v.Tiles[p])
			if err != nil {
				panic("bad base64 in " + file)
			}
			t, err := parseTile(p)
			switch {
			case err != nil:
				g.fail(p, "tlog.ParseTilePath: %v", err)
			case t.L < 0 || len(data) != t.W*tlog.HashSize:
				g.fail(p, "level %d, %d bytes for width %d", t.L, len(data), t.W)
			default:
				vt.byPath[p] = data
				vt.byLN[[2]int64{int64(t.L), t.N}] = storedTile{t, data}
				g.ok(p)
			}
		})
	}

	root := parseHash(v.Root)
	g.guard("root", func() {
		got, err := tlog.TreeHash(v.TreeSize, vt)
		if err != nil || got != root {
			g.fail("root", "tlog.TreeHash over tlog.HashFromTile = %s (%v), vector %s", hashHex(got), err, v.Root)
			return
		}
		g.ok("root")
	})

	// TileHashReader checks every tile it reads against the root (and full tiles against their
	// parents), then serves leaf and interior hashes.
	reader := tlog.TileHashReader(tlog.Tree{N: v.TreeSize, Hash: root}, vt)
	var leaves []tlog.Hash
	g.guard("leaves", func() {
		idx := make([]int64, v.TreeSize)
		for i := range idx {
			idx[i] = tlog.StoredHashIndex(0, int64(i))
		}
		hs, err := reader.ReadHashes(idx)
		if err != nil {
			g.fail("leaves", "TileHashReader: %v", err)
			return
		}
		leaves = hs
		g.ok("leaves")
	})
	for _, n := range v.Nodes {
		n := n
		name := fmt.Sprintf("node (%d, %d)", n.Level, n.Index)
		g.guard(name, func() {
			hs, err := reader.ReadHashes([]int64{tlog.StoredHashIndex(n.Level, n.Index)})
			if err != nil || hs[0] != parseHash(n.Hash) {
				g.fail(name, "TileHashReader: %v", err)
				return
			}
			g.ok(name)
		})
	}

	covered := int64(0)
	for _, p := range sortedKeys(v.EntryBundles) {
		p := p
		g.guard(p, func() {
			body, err := base64.StdEncoding.DecodeString(v.EntryBundles[p])
			if err != nil {
				panic("bad base64 in " + file)
			}
			t, err := parseTile(p)
			if err != nil || t.L != -1 {
				g.fail(p, "tlog.ParseTilePath: %+v %v", t, err)
				return
			}
			entries, err := decodeBundle(body, t.W)
			if err != nil {
				g.fail(p, "%v", err)
				return
			}
			if leaves == nil {
				g.fail(p, "no leaf hashes to compare with (TileHashReader failed, see \"leaves\")")
				return
			}
			for j, e := range entries {
				i := t.N<<tileHeight + int64(j)
				if i >= int64(len(leaves)) || tlog.RecordHash(e) != leaves[i] {
					g.fail(p, "tlog.RecordHash of entry %d does not match the level-0 tile", i)
					return
				}
			}
			covered += int64(len(entries))
			g.ok(p)
		})
	}
	if covered != v.TreeSize {
		g.fail("entry bundles", "cover %d entries of %d", covered, v.TreeSize)
	}
}

// decodeBundle decodes a C2SP tlog-tiles entry bundle of w entries (uint16 length prefixes).
func decodeBundle(body []byte, w int) ([][]byte, error) {
	var out [][]byte
	for len(body) > 0 {
		if len(body) < 2 {
			return nil, fmt.Errorf("truncated length prefix")
		}
		n := int(binary.BigEndian.Uint16(body))
		if len(body) < 2+n {
			return nil, fmt.Errorf("entry %d truncated", len(out))
		}
		out = append(out, body[2:2+n])
		body = body[2+n:]
	}
	if len(out) != w {
		return nil, fmt.Errorf("%d entries, width %d", len(out), w)
	}
	return out, nil
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
