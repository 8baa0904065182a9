/**
 * The client side of the audit ledger (spec/ledger.md, "Recording" and "Investigating"): recording
 * events with verified receipts, and investigating a ledger log through its untrusted query
 * service, reporting only what verified.
 *
 * <ul>
 *   <li>{@link dev.tlog.client.ledger.EventRecorder}: records {@link dev.tlog.merkle.ledger.Event}s
 *       one at a time, in batches, or over an {@link dev.tlog.client.ledger.EventStream}
 *       (back-pressure, events of a broken stream re-sent, bounded). A receipt's leaf hash must be
 *       {@code SHA-256(0x00 || entry)} of the event's entry, computed here: a ledger log commits
 *       the entry, not the submission sent.
 *   <li>{@link dev.tlog.client.ledger.EventLines}: the JSON-lines input of {@code tlog ingest}.
 *   <li>{@link dev.tlog.client.ledger.LedgerSource}: untrusted access to {@code
 *       tlog.v1.LedgerService} (gRPC: {@code dev.tlog.client.transport.GrpcLedgerSource}).
 *   <li>{@link dev.tlog.client.ledger.LedgerReader}: queries, summaries and traces; each returned
 *       event becomes a {@link dev.tlog.client.ledger.VerifiedEvent} only after its checkpoint
 *       (signature, consistency with every checkpoint seen), leaf hash and inclusion proof, payload
 *       record against the entry's {@code payload_sha256}, and filter match (re-applied with {@code
 *       dev.tlog.ledger.query.EventMatcher}, the matcher the log's index is built from) verified.
 *       Receive times used by a filter are proven from the clock marks before each event.
 *   <li>{@link dev.tlog.client.ledger.WindowVerifier}: proves a receive-time window complete (its
 *       range {@code [mark_before, end]} verified as one range, the four conditions of "Complete
 *       windows", clock marks strictly increasing) and, with {@code complete}, re-applies the
 *       filter to every event of the window and fails with {@link
 *       dev.tlog.client.ledger.IncompleteAnswerException} naming any matching event the log left
 *       out.
 *   <li>{@link dev.tlog.client.ledger.BundleFilters}: filters in evidence bundles.
 * </ul>
 *
 * <p>Example: what did agent:planner do in a window, and did the log show everything?
 *
 * <pre>{@code
 * LedgerReader ledger = new LedgerReader(grpc.ledger(), reader, tracker);
 * EventFilter planner = EventFilter.builder().actor("agent:planner").build();
 * WindowVerifier.WindowCheck c = new WindowVerifier(ledger).check(from, to, planner, true);
 * c.hits().forEach(e -> System.out.println(e.index() + " " + e.event().action()));
 * }</pre>
 *
 * <p>What stays the log's word, and says so: the counts of a summary (unless recounted over a
 * proven window), the absence of further matches outside a proven window, receive times when the
 * filter does not restrict them ({@link dev.tlog.client.ledger.VerifiedEvent#receivedVerified}),
 * and chain links a trace could not reach.
 *
 * <p>Exceptions: the library's {@link dev.tlog.client.TlogClientException}s; a log's answer that
 * does not verify is a {@link dev.tlog.client.VerificationException}, an answer that verified but
 * left out matching events an {@link dev.tlog.client.ledger.IncompleteAnswerException} ({@code
 * Failure.INCOMPLETE_ANSWER}, exit code 8). Threading: values are immutable; {@code EventRecorder},
 * {@code LedgerReader} and {@code WindowVerifier} are thread-safe if their sources are; an {@code
 * EventStream} is fed from one thread.
 */
package dev.tlog.client.ledger;
