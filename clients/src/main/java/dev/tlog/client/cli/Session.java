package dev.tlog.client.cli;

import dev.tlog.client.CheckpointTracker;
import dev.tlog.client.CheckpointVerifier;
import dev.tlog.client.LogIdentity;
import dev.tlog.client.LogSource;
import dev.tlog.client.VerifyingReader;
import dev.tlog.client.ledger.LedgerReader;
import dev.tlog.client.state.CheckpointStore;
import dev.tlog.client.state.StateDir;
import dev.tlog.client.transport.GrpcLogSource;
import dev.tlog.client.transport.TileFetcher;
import dev.tlog.client.transport.TileLogSource;
import java.nio.file.Path;

/** A connection to one log for one command: source, verifying reader and checkpoint tracker. */
final class Session implements AutoCloseable {
  final LogIdentity log;
  final LogSource source;
  final VerifyingReader reader;
  final CheckpointTracker tracker;
  final StateDir stateDir;

  private Session(LogIdentity log, LogSource source, StateDir stateDir) {
    this.log = log;
    this.source = source;
    this.stateDir = stateDir;
    this.reader = new VerifyingReader(source, new CheckpointVerifier(log));
    CheckpointStore store =
        stateDir == null ? null : new CheckpointStore(stateDir.checkpointFile(log.origin()));
    this.tracker = new CheckpointTracker(reader, store);
  }

  static Session open(LogOptions o) {
    LogIdentity log = o.identity();
    String[] where = o.location();
    LogSource source;
    if (where[0] != null) {
      source = GrpcLogSource.connect(where[0], o.retryPolicy(), o.security(where[0]));
    } else if (where[1] != null && !where[1].isBlank()) {
      source = new TileLogSource(new TileFetcher(where[1], o.retryPolicy(), o.security(where[1])));
    } else {
      throw new UsageException("say where the log is: --grpc HOST:PORT or --http URL");
    }
    Path dir = o.stateDirectory();
    try {
      return new Session(log, source, dir == null ? null : new StateDir(dir));
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
  }

  GrpcLogSource grpc(String command) {
    if (source instanceof GrpcLogSource g) {
      return g;
    }
    throw new UsageException(
        command + " needs --grpc: the tiles API is read-only and has no ledger queries");
  }

  /** The ledger query service (gRPC only), verified through this session's reader and tracker. */
  LedgerReader ledger(String command) {
    return new LedgerReader(grpc(command).ledger(), reader, tracker);
  }

  @Override
  public void close() {
    source.close();
  }
}
