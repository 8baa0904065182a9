/**
 * The collectors file ({@code tlog-server --collectors FILE}, spec/compliance.md, "Collectors
 * (server side)"): parsed strictly and all-or-nothing into immutable values. Anything refused is a
 * {@link dev.tlog.server.evidence.config.CollectorsConfigException} whose message names the
 * collector and key. No I/O beyond reading the file.
 */
package dev.tlog.server.evidence.config;
