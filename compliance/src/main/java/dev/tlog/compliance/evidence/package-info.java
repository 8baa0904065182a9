/**
 * The payloads of the {@code evidence.*} ledger events (spec/compliance.md, "Evidence events"):
 * {@link dev.tlog.compliance.evidence.CollectionRecord}, {@link
 * dev.tlog.compliance.evidence.MissedRecord}, {@link dev.tlog.compliance.evidence.ScheduleRecord}
 * and {@link dev.tlog.compliance.evidence.ReportRecord}, each written by {@code toPayload()} and
 * read back by {@code parse}, which throws {@link
 * dev.tlog.compliance.evidence.EvidenceFormatException} naming the field.
 */
package dev.tlog.compliance.evidence;
