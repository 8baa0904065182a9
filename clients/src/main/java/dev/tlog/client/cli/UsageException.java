package dev.tlog.client.cli;

/** Options or arguments that cannot work together; exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
