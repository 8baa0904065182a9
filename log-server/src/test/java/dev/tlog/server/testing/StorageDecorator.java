package dev.tlog.server.testing;

import dev.tlog.server.storage.BatchWrite;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Real storage with a hook run before each {@link #append}: tests use it to hold the writer (a
 * latch), to record batch shapes, or to make one commit fail. Everything else is the real thing.
 */
public final class StorageDecorator implements LogStorage {
  private final LogStorage real;
  private final Consumer<BatchWrite> beforeAppend;

  private final Runnable beforeRead;
  private final UnaryOperator<LogReader> wrapReader;

  public StorageDecorator(LogStorage real, Consumer<BatchWrite> beforeAppend) {
    this(real, beforeAppend, () -> {});
  }

  /** Also runs {@code beforeRead} before each {@link #reader()} (which it may make fail). */
  public StorageDecorator(LogStorage real, Consumer<BatchWrite> beforeAppend, Runnable beforeRead) {
    this(real, beforeAppend, beforeRead, r -> r);
  }

  /** Also hands each reader to {@code wrapReader} (e.g. a {@link CountingReader}). */
  public StorageDecorator(
      LogStorage real,
      Consumer<BatchWrite> beforeAppend,
      Runnable beforeRead,
      UnaryOperator<LogReader> wrapReader) {
    this.real = real;
    this.beforeAppend = beforeAppend;
    this.beforeRead = beforeRead;
    this.wrapReader = wrapReader;
  }

  @Override
  public LogReader reader() {
    beforeRead.run();
    return wrapReader.apply(real.reader());
  }

  @Override
  public void append(BatchWrite batch) {
    beforeAppend.accept(batch);
    real.append(batch);
  }

  @Override
  public void putCosignedCheckpoint(long size, byte[] signedNote) {
    real.putCosignedCheckpoint(size, signedNote);
  }

  @Override
  public String origin() {
    return real.origin();
  }

  @Override
  public java.util.OptionalLong closedAt() {
    return real.closedAt();
  }

  @Override
  public dev.tlog.server.storage.LogMode mode() {
    return real.mode();
  }

  @Override
  public void close() {
    real.close();
  }
}
