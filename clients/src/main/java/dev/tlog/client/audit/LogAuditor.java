package dev.tlog.client.audit;

import dev.tlog.client.LogConsistencyException;
import dev.tlog.client.LogSource;
import dev.tlog.client.VerificationException;
import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import java.util.List;
import java.util.function.Consumer;

/**
 * Recomputes a log's Merkle root and linear chain from its entries and compares both with a
 * verified checkpoint. Resumes from an {@link AuditState}; hands every page's new state to {@code
 * saver} so progress survives interruption.
 */
public final class LogAuditor {
  private final LogSource source;

  public LogAuditor(LogSource source) {
    this.source = source;
  }

  /**
   * Audits up to {@code target}'s size from {@code from}.
   *
   * @throws LogConsistencyException if the checkpoint is smaller than what was already audited
   * @throws VerificationException if the recomputed root or chain head differs from the signed one
   */
  public AuditResult audit(
      VerifiedCheckpoint target,
      AuditState from,
      AuditProgress progress,
      Consumer<AuditState> saver) {
    long size = target.size();
    if (from.next() > size) {
      throw new LogConsistencyException(
          LogConsistencyException.Kind.ROLLBACK,
          from.next(),
          size,
          "log rolled back: "
              + from.next()
              + " entries were already audited, the checkpoint has only "
              + size,
          null);
    }
    CompactRange range = from.range();
    Hash chain = from.chainHead();
    long next = from.next();
    progress.update(from.next(), next, size);
    while (next < size) {
      List<byte[]> page = source.entries(next, size, size);
      for (byte[] e : page) {
        Hash leaf = TreeHasher.leafHash(e);
        range.append(leaf, null);
        chain = HashChain.next(chain, leaf);
      }
      next += page.size();
      saver.accept(new AuditState(from.origin(), next, range.hashes(), chain));
      progress.update(from.next(), next, size);
    }
    Hash root = range.root();
    if (!root.equals(target.root())) {
      throw new VerificationException(
          "root mismatch: computed "
              + root
              + " from "
              + size
              + " entries, checkpoint says "
              + target.root());
    }
    if (!chain.equals(target.chainHead())) {
      throw new VerificationException(
          "chain head mismatch: computed "
              + chain
              + " from "
              + size
              + " entries, checkpoint's tlog-chain line says "
              + target.chainHead());
    }
    return new AuditResult(target, from.next(), root, chain);
  }
}
