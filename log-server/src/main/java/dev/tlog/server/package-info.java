/**
 * The log server process: {@code Main} parses flags into a {@code ServerConfig}, {@code LogServer}
 * wires storage, startup verification, sequencer, integrator, witnessing and the gRPC and HTTP
 * listeners by constructor (no singletons, no static mutable state).
 *
 * <p>Threading: {@code LogServer.start} and {@code close} run on the caller's thread; everything
 * started here owns its threads and stops them in {@code close}, newest first. Exceptions: startup
 * failures ({@link dev.tlog.server.errors.StorageException}, {@link
 * dev.tlog.server.errors.StateMismatchException}) escape {@code start} after everything already
 * opened is closed; {@code Main} turns them into a message and a non-zero exit.
 */
package dev.tlog.server;
