package dev.tlog.client.ledger;

import dev.tlog.client.CheckpointTracker;
import dev.tlog.client.VerificationException;
import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.VerifyingReader;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.merkle.hash.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Investigates a ledger log through its untrusted query service ({@link LedgerSource}) and reports
 * only what verified: every answer's checkpoint is signature-checked and must be consistent with
 * every checkpoint seen before ({@link CheckpointTracker}); every returned event is checked by
 * {@link HitVerifier} (entry, leaf hash, inclusion proof, payload commitment, filter match); when
 * the filter restricts receive times, each event's receive time is proven from the clock marks
 * before it ({@link ReceiveTimes}). What stays the log's word is said so: counts of a summary, the
 * absence of further matches (see {@link WindowVerifier} for proving a window complete).
 * Thread-safe if the sources are.
 */
public final class LedgerReader {
  /** Events per query page asked for. */
  public static final int PAGE_SIZE = 500;

  /** Most values a summary's count map holds; a full map may leave out the smallest counts. */
  public static final int SUMMARY_CAP = 1000;

  private final LedgerSource source;
  private final VerifyingReader reader;
  private final CheckpointTracker tracker;

  public LedgerReader(LedgerSource source, VerifyingReader reader, CheckpointTracker tracker) {
    this.source = source;
    this.reader = reader;
    this.tracker = tracker;
  }

  public LedgerSource source() {
    return source;
  }

  public VerifyingReader reader() {
    return reader;
  }

  /** Proves {@code received(index)} in the tree of {@code cp}. */
  interface ReceiveProver {
    long receivedAt(long index, VerifiedCheckpoint cp);
  }

  /** One verified page of a query. */
  public record VerifiedPage(
      List<VerifiedEvent> events,
      VerifiedCheckpoint checkpoint,
      long coveredSize,
      long nextIndex,
      boolean more) {}

  /**
   * Every verified event of a query, up to a limit.
   *
   * @param checkpoint the checkpoint of the last page (the largest; all are consistent)
   * @param coveredSize the smallest log size the index covered on any page
   * @param truncated the limit stopped the paging while the log had more
   */
  public record VerifiedResults(
      List<VerifiedEvent> events,
      VerifiedCheckpoint checkpoint,
      long coveredSize,
      boolean truncated) {}

  /** A verified summary; the counts are the log's claims, checked only for consistency. */
  public record VerifiedSummary(
      long total,
      Map<String, Long> byActor,
      Map<String, Long> byAction,
      Map<String, Long> bySeverity,
      Optional<VerifiedEvent> first,
      Optional<VerifiedEvent> last,
      VerifiedCheckpoint checkpoint,
      long coveredSize) {}

  /** One page of events matching {@code filter} from {@code startIndex}. */
  public VerifiedPage query(EventFilter filter, long startIndex, int pageSize) {
    Map<Long, ReceiveTimes> provers = new HashMap<>();
    return page(new HitVerifier(filter), startIndex, pageSize, receiveProver(filter, provers));
  }

  /** Every event matching {@code filter}, page by page, at most {@code limit} (0: no limit). */
  public VerifiedResults queryAll(EventFilter filter, long limit) {
    Map<Long, ReceiveTimes> provers = new HashMap<>();
    return queryAll(filter, limit, receiveProver(filter, provers));
  }

  VerifiedResults queryAll(EventFilter filter, long limit, ReceiveProver prover) {
    HitVerifier hits = new HitVerifier(filter);
    List<VerifiedEvent> out = new ArrayList<>();
    long next = 0;
    long covered = Long.MAX_VALUE;
    VerifiedCheckpoint last = null;
    while (true) {
      int want = limit > 0 ? (int) Math.min(PAGE_SIZE, limit - out.size()) : PAGE_SIZE;
      VerifiedPage p = page(hits, next, want, prover);
      if (!out.isEmpty()
          && !p.events().isEmpty()
          && p.events().get(0).index() <= out.get(out.size() - 1).index()) {
        throw new VerificationException(
            "query pages overlap at event " + p.events().get(0).index());
      }
      out.addAll(p.events());
      covered = Math.min(covered, p.coveredSize());
      last = p.checkpoint();
      if (!p.more()) {
        return new VerifiedResults(out, last, covered, false);
      }
      if (limit > 0 && out.size() >= limit) {
        return new VerifiedResults(out, last, covered, true);
      }
      next = p.nextIndex();
    }
  }

  private ReceiveProver receiveProver(EventFilter filter, Map<Long, ReceiveTimes> provers) {
    if (filter.received().isAll()) {
      return null;
    }
    return (index, cp) ->
        provers.computeIfAbsent(cp.size(), s -> new ReceiveTimes(reader, cp)).receivedAt(index);
  }

  private VerifiedPage page(HitVerifier hits, long startIndex, int pageSize, ReceiveProver prover) {
    LedgerSource.QueryPage p = source.query(hits.filter(), startIndex, pageSize, true);
    VerifiedCheckpoint cp = checkpoint(p.checkpoint(), p.coveredSize());
    if (p.events().size() > pageSize) {
      throw new VerificationException(
          "asked for at most " + pageSize + " events, the log returned " + p.events().size());
    }
    List<VerifiedEvent> out = new ArrayList<>(p.events().size());
    long previous = startIndex - 1;
    for (LedgerSource.ServedEvent e : p.events()) {
      if (e.index() <= previous || e.index() >= p.coveredSize()) {
        throw new VerificationException(
            "query answer from index "
                + startIndex
                + " (covering size "
                + p.coveredSize()
                + ") returned event "
                + e.index()
                + " after "
                + previous);
      }
      previous = e.index();
      out.add(
          hits.verify(e, proof(e, cp), cp, prover == null ? -1 : prover.receivedAt(e.index(), cp)));
    }
    if (p.more() && (p.nextIndex() <= previous || p.nextIndex() > p.coveredSize())) {
      throw new VerificationException(
          "query answer says more from index "
              + p.nextIndex()
              + " after event "
              + previous
              + " (covering size "
              + p.coveredSize()
              + ")");
    }
    return new VerifiedPage(out, cp, p.coveredSize(), p.nextIndex(), p.more());
  }

