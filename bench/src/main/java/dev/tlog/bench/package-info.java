/**
 * The {@code tlog-bench.jar} command line. Subcommands: {@code raw} (physical limits), {@code jmh}
 * (JMH, all arguments passed through), {@code jmh-import} (JMH JSON to figures), {@code load}
 * (end-to-end load against the real server), {@code publish} (the server publishing to an
 * in-process S3 bucket, against raw PUTs), {@code ledger} (ledger queries in process), {@code
 * import} (JSON lines from stdin, e.g. the Go peer's), {@code table} (print a results file). Every
 * command appends to the results file named by {@code --out}; {@code bench/run.sh} runs them in
 * order.
 *
 * <p>Failures exit non-zero with a one-line message; nothing here keeps static state.
 */
package dev.tlog.bench;
