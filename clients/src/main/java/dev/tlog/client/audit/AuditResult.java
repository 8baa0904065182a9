package dev.tlog.client.audit;

import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.merkle.hash.Hash;

/**
 * A successful audit: every entry of {@code checkpoint}'s tree was downloaded and hashed, and the
 * recomputed root and chain head equal the signed ones.
 */
public record AuditResult(
    VerifiedCheckpoint checkpoint, long resumedFrom, Hash computedRoot, Hash computedChainHead) {}
