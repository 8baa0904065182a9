/**
 * HTTP listener plumbing shared by the log server's tiles API and the witness's API.
 *
 * <p>Connections: {@code HttpLimits} bounds them in total and per client IP, and times out idle
 * connections and slow request headers; {@code ConnectionGuard} enforces the counts and the header
 * timeout, Vert.x the rest. {@code AcceptErrorLogging} keeps logging possible when descriptors run
 * out. Threading: the guard's handlers run on any event loop; its counters are thread-safe.
 */
package dev.tlog.runtime.http;
