package dev.tlog.server.ledger.query;

import dev.tlog.ledger.query.EventFields;
import dev.tlog.server.errors.StorageException;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;

/** Small searches over the ledger index shared by queries and windows. */
final class IndexDocs {
  static final Sort BY_INDEX = new Sort(new SortField(EventFields.INDEX, SortField.Type.LONG));
  static final Sort BY_INDEX_DESC =
      new Sort(new SortField(EventFields.INDEX, SortField.Type.LONG, true));

  private IndexDocs() {}

  /** {@code q} restricted to log indexes {@code [from, to)}. */
  static Query within(Query q, long from, long to) {
    return new BooleanQuery.Builder()
        .add(q, BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery(EventFields.INDEX, from, to - 1), BooleanClause.Occur.FILTER)
        .build();
  }

  /** Clock marks. */
  static Query clockMarks() {
    return new TermQuery(new Term(EventFields.KIND, EventFields.KIND_CLOCK));
  }

  /**
   * The first {@code n} hits of {@code q} in {@code sort} order. Sorted by index (the index's own
   * order), each segment's search stops after its first {@code n} hits: no total is counted.
   */
  static ScoreDoc[] top(IndexSearcher s, Query q, int n, Sort sort) {
    try {
      return s.search(q, new TopFieldCollectorManager(sort, n, null, n)).scoreDocs;
    } catch (IOException e) {
      throw new StorageException("ledger index: search failed: " + e, e);
    }
  }

  /** The log index of a hit sorted by {@link #BY_INDEX} or {@link #BY_INDEX_DESC}. */
  static long sortedIndex(ScoreDoc d) {
    return (Long) ((FieldDoc) d).fields[0];
  }

  /** The value of numeric doc-values {@code field} of {@code doc}, or -1 when it has none. */
  static long value(IndexReader reader, int doc, String field) {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    try {
      NumericDocValues v = leaf.reader().getNumericDocValues(field);
      return v != null && v.advanceExact(doc - leaf.docBase) ? v.longValue() : -1;
    } catch (IOException e) {
      throw new StorageException("ledger index: cannot read " + field + ": " + e, e);
    }
  }
}
