package dev.tlog.client.ledger;

import dev.tlog.client.AppendReceipt;
import dev.tlog.client.LogAppender;
import dev.tlog.client.RetryPolicy;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Records events in a ledger log and returns verified {@link EventReceipt}s. Each event is sent as
 * its submission ({@link EventCodec#submission}); the log commits its entry ({@link
 * EventCodec#entry}), so the receipt's leaf hash must be the hash of that entry, computed here, and
 * is checked against a signed checkpoint like every {@link LogAppender} receipt. Retrying is safe:
 * a submission sent twice (same salt) gives the same entry, which the log answers with its existing
 * index. Thread-safe if the appender is; an {@link EventStream} is fed from one thread.
 *
 * <pre>{@code
 * EventRecorder recorder = new EventRecorder(appender, RetryPolicy.defaults());
 * EventReceipt r =
 *     recorder.record(
 *         Event.builder()
 *             .actor("agent:planner")
 *             .action("agent.tool_call")
 *             .payload("{\"tool\":\"shell\",\"parameters\":{\"cmd\":\"ls\"}}")
 *             .build());
 * }</pre>
 */
public final class EventRecorder {
  private final LogAppender appender;
  private final RetryPolicy retry;

  /** {@code retry} bounds how often a stream's event is re-sent after the stream broke. */
  public EventRecorder(LogAppender appender, RetryPolicy retry) {
    this.appender = appender;
    this.retry = retry;
  }

  /** The leaf hash a ledger log commits for {@code e}: {@code SHA-256(0x00 || entry(e))}. */
  public static Hash committedLeaf(Event e) {
    return TreeHasher.leafHash(EventCodec.entry(e));
  }

  /** Records one event (unary append; the transport retries as its policy says). */
  public EventReceipt record(Event e) {
    return new EventReceipt(e, appender.append(EventCodec.submission(e), committedLeaf(e)));
  }

  /** Records events in one durable batch (all or none); receipts in order. */
  public List<EventReceipt> recordBatch(List<Event> events) {
    List<byte[]> data = new ArrayList<>(events.size());
    List<Hash> leaves = new ArrayList<>(events.size());
    for (Event e : events) {
      data.add(EventCodec.submission(e));
      leaves.add(committedLeaf(e));
    }
    List<AppendReceipt> receipts = appender.appendBatch(data, leaves);
    List<EventReceipt> out = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      out.add(new EventReceipt(events.get(i), receipts.get(i)));
    }
    return out;
  }

  /**
   * Opens a stream: at most {@code window} events unacknowledged (back-pressure), events re-sent on
   * a new stream after the stream broke, at most {@code retry.maxAttempts()} times each.
   */
  public EventStream openStream(int window) {
    return new EventStream(appender, window, retry);
  }
}
