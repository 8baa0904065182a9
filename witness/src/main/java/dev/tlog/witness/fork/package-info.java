/**
 * Fork evidence: {@link dev.tlog.witness.fork.ForkEvidence} (the JSON file format {@code
 * tlog-fork-evidence/v1} and its offline verifier), {@link dev.tlog.witness.fork.PrefixProof}
 * (consistency proofs with an explicit seed), {@link dev.tlog.witness.fork.ForkEvidenceStore}
 * (durable files) and {@link dev.tlog.witness.fork.ForkRecorder} (verify, store, alert).
 *
 * <p>Example: a log signed {@code (size 5, root R)} for one witness and {@code (size 5, root R')}
 * for another; the evidence holds both signed notes and an empty prefix proof, and {@code
 * ForkEvidence.fromJson(file).verify(List.of(logKey))} returns both checkpoints. For sizes 6 and 8
 * the prefix proof is the RFC 9162 proof from 6 to 8 over the size-8 tree; folding it gives the
 * size-8 root (matching the second note) and a size-6 root different from the first note's.
 *
 * <p>Threading: all classes are thread-safe. Exceptions: {@link
 * dev.tlog.witness.fork.InvalidEvidenceException} when evidence does not prove a fork, {@link
 * dev.tlog.witness.errors.StateException} when the evidence directory fails.
 */
package dev.tlog.witness.fork;
