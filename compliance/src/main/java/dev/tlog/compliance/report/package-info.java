/**
 * Compliance reports (spec/compliance.md, "Reports", "Counting"): {@link
 * dev.tlog.compliance.report.ReportCalculator} turns the verified events of a receive-time window
 * and a control mapping into a {@link dev.tlog.compliance.report.ReportModel}; {@link
 * dev.tlog.compliance.report.ReportJson} writes it as canonical (JCS) JSON and reads back the
 * parameters it states; {@link dev.tlog.compliance.report.MarkdownReport} and {@link
 * dev.tlog.compliance.report.HtmlReport} render it. Pure: no I/O, no clock, no randomness, so the
 * same bundle and parameters always give the same bytes. Values are immutable; nothing here keeps
 * state between calls. Bad input is a {@link dev.tlog.compliance.report.ReportException}.
 */
package dev.tlog.compliance.report;
