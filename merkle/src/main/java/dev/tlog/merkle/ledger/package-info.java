/**
 * The audit ledger's byte formats (normative text: spec/ledger.md).
 *
 * <p>An appender builds an {@link dev.tlog.merkle.ledger.Event} and sends its {@linkplain
 * dev.tlog.merkle.ledger.EventCodec#submission submission}. The log commits the {@linkplain
 * dev.tlog.merkle.ledger.EventCodec#entry entry}, which carries a salted commitment in place of the
 * payload, and stores the {@linkplain dev.tlog.merkle.ledger.EventCodec#payloadRecord payload
 * record} beside it, so that a payload can later be erased without changing any leaf. The log's own
 * receive time is committed by {@linkplain dev.tlog.merkle.ledger.LedgerEntry.ClockMark clock
 * marks} between batches. All three are RFC 8785 canonical JSON: an auditor checks an entry with
 * {@code (printf '\0'; cat entry.json) | sha256sum}.
 *
 * <p>Pure functions and immutable values, no I/O; every failure is an {@link
 * dev.tlog.merkle.ledger.EventFormatException} naming the field.
 */
package dev.tlog.merkle.ledger;
