package dev.tlog.server.read;

import dev.tlog.merkle.hash.Hash;

/** One stored entry with its leaf hash and chain hash C[index]. */
public record StoredEntry(long index, byte[] data, Hash leafHash, Hash chainHash) {}
