/**
 * Log-side witnessing (spec/api.md, witnessing): submits each new signed checkpoint to the
 * configured C2SP tlog-witness endpoints ({@link dev.tlog.server.witnessing.Witness}) with a
 * consistency proof from the size each last cosigned, and publishes the checkpoint with the
 * cosignatures appended once a quorum answered. The add-checkpoint body is {@link
 * dev.tlog.merkle.witness.AddCheckpointRequest}, shared with the witness.
 *
 * <p>Threading: rounds run on the single {@code tlog-witnessing} thread and never overlap; appends
 * never wait for them. Exceptions: witness failures (network, bad cosignature, 409) are logged and
 * recorded per witness, never thrown; the published checkpoint lags until the witnesses return.
 */
package dev.tlog.server.witnessing;
