/**
 * The gRPC API ({@code tlog.v1.LogService}, spec/api.md; {@code tlog.v1.LedgerService},
 * spec/ledger.md). Handlers validate input, delegate to the sequencer, {@link
 * dev.tlog.server.read.LogReads} or the {@link dev.tlog.server.ledger.Ledger}, and answer through
 * observers; protobuf is converted to values here ({@code LedgerProtos}), never below.
 *
 * <p>Threading: blocking reads run on the gRPC executor, never on a Netty event loop; appends
 * complete on the integrator's thread. WatchCheckpoints calls are sent to by {@link
 * dev.tlog.server.api.grpc.CheckpointWatchers}' own thread or the call's executor, never by the
 * thread that publishes checkpoints. Exceptions: translated to a {@code Status} only in {@link
 * dev.tlog.server.api.grpc.GrpcErrors}: bad input keeps its message, storage and internal failures
 * are logged server-side and reach callers as {@code INTERNAL: internal error}.
 */
package dev.tlog.server.api.grpc;
