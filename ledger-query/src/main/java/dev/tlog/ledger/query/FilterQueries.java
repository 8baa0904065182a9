package dev.tlog.ledger.query;

import dev.tlog.merkle.ledger.Severity;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * An {@link EventFilter} as a Lucene query over {@link EventDocuments} (spec/ledger.md, "Queries").
 * Every condition is a non-scoring {@code FILTER} clause: exact terms for kind, actor, action,
 * severity and meta; point ranges (or doc-value checks, whichever Lucene finds cheaper) for times;
 * the parsed full-text query. Lucene leads a conjunction with its cheapest clause and only checks
 * the others on its candidates, so a selective filter never walks the whole log.
 *
 * <p>Thread-safe; a malformed full-text query is a {@link FilterException} on {@code text}.
 */
public final class FilterQueries {
  private static final Analyzer ANALYZER = new EventAnalyzer();

  private FilterQueries() {}

  /** The analyzer of every text field (index and query time). */
  public static Analyzer analyzer() {
    return ANALYZER;
  }

  /** The events (never clock marks) that {@code filter} matches. */
  public static Query toQuery(EventFilter filter) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(
        new TermQuery(new Term(EventFields.KIND, EventFields.KIND_EVENT)),
        BooleanClause.Occur.FILTER);
    if (!filter.time().isAll()) {
      b.add(range(EventFields.TIME, filter.time()), BooleanClause.Occur.FILTER);
    }
    if (!filter.received().isAll()) {
      b.add(range(EventFields.RECEIVED, filter.received()), BooleanClause.Occur.FILTER);
    }
    if (!filter.actors().isEmpty()) {
      b.add(anyOf(EventFields.ACTOR, filter.actors()), BooleanClause.Occur.FILTER);
    }
    if (!filter.actions().isEmpty()) {
      b.add(anyOf(EventFields.ACTION, filter.actions()), BooleanClause.Occur.FILTER);
    }
    filter
        .allowedSeverities()
        .ifPresent(
            allowed ->
                b.add(
                    anyOf(EventFields.SEVERITY, allowed.stream().map(Severity::label).toList()),
                    BooleanClause.Occur.FILTER));
    for (Map.Entry<String, String> m : filter.meta().entrySet()) {
      b.add(
          new TermQuery(new Term(EventFields.META, EventFields.metaTerm(m.getKey(), m.getValue()))),
          BooleanClause.Occur.FILTER);
    }
    if (filter.hasText()) {
      b.add(text(filter.text()), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /**
   * The full-text query {@code text} in Lucene's classic syntax (spec/ledger.md, "Full-text
   * search"); {@link FilterException} on {@code text} when it does not parse or has no words.
   */
  public static Query text(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i)) && !Character.isWhitespace(text.charAt(i))) {
        throw new FilterException("text", "control character at position " + i);
      }
    }
    Query q;
    try {
      q = new TextQueryParser(ANALYZER).parse(text);
    } catch (ParseException e) {
      throw new FilterException("text", firstLine(e.getMessage()), e);
    } catch (IllegalArgumentException | TooComplexToDeterminizeException e) {
      // Lucene's regexp syntax (/.../) reports a bad or too complex pattern this way, not as a
      // ParseException; it is still the caller's text that is wrong.
      throw new FilterException("text", "bad regular expression: " + firstLine(e.getMessage()), e);
    }
    if (q instanceof BooleanQuery bq) {
      if (bq.clauses().isEmpty()) {
        throw new FilterException("text", "\"" + text + "\" has no searchable words");
      }
      if (bq.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
        // "-word" alone means every event without the word, not nothing (Lucene's reading).
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        bq.clauses().forEach(all::add);
        return all.build();
      }
    }
    if (q instanceof MatchNoDocsQuery) {
      throw new FilterException("text", "\"" + text + "\" has no searchable words");
    }
    return q;
  }

  private static Query range(String field, TimeRange r) {
    long last = r.lastInclusive();
    return new IndexOrDocValuesQuery(
        LongPoint.newRangeQuery(field, r.from(), last),
        NumericDocValuesField.newSlowRangeQuery(field, r.from(), last));
  }

  private static Query anyOf(String field, Collection<String> values) {
    if (values.isEmpty()) {
      return new MatchNoDocsQuery("no value allowed for " + field);
    }
    if (values.size() == 1) {
      return new TermQuery(new Term(field, values.iterator().next()));
    }
    List<BytesRef> terms = values.stream().map(BytesRef::new).toList();
    return new TermInSetQuery(field, terms);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "does not parse";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
