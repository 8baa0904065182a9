package dev.tlog.ledger.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query syntax over the ledger's text fields: a term without a field searches
 * {@link EventFields#TEXT}; {@code field:term} searches the payload path {@code field} ({@link
 * EventFields#PAYLOAD_PREFIX}), so users never name index-internal fields. Terms are ANDed unless
 * joined by {@code OR}; a leading wildcard is refused. Not thread-safe: one per parse.
 */
final class TextQueryParser extends QueryParser {
  /** The parser's default field: no user can type it, so it never collides with a payload path. */
  private static final String DEFAULT = "\u0000text";

  TextQueryParser(Analyzer analyzer) {
    super(DEFAULT, analyzer);
    setDefaultOperator(QueryParser.AND_OPERATOR);
    setAllowLeadingWildcard(false);
  }

  private static String field(String field) {
    if (field.equals(DEFAULT)) {
      return EventFields.TEXT;
    }
    return field.equals("*") ? field : EventFields.PAYLOAD_PREFIX + field;
  }

  // The slop variant (phrases) calls this one: mapping here maps every plain and phrase query once.
  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    return super.getFieldQuery(field(field), queryText, quoted);
  }

  @Override
  protected Query getRangeQuery(
      String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    return super.getRangeQuery(field(field), part1, part2, startInclusive, endInclusive);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    return super.getPrefixQuery(field(field), termStr);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    return super.getWildcardQuery(field(field), termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    return super.getFuzzyQuery(field(field), termStr, minSimilarity);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    return super.getRegexpQuery(field(field), termStr);
  }
}
