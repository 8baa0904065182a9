/**
 * The witness's decision logic for C2SP tlog-witness add-checkpoint: {@link
 * dev.tlog.witness.core.SubmissionChecker} (stateless checks: 400, 403, 404) and {@link
 * dev.tlog.witness.core.SubmissionCosigner} (stateful checks, persistence, cosigning: 409, 422,
 * fork evidence).
 *
 * <p>Threading: {@code SubmissionChecker} runs on any worker thread; {@code
 * SubmissionCosigner.apply} on the single writer thread only. Exceptions: the {@link
 * dev.tlog.witness.errors.WitnessException} subclasses documented on each method; nothing else on
 * bad input.
 */
package dev.tlog.witness.core;
