package dev.tlog.client.ledger;

import dev.tlog.ledger.query.EventFilter;
import dev.tlog.merkle.hash.Hash;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Untrusted access to a ledger log's query service ({@code tlog.v1.LedgerService}, spec/ledger.md):
 * everything returned here is what the log said and must be verified before use ({@link
 * LedgerReader} does). Implementation: {@code GrpcLedgerSource}.
 *
 * <p>Failures: {@link dev.tlog.client.LogUnavailableException} (transport), {@link
 * dev.tlog.client.LogRequestException} (the log said no, e.g. not a ledger), {@link
 * dev.tlog.client.VerificationException} (a response that does not parse).
 */
public interface LedgerSource extends AutoCloseable {
  /** One page of events matching {@code filter} from {@code startIndex}, in log order. */
  QueryPage query(EventFilter filter, long startIndex, int pageSize, boolean withProofs);

  /** Counts and first and last event of everything matching {@code filter}. */
  ServedSummary summarize(EventFilter filter);

  /**
   * The index range of the receive-time window {@code [from, to)}; {@code to = Long.MAX_VALUE}:
   * unbounded.
   */
  ServedWindow window(long from, long to);

  /**
   * Payload records of entries from {@code start}, at most up to {@code end}: at least one when
   * {@code start < end}, one per index, empty for clock marks and erased payloads.
   */
  List<byte[]> payloads(long start, long end);

  /** A short description for messages, e.g. {@code grpc 127.0.0.1:7400}. */
  String describe();

  @Override
  default void close() {}

  /**
   * An event as the log served it, unverified.
   *
   * @param payloadRecord empty when the payload was erased
   * @param received the receive time the log claims for the entry, nanoseconds
   * @param proof inclusion proof against the answer's checkpoint; empty when not asked for
   * @param chainHash {@code C[index]} as the log claims it, null when not sent
   */
  record ServedEvent(
      long index,
      byte[] entry,
      byte[] payloadRecord,
      long received,
      List<Hash> proof,
      Hash chainHash) {}

  /** One page of a query answer, unverified. */
  record QueryPage(
      List<ServedEvent> events,
      String checkpoint,
      long coveredSize,
      long nextIndex,
      boolean more) {}

  /** A summary answer, unverified. */
  record ServedSummary(
      long total,
      Map<String, Long> byActor,
      Map<String, Long> byAction,
      Map<String, Long> bySeverity,
      Optional<ServedEvent> first,
      Optional<ServedEvent> last,
      String checkpoint,
      long coveredSize) {}

  /** A window answer, unverified: entries {@code [start, end)} as of the checkpoint. */
  record ServedWindow(String checkpoint, long start, long end, OptionalLong markBefore) {}
}
