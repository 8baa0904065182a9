/**
 * C2SP tlog-checkpoint bodies (c2sp.org/tlog-checkpoint; normative summary and tlog's chain-head
 * extension in spec/checkpoint.md).
 *
 * <p>Format: origin line, tree size in canonical decimal, base64 root hash, then zero or more
 * non-empty extension lines; every line ends in a newline. tlog adds one extension line, {@code
 * tlog-chain <base64 C[size-1]>} ({@link dev.tlog.merkle.checkpoint.ChainHeadExtension}).
 *
 * <p>Worked example (a real sum.golang.org checkpoint, verified with Go's published key {@code
 * sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8}):
 *
 * <pre>
 * go.sum database tree
 * 15368405
 * /g9am3I6YWNKaZX/jkne1fqd9zEyjss+JXyPXG0WfkY=
 *
 * — sum.golang.org Az3grqJGUaSGukG9p8nI2vKgiFn7qGHxn0W+mrwyI6Gz3F0t1J3LzmWk/p96Ybf295EjwdSwlzgijq5WA9d1Ded7owM=
 * </pre>
 *
 * {@code Checkpoints.openSigned(note, "go.sum database tree", List.of(key))} returns origin {@code
 * go.sum database tree}, size 15368405 and that root.
 *
 * <p>Threading: all types are immutable and thread-safe. Exceptions (unchecked): {@link
 * dev.tlog.merkle.checkpoint.CheckpointFormatException} for malformed bodies or tlog-chain lines,
 * {@link dev.tlog.merkle.checkpoint.WrongOriginException} for a checkpoint of another log, plus the
 * note package's exceptions from {@code openSigned}.
 */
package dev.tlog.merkle.checkpoint;
