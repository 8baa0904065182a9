/**
 * Liveness and readiness (spec/api.md and spec/witness.md, "Health"): {@code /healthz} answers
 * while the process runs; {@code /readyz} runs the {@link dev.tlog.runtime.health.Readiness}
 * checks.
 */
package dev.tlog.runtime.health;
