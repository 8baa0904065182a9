/**
 * Several logs in one process (spec/scaling.md, "Several logs in one process"): the logs file that
 * lists them ({@link dev.tlog.server.hosting.LogsFile}) and the host that starts and stops them
 * together ({@link dev.tlog.server.hosting.LogHost}). Each log keeps its own origin, key, LMDB
 * environment, listeners, witnesses and bucket; nothing of one log's state is shared with another.
 */
package dev.tlog.server.hosting;
