package dev.tlog.ledger.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one analyzer of every full-text field, at index and at query time: Unicode word boundaries
 * (UAX #29, Lucene's {@link StandardTokenizer}) and lower case, no stop words, no stemming; that is
 * Lucene's {@code StandardAnalyzer} with a position gap of {@value #POSITION_GAP} between the
 * values of one field, so that a phrase never matches across two payload values. Thread-safe.
 */
public final class EventAnalyzer extends Analyzer {
  /** Positions left empty between two values of one field. */
  public static final int POSITION_GAP = 100;

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    return new TokenStreamComponents(source, new LowerCaseFilter(source));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return POSITION_GAP;
  }
}
