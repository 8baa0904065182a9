/**
 * The follow loop (spec/mirror.md, "Following"): polls the upstream's checkpoint, verifies the
 * growth, commits it, and recognizes a stale upstream and a proven fork. {@link
 * dev.tlog.mirror.follow.MirrorStatus} is what the HTTP side reads.
 *
 * <p>Threading: one poll runs at a time, on the follower's own thread; {@link
 * dev.tlog.mirror.follow.MirrorStatus} is safe to read from any thread. Exceptions: a poll never
 * throws; upstream and verification failures are logged, counted and retried at the next poll.
 */
package dev.tlog.mirror.follow;
