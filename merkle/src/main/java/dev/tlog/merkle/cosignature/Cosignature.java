package dev.tlog.merkle.cosignature;

/** A verified cosignature: who cosigned and the time (Unix seconds) they claim to have done so. */
public record Cosignature(String name, int keyHash, long timestamp) {}
