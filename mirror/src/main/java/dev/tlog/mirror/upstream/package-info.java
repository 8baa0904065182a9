/**
 * Reads the followed log's C2SP tlog-tiles objects over HTTP: {@code checkpoint}, hash tiles and
 * entry bundles relative to one base URL (the log server's HTTP listener, a bucket, any static
 * copy). Nothing here is trusted: every body is verified by {@link dev.tlog.mirror.verify}.
 *
 * <p>Threading: {@link dev.tlog.mirror.upstream.Upstream} is thread-safe. Exceptions: every failure
 * to obtain a body (I/O, timeout, a status other than 200, a body over its bound) is an {@link
 * dev.tlog.mirror.upstream.UpstreamException}; nothing else escapes.
 */
package dev.tlog.mirror.upstream;
