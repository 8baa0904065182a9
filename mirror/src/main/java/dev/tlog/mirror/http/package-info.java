/**
 * The mirror's HTTP listener (spec/mirror.md, "Serving"): the C2SP tlog-tiles read API ({@code
 * /checkpoint}, {@code /tile/<L>/<N>[.p/<W>]}, {@code /tile/entries/<N>[.p/<W>]}) with the log
 * server's bytes, media types and Cache-Control, {@code /fork-evidence}, and the operations routes
 * {@code /metrics}, {@code /healthz}, {@code /readyz}. Every route answers GET and HEAD.
 *
 * <p>Threading: handlers run on the event loop; LMDB reads run on worker threads. Exceptions:
 * {@link dev.tlog.mirror.http.HttpErrors} is the one place where exceptions become statuses.
 */
package dev.tlog.mirror.http;
