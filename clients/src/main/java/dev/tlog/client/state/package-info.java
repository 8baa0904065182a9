/**
 * Small local state files: the last verified checkpoint per log and resumable audit progress. Every
 * write is atomic (temp file, fsync, rename, fsync of the directory), so a crash leaves either the
 * old or the new state. Failures are {@link dev.tlog.client.state.StateFileException}. Not safe for
 * two processes writing the same state directory at once.
 */
package dev.tlog.client.state;
