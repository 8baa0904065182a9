/**
 * Sequencing: a bounded queue of admitted appends, a builder thread that groups them into batches
 * and has the {@link dev.tlog.server.integrate.Integrator} extend the tree, a writer thread that
 * commits each sealed batch in one durable transaction, and an acknowledgement thread that
 * publishes the checkpoint and answers the callers. Kept separate from integration so each can be
 * tested alone. Failures reach callers as {@link dev.tlog.server.errors.LogException}s: {@code
 * OverloadedException} when the queue is full, {@code StorageException} when a commit failed,
 * {@code UnavailableException} when stopping or after an unrecoverable failure.
 */
package dev.tlog.server.sequencer;
