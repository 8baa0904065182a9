/**
 * In-memory Merkle trees for benchmarks: {@link dev.tlog.bench.tree.ArrayHashTree} keeps every
 * complete-subtree hash of a tree of n leaves in one flat byte array per level (32 bytes per node,
 * about 64 MB for a million leaves), so that proof benchmarks measure the proof algorithm and not
 * object overhead. Built once, then read-only and safe to share between threads.
 */
package dev.tlog.bench.tree;
