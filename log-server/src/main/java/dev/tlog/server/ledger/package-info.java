/**
 * The audit ledger's queries (spec/ledger.md, "Queries" and "The index"): {@link
 * dev.tlog.server.ledger.Ledger} wires a derived Lucene index that follows the log ({@code
 * ledger.index}) and the read services that answer from it and from storage ({@code ledger.query}).
 * The index never decides what is true: every event served is read from storage and re-checked
 * against the filter, and every answer says which log size it covers.
 *
 * <p>Threading: one indexer thread writes the index; queries run on any transport worker thread.
 * Exceptions: bad requests are {@link dev.tlog.server.errors.InvalidRequestException} or {@link
 * dev.tlog.ledger.query.FilterException}; storage and Lucene failures {@link
 * dev.tlog.server.errors.StorageException}.
 */
package dev.tlog.server.ledger;
