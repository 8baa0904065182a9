package dev.tlog.server.ledger.query;

import dev.tlog.ledger.query.EventFields;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts matching events by actor, action and severity from doc values, without loading documents:
 * per segment, one counter per term ordinal; ordinals become terms once per segment. Also finds the
 * smallest and largest matching log index and their receive times. Single use, one thread; call
 * {@link #finish} after the search.
 */
final class SummaryCollector implements Collector {
  private static final List<String> FIELDS =
      List.of(EventFields.ACTOR, EventFields.ACTION, EventFields.SEVERITY);

  private final List<Map<String, Long>> totals =
      List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
  private final SortedSetDocValues[] values = new SortedSetDocValues[FIELDS.size()];
  private final long[][] counts = new long[FIELDS.size()][];
  private long total;
  private long firstIndex = Long.MAX_VALUE;
  private long firstReceived = -1;
  private long lastIndex = -1;
  private long lastReceived = -1;

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    flush();
    for (int f = 0; f < FIELDS.size(); f++) {
      values[f] = DocValues.getSortedSet(context.reader(), FIELDS.get(f));
      counts[f] = new long[Math.toIntExact(values[f].getValueCount())];
    }
    NumericDocValues index = DocValues.getNumeric(context.reader(), EventFields.INDEX);
    NumericDocValues received = DocValues.getNumeric(context.reader(), EventFields.RECEIVED);
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) {}

      @Override
      public void collect(int doc) throws IOException {
        total++;
        for (int f = 0; f < FIELDS.size(); f++) {
          if (values[f].advanceExact(doc)) {
            for (int k = 0; k < values[f].docValueCount(); k++) {
              counts[f][(int) values[f].nextOrd()]++;
            }
          }
        }
        if (!index.advanceExact(doc)) {
          return;
        }
        long i = index.longValue();
        long r = received.advanceExact(doc) ? received.longValue() : -1;
        if (i < firstIndex) {
          firstIndex = i;
          firstReceived = r;
        }
        if (i > lastIndex) {
          lastIndex = i;
          lastReceived = r;
        }
      }
    };
  }

  private void flush() throws IOException {
    for (int f = 0; f < FIELDS.size(); f++) {
      if (counts[f] == null) {
        continue;
      }
      for (int ord = 0; ord < counts[f].length; ord++) {
        if (counts[f][ord] > 0) {
          totals.get(f).merge(values[f].lookupOrd(ord).utf8ToString(), counts[f][ord], Long::sum);
        }
      }
      counts[f] = null;
    }
  }

  /** Folds in the last segment's counts; call once after the search. */
  void finish() throws IOException {
    flush();
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  long total() {
    return total;
  }

  static final int ACTOR = 0;
  static final int ACTION = 1;
  static final int SEVERITY = 2;

  /** Counts by {@link #ACTOR}, {@link #ACTION} or {@link #SEVERITY}: the {@code limit} largest. */
  Map<String, Long> counts(int field, int limit) {
    Map<String, Long> out = new LinkedHashMap<>();
    totals.get(field).entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Smallest matching log index, or -1 when nothing matched. */
  long firstIndex() {
    return lastIndex < 0 ? -1 : firstIndex;
  }

  long firstReceived() {
    return firstReceived;
  }

  long lastIndex() {
    return lastIndex;
  }

  long lastReceived() {
    return lastReceived;
  }
}
