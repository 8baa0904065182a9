/**
 * The mirror's ceiling: how fast {@code tlog-mirror} catches up with a log of a given size
 * (spec/mirror.md), against the rate at which one client can merely download the same objects from
 * the same server in the same run. {@link dev.tlog.bench.mirror.MirrorRun} drives the step.
 *
 * <p>Figure names: {@code raw.http.fetch_tree.<size>} (entries/s covered by plain sequential GETs
 * of every bundle and hash tile of the tree), {@code mirror.catchup.<size>} (entries/s from the
 * mirror's start until it serves the log's checkpoint, every object verified and committed).
 */
package dev.tlog.bench.mirror;
