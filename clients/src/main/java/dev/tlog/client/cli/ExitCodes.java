package dev.tlog.client.cli;

import dev.tlog.client.LogConsistencyException;
import dev.tlog.client.LogRequestException;
import dev.tlog.client.LogUnavailableException;
import dev.tlog.client.VerificationException;
import dev.tlog.client.state.StateFileException;
import picocli.CommandLine;

/** The exit codes of every tlog command, and the one mapping from exceptions to them. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int USAGE = 2;
  public static final int VERIFICATION_FAILED = 3;
  public static final int LOG_INCONSISTENT = 4;
  public static final int UNAVAILABLE = 5;
  public static final int REJECTED = 6;
  public static final int LOCAL_STATE = 7;

  /** The help footer listing the codes. */
  public static final String[] FOOTER = {
    "",
    "Exit codes:",
    "  0  success: everything verified",
    "  1  internal error (a bug; please report it)",
    "  2  usage error: bad options or arguments",
    "  3  verification failed: signature, proof, root, chain head, bundle or malformed data",
    "  4  ALERT: the log is inconsistent with what it signed before (rollback or fork)",
    "  5  log unreachable or overloaded after retries",
    "  6  request rejected by the log (e.g. index beyond the tree, unknown leaf hash)",
    "  7  local file or state error",
  };

  private ExitCodes() {}

  public static int of(Throwable e) {
    if (e instanceof LogConsistencyException) {
      return LOG_INCONSISTENT;
    }
    if (e instanceof VerificationException) {
      return VERIFICATION_FAILED;
    }
    if (e instanceof LogUnavailableException) {
      return UNAVAILABLE;
    }
    if (e instanceof LogRequestException) {
      return REJECTED;
    }
    if (e instanceof StateFileException || e instanceof java.io.UncheckedIOException) {
      return LOCAL_STATE;
    }
    if (e instanceof UsageException || e instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    return INTERNAL;
  }

  /** The prefix of the error line: monitors grep for ALERT. */
  public static String prefix(Throwable e) {
    return switch (of(e)) {
      case LOG_INCONSISTENT -> "ALERT: ";
      case VERIFICATION_FAILED -> "VERIFICATION FAILED: ";
      case INTERNAL -> "internal error: ";
      default -> "";
    };
  }
}
