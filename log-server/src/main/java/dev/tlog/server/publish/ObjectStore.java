package dev.tlog.server.publish;

import java.util.Optional;

/**
 * Where a log's tiles, entry bundles and checkpoint are published: an object store addressed by the
 * C2SP tlog-tiles paths ({@code checkpoint}, {@code tile/0/x001/234}, {@code tile/entries/...})
 * under an optional prefix. Implementations are thread-safe and throw {@link PublishException} for
 * any failure (the publisher retries).
 */
public interface ObjectStore extends AutoCloseable {
  /** Stores {@code body} at {@code key}, replacing what is there; durable when it returns. */
  void put(String key, byte[] body, String contentType, String cacheControl);

  /** The object at {@code key}, or empty when there is none. */
  Optional<byte[]> get(String key);

  /** Where the objects are, for people and log lines. */
  String describe();

  /** Releases the connection pool; the publisher that was given the store closes it. */
  @Override
  void close();
}
