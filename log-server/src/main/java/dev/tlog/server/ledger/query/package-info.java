/**
 * The ledger's read services (spec/ledger.md, "Queries", "Complete windows"): {@link
 * dev.tlog.server.ledger.query.EventQueries} (Query, Summarize), {@link
 * dev.tlog.server.ledger.query.WindowFinder} (GetWindow) and {@link
 * dev.tlog.server.ledger.query.PayloadReads} (GetPayloads). Every answer is bounded by the signed
 * checkpoint current when the request arrived and states the log size the index covered; every
 * event returned is read from storage and re-checked against the filter.
 *
 * <p>Threading: thread-safe; each call opens its own index view and storage read transaction and
 * may block its caller up to one second waiting for the index, so transports call it from worker
 * threads, never an event loop. Exceptions: {@link dev.tlog.server.errors.InvalidRequestException}
 * and {@link dev.tlog.ledger.query.FilterException} (never valid), {@link
 * dev.tlog.server.errors.OutOfRangeException} (may become valid), {@link
 * dev.tlog.server.errors.StorageException}.
 */
package dev.tlog.server.ledger.query;
