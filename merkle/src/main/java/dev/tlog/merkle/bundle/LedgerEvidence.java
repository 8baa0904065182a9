package dev.tlog.merkle.bundle;

import dev.tlog.merkle.hash.Hash;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ledger part of a {@code tlog-evidence-bundle/v2} (spec/evidence-bundle.md, "Ledger
 * evidence"): the filter the evidence is about, the receive-time window with the proof that it is
 * complete (absent for a bundle of selected events), and the indexes of the events that match.
 *
 * @param matches indexes of the bundle's events that match {@code filter}, strictly increasing
 */
public record LedgerEvidence(Filter filter, Optional<Window> window, List<Long> matches) {
  public LedgerEvidence {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(window, "window");
    matches = List.copyOf(matches);
  }

  /**
   * An event filter as the bundle states it (spec/ledger.md, "Queries"): times in nanoseconds,
   * values as strings, lists sorted and distinct so that one filter has one encoding. Its meaning
   * is checked by the verifier, not here.
   */
  public record Filter(
      OptionalLong timeFrom,
      OptionalLong timeTo,
      OptionalLong receivedFrom,
      OptionalLong receivedTo,
      List<String> actors,
      List<String> actions,
      List<String> severities,
      Optional<String> minSeverity,
      SortedMap<String, String> meta,
      String text) {
    public Filter {
      Objects.requireNonNull(timeFrom, "timeFrom");
      Objects.requireNonNull(timeTo, "timeTo");
      Objects.requireNonNull(receivedFrom, "receivedFrom");
      Objects.requireNonNull(receivedTo, "receivedTo");
      Objects.requireNonNull(minSeverity, "minSeverity");
      Objects.requireNonNull(text, "text");
      actors = sorted(actors);
      actions = sorted(actions);
      severities = sorted(severities);
      meta = Collections.unmodifiableSortedMap(new TreeMap<>(meta));
    }

    private static List<String> sorted(List<String> values) {
      return List.copyOf(new TreeSet<>(values));
    }
  }

  /**
   * A receive-time window {@code [receivedFrom, receivedTo)} proven complete (spec/ledger.md,
   * "Complete windows"): entries {@code [start, end)} are all the log received in it. The bundle's
   * entries are the contiguous range {@code [markBefore or start, end]} ({@code end} included when
   * below the checkpoint's size), proven by {@code rangeInclusion}, the inclusion proof of its
   * first index, and {@code rangeConsistency}, the consistency proof from its end to the
   * checkpoint's size (empty when it ends the tree).
   */
  public record Window(
      long receivedFrom,
      OptionalLong receivedTo,
      long start,
      long end,
      OptionalLong markBefore,
      List<Hash> rangeInclusion,
      List<Hash> rangeConsistency) {
    public Window {
      Objects.requireNonNull(receivedTo, "receivedTo");
      Objects.requireNonNull(markBefore, "markBefore");
      rangeInclusion = List.copyOf(rangeInclusion);
      rangeConsistency = List.copyOf(rangeConsistency);
    }

    /** First index of the range the bundle's entries must be. */
    public long rangeStart() {
      return markBefore.orElse(start);
    }

    /** End (exclusive) of that range in a tree of {@code size}. */
    public long rangeEnd(long size) {
      return end < size ? end + 1 : size;
    }
  }
}
