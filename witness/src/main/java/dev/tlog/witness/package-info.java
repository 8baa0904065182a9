/**
 * The tlog witness: a C2SP tlog-witness server (spec/witness.md). {@link dev.tlog.witness.Main}
 * parses flags, {@link dev.tlog.witness.WitnessServer} wires key, state, evidence store, HTTP API
 * and cross-checking. Depends on the merkle library only, never on the log server.
 *
 * <p>Threading: see each package; the HTTP event loops never block, state transitions run on one
 * writer thread. Exceptions: startup failures ({@link dev.tlog.witness.config.ConfigException},
 * {@link dev.tlog.witness.errors.StateException}) stop the program with exit code 3.
 */
package dev.tlog.witness;
