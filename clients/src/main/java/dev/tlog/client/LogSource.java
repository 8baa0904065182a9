package dev.tlog.client;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.proof.ConsistencyProof;
import dev.tlog.merkle.proof.InclusionProof;
import java.util.List;

/**
 * Untrusted access to a log: everything returned here must be verified before use ({@link
 * VerifyingReader} does). Implementations: {@code GrpcLogSource}, {@code TileLogSource}.
 *
 * <p>Failures: {@link LogUnavailableException} (transport), {@link LogRequestException} (the log
 * said no), {@link VerificationException} (a response that does not parse).
 */
public interface LogSource extends AutoCloseable {
  /** The latest signed checkpoint note, as served. */
  String latestCheckpoint();

  /** The inclusion proof of leaf {@code index} in the tree of {@code treeSize}. */
  InclusionProof inclusionProof(long index, long treeSize);

  /**
   * The inclusion proof of the entry with {@code leafHash} (its index is in the proof). Sources
   * that cannot look up leaf hashes throw {@link LogRequestException} with code {@code
   * UNSUPPORTED}.
   */
  InclusionProof inclusionProofByLeafHash(Hash leafHash, long treeSize);

  /** The consistency proof from size {@code first} to size {@code second}. */
  ConsistencyProof consistencyProof(long first, long second);

  /**
   * Entries from {@code start}, at most up to {@code end} (exclusive), in the tree of {@code
   * treeSize}; at least one when {@code start < end <= treeSize}, possibly fewer than asked (a
   * page).
   */
  List<byte[]> entries(long start, long end, long treeSize);

  /** A short description for messages, e.g. {@code grpc 127.0.0.1:7400}. */
  String describe();

  @Override
  default void close() {}
}
