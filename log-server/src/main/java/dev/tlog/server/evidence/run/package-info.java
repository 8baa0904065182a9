/**
 * Running one collector of each kind (spec/compliance.md, "Collectors (server side)"): commands,
 * files, HTTP GETs and the log's built-in state. Threading: {@link
 * dev.tlog.server.evidence.run.Collector#run} runs on a scheduler worker thread, never on the
 * sequencer's or a transport thread; commands use two short-lived reader threads per run. A failed
 * collection is a result, not an exception; only programming errors escape.
 */
package dev.tlog.server.evidence.run;
