package dev.tlog.server.ledger.query;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.proof.InclusionProof;
import java.util.Optional;

/**
 * One event as a query answers it, read from storage (not from the index): its committed entry
 * bytes, its payload record (empty once erased), its chain hash {@code C[index]}, and, when asked
 * for, its inclusion proof against the answer's checkpoint. {@code received} comes from the index.
 */
public record LedgerHit(
    long index,
    byte[] entry,
    Optional<byte[]> payloadRecord,
    long received,
    Hash chainHash,
    Optional<InclusionProof> proof) {}
