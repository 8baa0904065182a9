/**
 * Compliance evidence collection on the server (spec/compliance.md, "Collectors (server side)",
 * "Evidence events", "No silent gaps: slot accounting"). {@link
 * dev.tlog.server.evidence.EvidenceScheduler} owns a ticker thread and a bounded pool of worker
 * threads; nothing here runs on the sequencer's or a transport thread, and events are appended
 * through the same admission and sequencer as any client's. Failed collections are events, not
 * exceptions; an append that fails is logged and its slot is recorded later as missed ({@code
 * not-recorded}).
 */
package dev.tlog.server.evidence;
