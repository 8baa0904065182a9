/**
 * Integration: extending the tree, its tiles, the entry bundles and the linear chain with a batch
 * of sequenced entries, deduplicating by leaf hash, and signing the checkpoint for the new size;
 * the result is a {@link dev.tlog.server.integrate.SealedBatch} that one durable transaction
 * writes. No durable I/O happens here. Confined to the sequencer's builder thread; see {@link
 * dev.tlog.server.integrate.Integrator}.
 */
package dev.tlog.server.integrate;
