package dev.tlog.client.report;

import dev.tlog.client.VerificationException;

/** A report directory whose files do not verify (exit code 3); the message says which and why. */
public final class ReportVerificationException extends VerificationException {
  private static final long serialVersionUID = 1L;

  public ReportVerificationException(String message) {
    super(message);
  }

  public ReportVerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
