package dev.tlog.ledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The filter semantics of spec/ledger.md in plain Java, for comparison with Lucene: the structured
 * part exactly, the text part for the simple forms {@link #randomText} produces (words ANDed,
 * {@code -word}, {@code path:word}, {@code "two words"}).
 */
final class NaiveFilter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NaiveFilter() {}

  static boolean matches(EventFilter f, SampleEvents.Sample s) {
    if (!(s.entry() instanceof LedgerEntry.EventEntry e)) {
      return false;
    }
    if (!f.time().contains(e.timeNanos())) {
      return false;
    }
    if (!f.received().isAll() && (s.received() < 0 || !f.received().contains(s.received()))) {
      return false;
    }
    if (!f.actors().isEmpty() && !f.actors().contains(e.actor())) {
      return false;
    }
    if (!f.actions().isEmpty() && !f.actions().contains(e.action())) {
      return false;
    }
    if (!f.severities().isEmpty() && !f.severities().contains(e.severity())) {
      return false;
    }
    if (f.minSeverity().isPresent() && e.severity().compareTo(f.minSeverity().get()) < 0) {
      return false;
    }
    for (Map.Entry<String, String> m : f.meta().entrySet()) {
      if (!m.getValue().equals(e.meta().get(m.getKey()))) {
        return false;
      }
    }
    return !f.hasText() || textMatches(f.text(), s);
  }

  private static boolean textMatches(String text, SampleEvents.Sample s) {
    LedgerEntry.EventEntry e = (LedgerEntry.EventEntry) s.entry();
    List<String> all = new ArrayList<>(e.meta().values());
    List<String[]> paths = new ArrayList<>();
    s.payload().ifPresent(p -> leaves(parse(p.payload()), "", all, paths));
    for (String term : text.split(" (?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
      if (term.startsWith("\"")) {
        List<String> phrase = tokens(term.substring(1, term.length() - 1));
        if (all.stream()
            .noneMatch(v -> java.util.Collections.indexOfSubList(tokens(v), phrase) >= 0)) {
          return false;
        }
        continue;
      }
      boolean negative = term.startsWith("-");
      String t = negative ? term.substring(1) : term;
      boolean found;
      int colon = t.indexOf(':');
      if (colon > 0) {
        String path = t.substring(0, colon);
        String word = t.substring(colon + 1);
        found = paths.stream().anyMatch(pv -> pv[0].equals(path) && tokens(pv[1]).contains(word));
      } else {
        found = all.stream().anyMatch(v -> tokens(v).contains(t));
      }
      if (found == negative) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void leaves(JsonNode n, String path, List<String> all, List<String[]> paths) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        leaves(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), all, paths);
      }
    } else if (n.isArray()) {
      n.forEach(c -> leaves(c, path, all, paths));
    } else if (!n.isNull()) {
      all.add(n.asText());
      paths.add(new String[] {path, n.asText()});
    }
  }

  static List<String> tokens(String value) {
    return Arrays.stream(value.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  /** A random filter over {@link SampleEvents}' vocabulary; each condition set with some odds. */
  static EventFilter random(Random r, boolean withText) {
    EventFilter.Builder b = EventFilter.builder();
    if (r.nextInt(3) == 0) {
      long from = SampleEvents.T0 + r.nextInt(1000) * 1_000_000L;
      b.time(from, r.nextBoolean() ? Long.MAX_VALUE : from + r.nextInt(500) * 1_000_000L);
    }
    if (r.nextInt(3) == 0) {
      long from = SampleEvents.T0 + r.nextInt(2000) * 1_000_000L;
      b.received(from, from + r.nextInt(2000) * 1_000_000L);
    }
    if (r.nextInt(3) == 0) {
      b.actor(SampleEvents.pick(r, SampleEvents.ACTORS));
      if (r.nextBoolean()) {
        b.actor(SampleEvents.pick(r, SampleEvents.ACTORS));
      }
    }
    if (r.nextInt(3) == 0) {
      b.action(SampleEvents.pick(r, SampleEvents.ACTIONS));
    }
    if (r.nextInt(4) == 0) {
      b.severity(Severity.values()[r.nextInt(6)]).severity(Severity.values()[r.nextInt(6)]);
    }
    if (r.nextInt(4) == 0) {
      b.minSeverity(Severity.values()[r.nextInt(6)]);
    }
    if (r.nextInt(4) == 0) {
      b.meta(
          SampleEvents.pick(r, SampleEvents.META_KEYS), SampleEvents.pick(r, SampleEvents.WORDS));
    }
    if (withText && r.nextInt(2) == 0) {
      b.text(randomText(r));
    }
    return b.build();
  }

  static String randomText(Random r) {
    List<String> terms = new ArrayList<>();
    int n = 1 + r.nextInt(2);
    for (int i = 0; i < n; i++) {
      String w = SampleEvents.pick(r, SampleEvents.WORDS);
      terms.add(
          switch (r.nextInt(4)) {
            case 0 -> SampleEvents.pick(r, List.of("tool", "status", "parameters.cmd")) + ":" + w;
            case 1 -> i == 0 ? w : "-" + w;
            case 2 -> "\"" + w + " " + SampleEvents.pick(r, SampleEvents.WORDS) + "\"";
            default -> w;
          });
    }
    return String.join(" ", terms);
  }
}
