package dev.tlog.server.integrate;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.server.checkpoint.SignedCheckpoint;

/**
 * The acknowledgement of one appended entry: its index, leaf hash, chain hash C[index], a signed
 * checkpoint whose tree contains it, and whether it was already in the log.
 */
public record AppendResult(
    long index, Hash leafHash, Hash chainHash, SignedCheckpoint checkpoint, boolean duplicate) {}
