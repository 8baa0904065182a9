package dev.tlog.compliance.report;

/** A report that cannot be computed or read (a bad period, a malformed report.json). */
public final class ReportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
