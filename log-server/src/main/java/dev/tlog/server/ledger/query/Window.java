package dev.tlog.server.ledger.query;

import dev.tlog.server.checkpoint.SignedCheckpoint;
import java.util.OptionalLong;

/**
 * A receive-time window as of {@code checkpoint} (spec/ledger.md, "Complete windows"): entries
 * {@code [start, end)} are exactly those received in it; {@code markBefore} is the last clock mark
 * before {@code start} (absent when {@code start == 0}).
 */
public record Window(SignedCheckpoint checkpoint, long start, long end, OptionalLong markBefore) {}
