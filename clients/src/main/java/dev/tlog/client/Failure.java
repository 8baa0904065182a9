package dev.tlog.client;

/**
 * What kind of failure a {@link TlogClientException} is, with the {@code tlog} exit code for it:
 * the one table behind both the gRPC status mapping ({@code transport.GrpcCalls}) and the CLI's
 * exit codes ({@code cli.ExitCodes}).
 */
public enum Failure {
  /** A signature, proof, root, chain head, bundle or response did not verify or parse. */
  VERIFICATION_FAILED(3),
  /** The log is inconsistent with what it signed before (rollback or fork): ALERT. */
  LOG_INCONSISTENT(4),
  /** The log is unreachable, overloaded or failing internally, after retries. */
  UNAVAILABLE(5),
  /** The log refused the request (bad index, unknown leaf hash, unsupported call...). */
  REJECTED(6),
  /** A local file or the client state directory could not be used. */
  LOCAL_STATE(7),
  /**
   * The log's answer left out events that match (spec/ledger.md, "Complete windows"): everything it
   * returned verified, but the client found more matching events in the window itself.
   */
  INCOMPLETE_ANSWER(8);

  private final int exitCode;

  Failure(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
