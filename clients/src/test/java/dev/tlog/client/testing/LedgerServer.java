package dev.tlog.client.testing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A ledger-mode log for end-to-end tests: a real {@link LogServerProcess} started with {@code
 * --mode ledger}, its own {@code LedgerService} and Lucene index, reached over real gRPC.
 */
public final class LedgerServer implements AutoCloseable {
  private final LogServerProcess process;

  private LedgerServer(LogServerProcess process) {
    this.process = process;
  }

  public static LedgerServer start(Path dataDir) throws IOException {
    return new LedgerServer(LogServerProcess.startLedger(dataDir, null));
  }

  /** {@code host:port} of the log's gRPC API, ledger queries included. */
  public String grpc() {
    return process.grpc();
  }

  public String http() {
    return process.http();
  }

  public String vkey() {
    return process.vkey();
  }

  @Override
  public void close() {
    process.close();
  }
}
