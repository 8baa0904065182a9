package dev.tlog.bench.load;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Agent tool-call event submissions for a ledger-mode log (spec/ledger.md): a per-run id and a
 * sequence number in the metadata, a payload of about {@code payloadBytes}, a fresh salt each.
 * Thread-safe.
 */
public final class LedgerEvents implements EntrySource {
  private final String runId = Long.toHexString(new SecureRandom().nextLong());
  private final AtomicLong next = new AtomicLong();
  private final String filler;

  public LedgerEvents(int payloadBytes) {
    this.filler = "x".repeat(Math.max(0, payloadBytes - 40));
  }

  @Override
  public ByteString next() {
    long seq = next.getAndIncrement();
    Event e =
        Event.builder()
            .time(Instant.now())
            .actor("agent:bench-" + (seq % 16))
            .action("agent.tool_call")
            .payload(
                "{\"tool\":\"shell\",\"duration_ms\":"
                    + (seq % 1000)
                    + ",\"out\":\""
                    + filler
                    + "\"}")
            .meta("run", runId)
            .meta("seq", Long.toString(seq))
            .build();
    return ByteString.copyFrom(EventCodec.submission(e));
  }

  @Override
  public long sequenceOf(ByteString entry) {
    try {
      if (EventCodec.parseEntry(entry.toByteArray()) instanceof LedgerEntry.EventEntry e
          && runId.equals(e.meta().get("run"))) {
        return Long.parseLong(e.meta().get("seq"));
      }
    } catch (RuntimeException e) {
      // another source's entry, or a clock mark's
    }
    return -1;
  }
}
