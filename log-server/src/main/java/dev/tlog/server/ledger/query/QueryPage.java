package dev.tlog.server.ledger.query;

import dev.tlog.server.checkpoint.SignedCheckpoint;
import java.util.List;

/**
 * One page of a query: the matching events in log order, the signed checkpoint the answer is
 * bounded by (and proofs are against), the log size the index covered ({@code <=} the checkpoint's
 * size), and where the next page starts when there is more.
 */
public record QueryPage(
    List<LedgerHit> events,
    SignedCheckpoint checkpoint,
    long covered,
    long nextIndex,
    boolean more) {
  public QueryPage {
    events = List.copyOf(events);
  }
}
