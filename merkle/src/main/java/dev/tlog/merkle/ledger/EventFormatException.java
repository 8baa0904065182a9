package dev.tlog.merkle.ledger;

import dev.tlog.merkle.MerkleException;

/**
 * Bytes that are not a valid ledger submission, entry or payload record (spec/ledger.md). {@link
 * #field()} names the offending JSON field ({@code "(document)"} when the whole document is at
 * fault); vector label: the field.
 */
public final class EventFormatException extends MerkleException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public EventFormatException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