  /** Counts, first and last event of everything matching {@code filter}. */
  public VerifiedSummary summarize(EventFilter filter) {
    LedgerSource.ServedSummary s = source.summarize(filter);
    VerifiedCheckpoint cp = checkpoint(s.checkpoint(), s.coveredSize());
    for (var counts : List.of(s.byActor(), s.byAction(), s.bySeverity())) {
      long sum = counts.values().stream().mapToLong(Long::longValue).sum();
      // A map of SUMMARY_CAP values may hold only the largest counts (spec/ledger.md, "Queries").
      boolean capped = counts.size() >= SUMMARY_CAP;
      if (capped ? sum > s.total() : sum != s.total()) {
        throw new VerificationException(
            "summary counts " + counts + " add up to " + sum + ", its total is " + s.total());
      }
    }
    allowed("actor", s.byActor().keySet(), filter.actors());
    allowed("action", s.byAction().keySet(), filter.actions());
    allowed(
        "severity",
        s.bySeverity().keySet(),
        filter
            .allowedSeverities()
            .map(set -> set.stream().map(v -> v.label()).collect(Collectors.toSet()))
            .orElse(Set.of()));
    if ((s.total() == 0) != s.first().isEmpty() || s.first().isEmpty() != s.last().isEmpty()) {
      throw new VerificationException(
          "summary of "
              + s.total()
              + " events "
              + (s.first().isEmpty() ? "lacks" : "has")
              + " first and last events");
    }
    HitVerifier hits = new HitVerifier(filter);
    Map<Long, ReceiveTimes> provers = new HashMap<>();
    ReceiveProver prover = receiveProver(filter, provers);
    Optional<VerifiedEvent> first = s.first().map(e -> verifyOne(hits, e, cp, prover));
    Optional<VerifiedEvent> last = s.last().map(e -> verifyOne(hits, e, cp, prover));
    if (first.isPresent()
        && (first.get().index() > last.get().index()
            || (s.total() == 1) != (first.get().index() == last.get().index()))) {
      throw new VerificationException(
          "summary of "
              + s.total()
              + " events has first event "
              + first.get().index()
              + " and last event "
              + last.get().index());
    }
    return new VerifiedSummary(
        s.total(), s.byActor(), s.byAction(), s.bySeverity(), first, last, cp, s.coveredSize());
  }

  /** A summary may only count values the filter allows ({@code allowed} empty: any). */
  private static void allowed(String what, Set<String> counted, Set<String> allowed) {
    for (String v : counted) {
      if (!allowed.isEmpty() && !allowed.contains(v)) {
        throw new VerificationException(
            "summary counts events with " + what + " " + v + ", which the filter excludes");
      }
    }
  }

  private VerifiedEvent verifyOne(
      HitVerifier hits, LedgerSource.ServedEvent e, VerifiedCheckpoint cp, ReceiveProver prover) {
    return hits.verify(e, proof(e, cp), cp, prover == null ? -1 : prover.receivedAt(e.index(), cp));
  }

  /** The served proof, or one fetched from the log when the answer carried none. */
  private List<Hash> proof(LedgerSource.ServedEvent e, VerifiedCheckpoint cp) {
    if (!e.proof().isEmpty() || cp.size() <= 1) {
      return e.proof();
    }
    return reader.source().inclusionProof(e.index(), cp.size()).hashes();
  }

  /** Opens an answer's checkpoint and checks it against every checkpoint seen before. */
  VerifiedCheckpoint checkpoint(String note, long coveredSize) {
    VerifiedCheckpoint cp = reader.verifier().verify(note);
    tracker.observe(cp);
    if (coveredSize > cp.size()) {
      throw new VerificationException(
          "answer covers log size " + coveredSize + " but its checkpoint has size " + cp.size());
    }
    return cp;
  }

  /** One step of {@link #trace}: an event and how its chain hash was checked. */
  public record TraceStep(VerifiedEvent event, long gapBefore, ChainLink link) {}

  /** How the chain hash of a trace step relates to the previous step's. */
  public enum ChainLink {
    /** The first step: its chain hash is the log's claim. */
    FIRST,
    /** {@code C[i]} follows from the previous step's {@code C} and the verified leaves between. */
    VERIFIED,
    /** Too far from the previous step to fetch what lies between, or the log sent no chain hash. */
    UNCHECKED
  }

  /** The result of {@link #trace}: steps in log order, and whether the last is anchored. */
  public record Trace(
      List<TraceStep> steps, VerifiedCheckpoint checkpoint, boolean anchored, boolean truncated) {}

  /**
   * The events matching {@code filter} (typically one actor and a time range) in log order, each
   * verified, with the chain link from each to the next checked: directly when adjacent, through
   * the verified entries between them when at most {@code maxGap} lie between. {@code anchored}:
   * the last step's chain hash leads, through the entries after it, to the checkpoint's signed
   * chain head (checked when at most {@code maxGap} entries follow it).
   */
  public Trace trace(EventFilter filter, long limit, int maxGap) {
    VerifiedResults r = queryAll(filter, limit);
    return new ChainLinks(reader, maxGap).trace(r);
  }
}
