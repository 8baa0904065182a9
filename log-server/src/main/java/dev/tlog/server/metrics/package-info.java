/**
 * The log server's meters (spec/api.md, "Metrics"): what the writer, the tiles API and the gRPC
 * services did, and gauges of the live state. The registry is created in the wiring ({@code
 * LogServer}) and passed by constructor.
 */
package dev.tlog.server.metrics;
