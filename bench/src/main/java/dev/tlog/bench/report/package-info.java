/**
 * Benchmark results: one {@link dev.tlog.bench.report.Figure} per measured quantity, written as one
 * JSON line to a results file ({@link dev.tlog.bench.report.ResultsFile}) and printed as an aligned
 * table ({@link dev.tlog.bench.report.ResultsTable}).
 *
 * <p>JSON line format (fields that do not apply are omitted):
 *
 * <pre>{@code
 * {"name":"load.append.unary.c16","unit":"entries/s","value":5321.0,"p50_ms":2.9,"p99_ms":7.1,
 *  "p999_ms":12.0,"raw_limit":912345.0,"ratio_to_raw":0.0058,"machine":{"nproc":2,...}}
 * }</pre>
 *
 * <p>{@code ratio_to_raw} is {@code value / raw_limit}: the share of the physical limit measured in
 * the same run that the figure reaches. Threading: a {@link dev.tlog.bench.report.ResultsFile} may
 * be shared between threads (appends are synchronized); everything else is immutable. I/O failures
 * escape as {@link java.io.UncheckedIOException}.
 */
package dev.tlog.bench.report;
