package dev.tlog.merkle.ledger;

import dev.tlog.merkle.hash.Hash;

/**
 * An event's payload and salt, stored and served beside its entry (spec/ledger.md, "Payload
 * records"). Erasing it removes the payload without touching any leaf, proof or chain value.
 *
 * @param payload the payload object in RFC 8785 canonical form
 * @param salt the 32-byte salt
 */
public record PayloadRecord(String payload, Hash salt) {
  /** The commitment an entry carries for this record. */
  public Hash commitment() {
    return EventCodec.payloadCommitment(salt, payload);
  }

  /** Checks this record against {@code entry}'s commitment. */
  public void checkAgainst(LedgerEntry.EventEntry entry) {
    Hash got = commitment();
    if (!got.equals(entry.payloadHash())) {
      throw new EventFormatException(
          "payload_sha256",
          "payload record hashes to " + got + ", the entry commits to " + entry.payloadHash());
    }
  }
}
