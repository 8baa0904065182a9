/**
 * Logging set-up for the servers: SLF4J and Logback behind {@code System.Logger} and
 * java.util.logging, JSON lines or a human format ({@code --log-format}). What may be logged: never
 * a bearer token, a key or a request body; a malformed request is logged once per client, without a
 * stack trace.
 */
package dev.tlog.runtime.logging;
