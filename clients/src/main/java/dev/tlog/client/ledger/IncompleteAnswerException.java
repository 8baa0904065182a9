package dev.tlog.client.ledger;

import dev.tlog.client.Failure;
import dev.tlog.client.TlogClientException;
import java.util.List;

/**
 * The log's answer verified but left out events the client found matching in a window it proved
 * complete itself (spec/ledger.md, "Complete windows"): evidence that the log hides events. {@link
 * #missing()} are their indexes.
 */
public final class IncompleteAnswerException extends TlogClientException {
  private static final long serialVersionUID = 1L;
  private final List<Long> missing;

  public IncompleteAnswerException(String message, List<Long> missing) {
    super(message);
    this.missing = List.copyOf(missing);
  }

  /** Indexes of matching events the log did not return, ascending. */
  public List<Long> missing() {
    return missing;
  }

  @Override
  public Failure category() {
    return Failure.INCOMPLETE_ANSWER;
  }
}
