package dev.tlog.server.ledger.query;

import dev.tlog.server.checkpoint.SignedCheckpoint;
import java.util.Map;
import java.util.Optional;

/**
 * What a filter matches in entries {@code [0, covered)}: how many events, counts by actor, action
 * and severity (each map at most {@link EventQueries#MAX_SUMMARY_KEYS} keys, the largest counts),
 * and the first and last matching events.
 */
public record Summary(
    long total,
    Map<String, Long> byActor,
    Map<String, Long> byAction,
    Map<String, Long> bySeverity,
    Optional<LedgerHit> first,
    Optional<LedgerHit> last,
    SignedCheckpoint checkpoint,
    long covered) {
  public Summary {
    byActor = Map.copyOf(byActor);
    byAction = Map.copyOf(byAction);
    bySeverity = Map.copyOf(bySeverity);
  }
}
