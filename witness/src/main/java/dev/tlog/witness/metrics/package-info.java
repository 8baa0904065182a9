/**
 * The witness's meters (spec/witness.md, "Metrics"). The registry is created in the wiring ({@code
 * WitnessServer}) and passed by constructor.
 */
package dev.tlog.witness.metrics;
