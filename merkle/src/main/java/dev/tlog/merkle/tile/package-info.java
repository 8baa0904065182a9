/**
 * C2SP tlog-tiles with tile height 8: resource paths, which tiles a tree size publishes, tile and
 * entry bundle bodies, and a {@link dev.tlog.merkle.proof.HashReader} that reads node hashes from
 * tiles. Pure: no I/O except through a caller's {@link dev.tlog.merkle.tile.TileSource}. The
 * normative text is {@code spec/tiles.md}; vectors are under {@code spec/vectors/tiles/}.
 *
 * <h2>Format</h2>
 *
 * <ul>
 *   <li>Hash tile {@code tile/<L>/<N>[.p/<W>]} ({@link dev.tlog.merkle.tile.TileId}): the hashes of
 *       tree nodes at level {@code 8L}, indices {@code 256N .. 256N+W-1}, 32 bytes each,
 *       concatenated. {@code W = 256} (no suffix) is full and never changes; {@code W} in 1..255 is
 *       the rightmost, partial tile of a row. L is 0..63 in paths; only 0..7 can be non-empty.
 *   <li>Entry bundle {@code tile/entries/<N>[.p/<W>]} ({@link dev.tlog.merkle.tile.EntryBundleId}):
 *       entries {@code 256N .. 256N+W-1}, each as a big-endian uint16 length then the bytes; the
 *       leaf hashes of those entries are level-0 tile N.
 *   <li>{@code <N>} is written in 3-digit groups, all but the last prefixed with {@code x}: 1234067
 *       is {@code x001/x234/067}. Only this canonical form parses.
 *   <li>A tree of size {@code s} publishes, at each level L, {@code floor(s / 256^(L+1))} full
 *       tiles and, if {@code r = floor(s / 256^L) mod 256} is non-zero, one partial tile of width
 *       {@code r}.
 *   <li>A node at tree level {@code l} lives in tile level {@code l / 8}; when {@code l % 8 != 0}
 *       its hash is the subtree hash of the {@code 2^(l % 8)} stored hashes below it.
 * </ul>
 *
 * <h2>Worked example</h2>
 *
 * <p>A log of two entries, {@code "hello"} and the empty string, publishes two resources:
 *
 * <pre>
 * tile/entries/000.p/2  = 0005 68656c6c6f 0000
 * tile/0/000.p/2        = 8a2a5c9b768827de5a9552c38a044c66959c68f6d2f21b5260af54d2f87db827
 *                         6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d
 * </pre>
 *
 * <p>(the two leaf hashes {@code SHA-256(0x00 || entry)}). Node (1, 0) is at tile level 0 with
 * {@code 2^1} hashes at offset 0; it is the root: {@code
 * 839c2b9ea7fce3c8d2a5bf116746a83ef8e789669e30004a3ff95691469d0e77}. A tree of 70,000 publishes
 * {@code tile/0/000} .. {@code tile/0/272}, {@code tile/0/273.p/112}, {@code tile/1/000}, {@code
 * tile/1/001.p/17} and {@code tile/2/000.p/1}.
 *
 * <h2>Threading and exceptions</h2>
 *
 * <p>Every type is immutable or stateless and safe to share between threads; {@link
 * dev.tlog.merkle.tile.TileHashReader} is as thread-safe as its source. Malformed input from the
 * network throws {@link dev.tlog.merkle.tile.TilePathException} (paths) or {@link
 * dev.tlog.merkle.tile.TileFormatException} (bodies); a node or tile that is not available throws
 * {@link dev.tlog.merkle.proof.HashNotFoundException} (sources signal a missing tile with {@link
 * dev.tlog.merkle.tile.TileNotFoundException}); all are {@link dev.tlog.merkle.MerkleException}s.
 * Arguments that break a documented precondition in code (negative sizes, out-of-range record
 * components, nodes outside the tree passed to {@link dev.tlog.merkle.tile.TileMath}) throw {@link
 * java.lang.IllegalArgumentException}. No method returns a partly parsed value.
 */
package dev.tlog.merkle.tile;
