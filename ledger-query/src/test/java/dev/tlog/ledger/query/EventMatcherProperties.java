package dev.tlog.ledger.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The three readings of a filter agree: plain Java ({@link NaiveFilter}), one event in a memory
 * index ({@link EventMatcher}, what a client re-applies), and a Lucene index on a directory (what
 * the server searches).
 */
class EventMatcherProperties {

  @Property(tries = 200)
  void memoryIndexAgreesWithNaiveEvaluationOfTheStructuredPart(@ForAll long seed) {
    Random r = new Random(seed);
    List<SampleEvents.Sample> log = SampleEvents.log(r, 30);
    EventFilter f = NaiveFilter.random(r, false);
    EventMatcher m = EventMatcher.of(f);
    for (SampleEvents.Sample s : log) {
      assertEquals(
          NaiveFilter.matches(f, s),
          m.matches(s.index(), s.entry(), s.payload(), s.received()),
          () -> f + "\non " + s);
    }
  }

  @Property(tries = 80)
  void indexMemoryIndexAndNaiveEvaluationAgreeWithText(@ForAll long seed) throws IOException {
    Random r = new Random(seed);
    List<SampleEvents.Sample> log = SampleEvents.log(r, 60);
    EventFilter f = NaiveFilter.random(r, true);
    Set<Long> naive =
        log.stream()
            .filter(s -> NaiveFilter.matches(f, s))
            .map(SampleEvents.Sample::index)
            .collect(Collectors.toCollection(TreeSet::new));
    EventMatcher m = EventMatcher.of(f);
    Set<Long> memory =
        log.stream()
            .filter(s -> m.matches(s.index(), s.entry(), s.payload(), s.received()))
            .map(SampleEvents.Sample::index)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(naive, memory, f::toString);
    assertEquals(naive, searchIndex(log, f), f::toString);
  }

  private static Set<Long> searchIndex(List<SampleEvents.Sample> log, EventFilter f)
      throws IOException {
    Set<Long> out = new TreeSet<>();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig c = new IndexWriterConfig(FilterQueries.analyzer());
      c.setIndexSort(new Sort(new SortField(EventFields.INDEX, SortField.Type.LONG)));
      try (IndexWriter w = new IndexWriter(dir, c)) {
        for (SampleEvents.Sample s : log) {
          w.addDocument(EventDocuments.document(s.index(), s.entry(), s.payload(), s.received()));
          if (s.index() % 17 == 0) {
            w.commit();
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (ScoreDoc d : searcher.search(FilterQueries.toQuery(f), 1000).scoreDocs) {
          var leaf =
              reader
                  .leaves()
                  .get(org.apache.lucene.index.ReaderUtil.subIndex(d.doc, reader.leaves()));
          NumericDocValues index = leaf.reader().getNumericDocValues(EventFields.INDEX);
          index.advanceExact(d.doc - leaf.docBase);
          out.add(index.longValue());
        }
      }
    }
    return out;
  }
}
