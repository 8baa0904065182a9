/**
 * End-to-end load against the real log server: {@link dev.tlog.bench.load.ServerProcess} starts
 * {@code log-server/target/tlog-server.jar} on a fresh data directory with free ports, and the
 * scenarios drive it over gRPC (grpc-java) and HTTP (java.net.http) with unique 128-byte entries.
 *
 * <p>Closed-loop scenarios ({@link dev.tlog.bench.load.ClosedLoop}) keep N callers busy for a fixed
 * time. The open-loop scenario ({@link dev.tlog.bench.load.OpenLoop}) sends on a timer independent
 * of replies and measures latency from each request's scheduled send time, so a stalled server
 * shows up as latency instead of silently lowering the offered rate (no coordinated omission).
 * {@code RESOURCE_EXHAUSTED} is pushback, counted apart from other errors.
 *
 * <p>Threading: scenario objects run on the calling thread plus the threads they start, and join
 * them before returning. gRPC failures are counted, never thrown; a server that cannot be started
 * throws {@link dev.tlog.bench.load.ServerStartException}.
 */
package dev.tlog.bench.load;
