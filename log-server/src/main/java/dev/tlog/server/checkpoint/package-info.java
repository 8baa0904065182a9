/**
 * Checkpoint signing and publication. The integrator signs a checkpoint only for a tree size that
 * is already durable, then publishes it to the {@link dev.tlog.server.checkpoint.CheckpointFeed}.
 */
package dev.tlog.server.checkpoint;
