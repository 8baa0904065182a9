package dev.tlog.client.cli;

import dev.tlog.client.Failure;
import dev.tlog.client.TlogClientException;
import dev.tlog.merkle.MerkleException;
import picocli.CommandLine;

/** The exit codes of every tlog command, and the one mapping from exceptions to them. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int USAGE = 2;
  public static final int VERIFICATION_FAILED = Failure.VERIFICATION_FAILED.exitCode();
  public static final int LOG_INCONSISTENT = Failure.LOG_INCONSISTENT.exitCode();
  public static final int UNAVAILABLE = Failure.UNAVAILABLE.exitCode();
  public static final int REJECTED = Failure.REJECTED.exitCode();
  public static final int LOCAL_STATE = Failure.LOCAL_STATE.exitCode();
  public static final int INCOMPLETE_ANSWER = Failure.INCOMPLETE_ANSWER.exitCode();

  /** The help footer listing the codes. */
  public static final String[] FOOTER = {
    "",
    "Exit codes:",
    "  0  success: everything verified",
    "  1  internal error (a bug; please report it)",
    "  2  usage error: bad options or arguments",
    "  3  verification failed: signature, proof, root, chain head, bundle or malformed data",
    "  4  ALERT: the log is inconsistent with what it signed before (rollback or fork)",
    "  5  log unreachable, overloaded or failing (server error) after retries",
    "  6  request rejected by the log (e.g. index beyond the tree, unknown leaf hash, unsupported call)",
    "  7  local file or state error",
    "  8  INCOMPLETE: the log's answer left out matching events the client found itself",
  };

  private ExitCodes() {}

  /** The exit code for {@code e}: client failures by their {@link Failure} (one table). */
  public static int of(Throwable e) {
    if (e instanceof TlogClientException t) {
      return t.category().exitCode();
    }
    if (e instanceof MerkleException) {
      return Failure.VERIFICATION_FAILED.exitCode(); // malformed or unverifiable data
    }
    if (e instanceof java.io.UncheckedIOException) {
      return Failure.LOCAL_STATE.exitCode();
    }
    if (e instanceof UsageException
        || e instanceof CommandLine.ParameterException
        || e instanceof dev.tlog.compliance.report.ReportException) {
      return USAGE;
    }
    return INTERNAL;
  }

  /** The prefix of the error line: monitors grep for ALERT. */
  public static String prefix(Throwable e) {
    int code = of(e);
    if (code == LOG_INCONSISTENT) {
      return "ALERT: ";
    }
    if (code == VERIFICATION_FAILED) {
      return "VERIFICATION FAILED: ";
    }
    if (code == INCOMPLETE_ANSWER) {
      return "INCOMPLETE: ";
    }
    return code == INTERNAL ? "internal error: " : "";
  }
}
