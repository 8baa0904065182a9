/**
 * Transports behind {@link dev.tlog.client.LogSource}, {@link dev.tlog.client.LogWriter} and {@link
 * dev.tlog.client.ledger.LedgerSource}: gRPC ({@link dev.tlog.client.transport.GrpcLogSource},
 * {@link dev.tlog.client.transport.GrpcLogWriter}, the only code that knows where the append RPCs
 * put the signed checkpoint, {@link dev.tlog.client.transport.GrpcLedgerSource}, the only code that
 * knows the protobuf form of an event filter) and the C2SP tlog-tiles HTTP API ({@link
 * dev.tlog.client.transport.TileLogSource}). Nothing here verifies anything; it only moves bytes
 * and turns transport failures into the library's exceptions — for gRPC in exactly one place,
 * {@link dev.tlog.client.transport.GrpcCalls}. Sources are thread-safe.
 */
package dev.tlog.client.transport;
