/**
 * The mirror's meters (spec/mirror.md, "Metrics"), on the registry the wiring passes in and scraped
 * at {@code /metrics}.
 *
 * <p>Threading: every method may be called from any thread.
 */
package dev.tlog.mirror.metrics;
