package dev.tlog.client.ledger;

import dev.tlog.client.LogRequestException;
import dev.tlog.client.LogUnavailableException;
import dev.tlog.client.VerificationException;
import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.VerifiedRange;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.TimeRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Proves receive-time windows complete and checks the log's answers about them (spec/ledger.md,
 * "Complete windows"). {@link #window} fetches {@code [mark_before, end]} as one verified range and
 * checks the four conditions, and also that the range's clock marks strictly increase (which the
 * conditions take for granted, {@link WindowConditions}). {@link #check} adds the log's hits for a
 * filter in the window, each verified with receive times taken from the range, the chain links
 * between them, and optionally ({@code complete}) the filter re-applied by the client to every
 * event of the window, whose payload records it fetches and checks: a matching event the log did
 * not return is an {@link IncompleteAnswerException}.
 */
public final class WindowVerifier {
  /** Payload records asked for per {@code GetPayloads} call. */
  static final int PAYLOAD_PAGE = 1000;

  private final LedgerReader ledger;

  public WindowVerifier(LedgerReader ledger) {
    this.ledger = ledger;
  }

  /** The window {@code [from, to)} ({@code to = Long.MAX_VALUE}: unbounded), proven. */
  public VerifiedWindow window(long from, long to) {
    if (from < 0 || to <= from) {
      throw new LogRequestException(
          "INVALID_ARGUMENT", "window [" + from + ", " + to + ") is empty or negative", null);
    }
    LedgerSource.ServedWindow w = ledger.source().window(from, to);
    VerifiedCheckpoint cp = ledger.checkpoint(w.checkpoint(), 0);
    long n = cp.size();
    long start = w.start();
    long end = w.end();
    OptionalLong before = w.markBefore();
    String claim = "window [" + start + ", " + end + ") in size " + n;
    if (start < 0 || start > end || end > n) {
      throw new VerificationException(claim + " is not a range within the checkpoint");
    }
    if (before.isPresent() != (start > 0)
        || (before.isPresent() && (before.getAsLong() < 0 || before.getAsLong() >= start))) {
      throw new VerificationException(
          claim
              + ": mark_before "
              + (before.isPresent() ? before.getAsLong() : "absent")
              + " must be present and below start exactly when start > 0");
    }
    long lo = before.orElse(start);
    long hi = end < n ? end + 1 : n;
    List<byte[]> entries = List.of();
    List<Hash> leaves = List.of();
    if (hi > lo) {
      VerifiedRange r = ledger.reader().entries(lo, hi, cp);
      entries = r.entries();
      leaves = r.leafHashes();
    }
    List<LedgerEntry> parsed = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      parsed.add(LedgerEntries.parse(lo + i, entries.get(i)));
    }
    VerifiedWindow v =
        new VerifiedWindow(cp, from, to, start, end, before, lo, entries, leaves, parsed);
    WindowConditions.check(v);
    return v;
  }

  /**
   * What {@link #check} found.
   *
   * @param hits the log's answer for the filter in the window, verified
   * @param beyond hits the log returned after the window's checkpoint (newer than the proof)
   * @param coveredSize the smallest log size the log's index covered while answering
   * @param chainLinks chain links checked between consecutive hits
   * @param anchored the last hit's chain hash leads to the window checkpoint's chain head
   * @param found with {@code complete}: every event of the window the filter matches, as the client
   *     found it; otherwise empty
   * @param undecided events whose payload was erased, so a full-text filter cannot be re-applied
   * @param payloadsChecked payload records checked against their entries
   * @param records with {@code complete}: the payload records of the window's events
   */
  public record WindowCheck(
      VerifiedWindow window,
      EventFilter filter,
      List<VerifiedEvent> hits,
      int beyond,
      long coveredSize,
      int chainLinks,
      boolean anchored,
      boolean complete,
      List<Long> found,
      List<Long> undecided,
      long payloadsChecked,
      SortedMap<Long, byte[]> records) {}

  /**
   * Proves the window, verifies the log's hits for {@code filter} in it and, with {@code complete},
   * requires them to be exactly the matching events the client finds itself.
   */
  public WindowCheck check(long from, long to, EventFilter filter, boolean complete) {
    VerifiedWindow w = window(from, to);
    EventFilter inWindow = restrict(filter, from, to);
    long windowSize = w.checkpoint().size();
    Map<Long, ReceiveTimes> newer = new HashMap<>();
    LedgerReader.VerifiedResults r =
        ledger.queryAll(
            inWindow,
            0,
            (index, cp) -> {
              if (index >= w.start() && index < w.end()) {
                return w.receivedAt(index);
              }
              if (index >= windowSize && w.end() == windowSize) {
                // Received after the window's checkpoint: proven on its own, set aside below.
                return newer
                    .computeIfAbsent(cp.size(), s -> new ReceiveTimes(ledger.reader(), cp))
                    .receivedAt(index);
              }
              throw new VerificationException(
                  "the log returned event "
                      + index
                      + " for the window, which is ["
                      + w.start()
                      + ", "
                      + w.end()
                      + ")");
            });
    List<VerifiedEvent> hits = new ArrayList<>();
    int beyond = 0;
    for (VerifiedEvent e : r.events()) {
      if (e.index() >= w.end()) {
        beyond++;
        continue;
      }
      if (!Arrays.equals(e.entry(), w.entryBytes(e.index()))) {
        throw new VerificationException(
            "the log returned different bytes for entry " + e.index() + " than it proved");
      }
      hits.add(e);
    }
    int links = ChainLinks.checkHits(w, hits);
    boolean anchored = ChainLinks.anchor(w, hits);
    if (!complete) {
      return new WindowCheck(
          w,
          inWindow,
          hits,
          beyond,
          r.coveredSize(),
          links,
          anchored,
          false,
          List.of(),
          List.of(),
          0,
          new TreeMap<>());
    }
    if (r.coveredSize() < w.end()) {
      throw new LogUnavailableException(
          "the log's index covers entries [0, "
              + r.coveredSize()
              + ") only, the window ends at "
              + w.end()
              + ": completeness cannot be checked until it has caught up",
          null);
    }
    Found f = find(w, inWindow);
    Set<Long> returned = new TreeSet<>();
    hits.forEach(e -> returned.add(e.index()));
    List<Long> missing = new ArrayList<>();
    for (long i : f.matching()) {
      if (!returned.contains(i)) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      throw new IncompleteAnswerException(
          "the log left out "
              + missing.size()
              + " matching event"
              + (missing.size() == 1 ? "" : "s")
              + " of the window ["
              + w.start()
              + ", "
              + w.end()
              + "): index"
              + (missing.size() == 1 ? " " : "es ")
              + abbreviate(missing)
              + " (found by re-applying the filter to every verified event of the window)",
          missing);
    }
    for (long i : returned) {
      if (!f.matching().contains(i) && !f.undecided().contains(i)) {
        throw new VerificationException("event " + i + " was returned but does not match");
      }
    }
    return new WindowCheck(
        w,
        inWindow,
        hits,
        beyond,
        r.coveredSize(),
        links,
        anchored,
        true,
        List.copyOf(f.matching()),
        List.copyOf(f.undecided()),
        f.payloads(),
        f.records());
  }

  /**
   * The events of a window the filter matches, by the client's own reckoning, and the payload
   * records of the window's events (index to bytes; empty bytes for an erased payload).
   */
  public record Found(
      TreeSet<Long> matching,
      TreeSet<Long> undecided,
      long payloads,
      SortedMap<Long, byte[]> records) {}

  /**
   * Re-applies {@code filter} to every event of {@code w}: fetches the window's payload records,
   * checks each against its entry's commitment and matches entry, payload and proven receive time.
   */
  public Found find(VerifiedWindow w, EventFilter filter) {
    HitVerifier hv = new HitVerifier(filter);
    TreeSet<Long> matching = new TreeSet<>();
    TreeSet<Long> undecided = new TreeSet<>();
    SortedMap<Long, byte[]> kept = new TreeMap<>();
    long checked = 0;
    long next = w.start();
    while (next < w.end()) {
      long upTo = Math.min(w.end(), next + PAYLOAD_PAGE);
      List<byte[]> records = ledger.source().payloads(next, upTo);
      if (records.isEmpty() || records.size() > upTo - next) {
        throw new VerificationException(
            "asked for payload records ["
                + next
                + ", "
                + upTo
                + "), the log returned "
                + records.size());
      }
      for (byte[] record : records) {
        long i = next++;
        LedgerEntry entry = w.entry(i);
        if (entry instanceof LedgerEntry.EventEntry e) {
          Optional<PayloadRecord> p = LedgerEntries.payload(i, e, record);
          checked += p.isPresent() ? 1 : 0;
          kept.put(i, record);
          if (hv.matches(i, e, p, w.receivedAt(i))) {
            (p.isEmpty() && filter.hasText() ? undecided : matching).add(i);
          }
        } else if (record.length != 0) {
          throw new VerificationException("the log served a payload record for clock mark " + i);
        }
      }
    }
    return new Found(matching, undecided, checked, kept);
  }

  /** {@code f} restricted to receive times in {@code [from, to)}. */
  public static EventFilter restrict(EventFilter f, long from, long to) {
    TimeRange r = f.received();
    TimeRange both = new TimeRange(Math.max(r.from(), from), Math.min(r.to(), to));
    if (both.to() < both.from()) {
      both = new TimeRange(both.from(), both.from());
    }
    return new EventFilter(
        f.time(),
        both,
        f.actors(),
        f.actions(),
        f.severities(),
        f.minSeverity(),
        f.meta(),
        f.text());
  }

  static String abbreviate(List<Long> indexes) {
    List<String> s = indexes.stream().limit(20).map(String::valueOf).toList();
    return String.join(", ", s) + (indexes.size() > 20 ? ", ..." : "");
  }
}
