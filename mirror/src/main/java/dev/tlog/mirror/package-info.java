/**
 * {@code tlog-mirror}: a verifying read mirror of a C2SP tlog-tiles log (spec/mirror.md). {@link
 * dev.tlog.mirror.Main} parses flags, {@link dev.tlog.mirror.MirrorServer} wires by constructor:
 * {@code upstream} reads the log, {@code verify} checks what it read, {@code store} keeps it in
 * LMDB, {@code follow} runs the poll loop, {@code http} serves, {@code metrics} counts.
 *
 * <p>Threading: one follower thread writes; Vert.x event loops and workers serve. Exceptions: start
 * failures are {@link dev.tlog.mirror.MirrorStartException} (exit code 3).
 */
package dev.tlog.mirror;
