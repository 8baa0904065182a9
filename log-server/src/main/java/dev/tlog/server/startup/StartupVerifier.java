package dev.tlog.server.startup;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.checkpoint.ChainHeadExtension;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import dev.tlog.server.storage.StoredCheckpoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks at startup that the stored entries, leaf hashes, tree node hashes, chain and latest
 * checkpoint agree, and signs the checkpoint for a size that was committed but not yet signed when
 * the server last stopped. Any disagreement is a {@link StateMismatchException} naming what
 * disagrees; the server must not serve then.
 */
public final class StartupVerifier {
  private static final System.Logger LOG = System.getLogger(StartupVerifier.class.getName());
  private static final int CHUNK = 4096;

  /** How much of the stored log to re-derive from the entries. */
  public enum Mode {
    /** Re-hash every entry and re-derive every stored node and chain hash: O(size). */
    FULL,
    /** Re-derive only the last {@value #TAIL_ENTRIES} entries; check the root from stored nodes. */
    TAIL
  }

  /** Entries re-derived in {@link Mode#TAIL}. */
  public static final int TAIL_ENTRIES = 4096;

  private final LogStorage storage;
  private final CheckpointSigner signer;
  private final NoteVerifier logKey;

  public StartupVerifier(LogStorage storage, CheckpointSigner signer, NoteVerifier logKey) {
    this.storage = storage;
    this.signer = signer;
    this.logKey = logKey;
  }

  /** Verifies the stored state and returns the checkpoint to publish for the stored size. */
  public SignedCheckpoint verify(Mode mode) {
    try (LogReader r = storage.reader()) {
      long size = r.size();
      long from = mode == Mode.FULL ? 0 : Math.max(0, size - TAIL_ENTRIES);
      rederive(r, from, size);
      Hash root = Proofs.treeRoot(size, r);
      Hash head = size == 0 ? Hash.ZERO : r.chainHash(size - 1);
      Optional<StoredCheckpoint> stored = r.latestCheckpoint();
      if (stored.isPresent()) {
        SignedCheckpoint latest = checkStored(r, stored.get(), size);
        if (latest.size() == size) {
          return latest;
        }
        LOG.log(
            System.Logger.Level.WARNING,
            "signing checkpoint for size {0}: it was committed but not signed before the last stop"
                + " (latest signed size {1})",
            size,
            latest.size());
      }
      SignedCheckpoint cp = signer.sign(size, root, head);
      storage.putCheckpoint(size, cp.note().getBytes(StandardCharsets.UTF_8));
      return cp;
    } catch (MerkleException e) {
      throw new StateMismatchException("stored log is inconsistent: " + e.getMessage(), e);
    }
  }

  /** Re-hashes entries [from, size) and compares leaf, node and chain hashes with storage. */
  private static void rederive(LogReader r, long from, long size) {
    CompactRange range =
        from == 0
            ? CompactRange.empty(0)
            : CompactRange.of(0, from, r.readHashes(CompactRange.decompose(0, from)));
    Hash head = from == 0 ? Hash.ZERO : r.chainHash(from - 1);
    for (long start = from; start < size; start += CHUNK) {
      long end = Math.min(size, start + CHUNK);
      List<byte[]> entries = r.entries(start, end);
      List<NodeId> ids = new ArrayList<>();
      List<Hash> derived = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        long index = start + i;
        Hash leaf = TreeHasher.leafHash(entries.get(i));
        if (r.indexOf(leaf).orElse(-1) != index) {
          throw new StateMismatchException(
              "entry "
                  + index
                  + " hashes to "
                  + leaf
                  + ", which the leaf index does not map to "
                  + index);
        }
        range.append(
            leaf,
            (id, hash) -> {
              ids.add(id);
              derived.add(hash);
            });
        head = HashChain.next(head, leaf);
        Hash storedChain = r.chainHash(index);
        if (!storedChain.equals(head)) {
          throw new StateMismatchException(
              "chain hash " + index + " disagrees: recomputed " + head + ", stored " + storedChain);
        }
      }
      List<Hash> stored = r.readHashes(ids);
      for (int i = 0; i < ids.size(); i++) {
        if (!stored.get(i).equals(derived.get(i))) {
          throw new StateMismatchException(
              "tree node "
                  + ids.get(i)
                  + " disagrees: recomputed "
                  + derived.get(i)
                  + ", stored "
                  + stored.get(i));
        }
      }
    }
  }

  private SignedCheckpoint checkStored(LogReader r, StoredCheckpoint stored, long size) {
    Checkpoint cp;
    try {
      cp = Checkpoints.openSigned(stored.signedNote(), signer.origin(), List.of(logKey));
    } catch (MerkleException e) {
      throw new StateMismatchException(
          "latest stored checkpoint (size "
              + stored.size()
              + ") does not verify: "
              + e.getMessage(),
          e);
    }
    if (cp.size() != stored.size() || cp.size() > size) {
      throw new StateMismatchException(
          "latest checkpoint claims size " + cp.size() + " but " + size + " entries are stored");
    }
    Hash root = Proofs.treeRoot(cp.size(), r);
    if (!root.equals(cp.root())) {
      throw new StateMismatchException(
          "root at size "
              + cp.size()
              + " disagrees: recomputed "
              + root
              + ", checkpoint says "
              + cp.root());
    }
    Hash head = cp.size() == 0 ? Hash.ZERO : r.chainHash(cp.size() - 1);
    Hash signedHead =
        ChainHeadExtension.find(cp)
            .orElseThrow(
                () -> new StateMismatchException("latest checkpoint has no chain head line"));
    if (!head.equals(signedHead)) {
      throw new StateMismatchException(
          "chain head at size "
              + cp.size()
              + " disagrees: stored "
              + head
              + ", checkpoint says "
              + signedHead);
    }
    return new SignedCheckpoint(cp, new String(stored.signedNote(), StandardCharsets.UTF_8));
  }
}
