/**
 * The {@code tlog} command line (picocli): record, ingest, events, summary, trace, window verify
 * (ledger logs), append, checkpoint, prove inclusion|consistency, monitor, audit, export,
 * verify-bundle. Human-readable output by default, {@code --json} for machines. Exceptions become
 * exit codes in exactly one place, {@link dev.tlog.client.cli.ExitCodes}; commands never call
 * {@code System.exit}.
 */
package dev.tlog.client.cli;
