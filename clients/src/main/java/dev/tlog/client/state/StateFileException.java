package dev.tlog.client.state;

import dev.tlog.client.Failure;
import dev.tlog.client.TlogClientException;

/** A local state file cannot be read, written, or does not verify. */
public final class StateFileException extends TlogClientException {
  private static final long serialVersionUID = 1L;

  public StateFileException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Failure category() {
    return Failure.LOCAL_STATE;
  }
}
