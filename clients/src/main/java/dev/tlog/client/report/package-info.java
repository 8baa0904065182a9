/**
 * Compliance reports on the client (spec/compliance.md, "Reports"): a report directory's bundle,
 * its three report files and the receipt of the {@code evidence.report} event. {@link
 * dev.tlog.client.report.RenderedReport} computes the files from a bundle (both when writing and
 * when verifying); {@link dev.tlog.client.report.ReportVerifier} checks a directory offline. No
 * network; values immutable. Failures are {@link
 * dev.tlog.client.report.ReportVerificationException} (a {@code VerificationException}, exit 3) or,
 * for unreadable files, {@code UncheckedIOException}.
 */
package dev.tlog.client.report;
