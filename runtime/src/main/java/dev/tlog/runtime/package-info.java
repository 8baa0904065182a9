/**
 * Operations code shared by the log server and the witness, which must not depend on each other:
 * HTTP connection limits ({@code http}), the data directory lock ({@code storage}), metrics, health
 * checks and logging set-up. Nothing here knows about logs, checkpoints or Merkle trees.
 */
package dev.tlog.runtime;
