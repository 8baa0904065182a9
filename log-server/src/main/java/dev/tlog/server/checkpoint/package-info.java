/**
 * Checkpoint signing and publication. The integrator signs the checkpoint for a batch's new size
 * before the batch is committed (it is written in the same transaction); it is published to the
 * {@link dev.tlog.server.checkpoint.CheckpointFeed} only after the commit, so no published
 * checkpoint is ever for a size that is not durable.
 */
package dev.tlog.server.checkpoint;
