package dev.tlog.server.storage;

/** A signed checkpoint note as stored, with the tree size it covers. */
public record StoredCheckpoint(long size, byte[] signedNote) {
  public StoredCheckpoint {
    signedNote = signedNote.clone();
  }

  @Override
  public byte[] signedNote() {
    return signedNote.clone();
  }
}
