/**
 * Operations code shared by the log server and the witness, which must not depend on each other:
 * HTTP connection limits ({@code http}), the data directory lock ({@code storage}), the metrics,
 * health and readiness routes ({@code http.OpsRoutes}, {@code health}) and logging set-up ({@code
 * logging}). Each server builds one Micrometer registry in its wiring and passes it by constructor;
 * there is no global registry. Nothing here knows about logs, checkpoints or Merkle trees.
 */
package dev.tlog.runtime;
