/**
 * What the log server and a client must agree on exactly to search a ledger (spec/ledger.md,
 * "Queries"): the {@link dev.tlog.ledger.query.EventFilter} value, the Lucene document of an entry
 * ({@link dev.tlog.ledger.query.EventDocuments}), the Lucene query of a filter ({@link
 * dev.tlog.ledger.query.FilterQueries}, full text in Lucene's classic query syntax) and {@link
 * dev.tlog.ledger.query.EventMatcher}, which re-applies a filter to one entry in memory. Converting
 * filters to and from protobuf is the transports' job, not this package's.
 *
 * <p>Pure functions and immutable values, no I/O; everything is thread-safe. Exceptions: {@link
 * dev.tlog.ledger.query.FilterException} naming the filter field for a filter that can never be
 * answered; {@link dev.tlog.merkle.ledger.EventFormatException} for a payload record that does not
 * belong to its entry.
 */
package dev.tlog.ledger.query;
