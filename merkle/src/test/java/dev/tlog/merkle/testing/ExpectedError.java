package dev.tlog.merkle.testing;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.note.NoteVerificationException;
import org.junit.jupiter.api.function.Executable;

/**
 * Checks a vector case's {@code error} (exception simple name) and optional {@code reason} (of a
 * note verification) or {@code field} (of a ledger format rejection).
 */
public final class ExpectedError {
  private ExpectedError() {}

  public static void assertFails(JsonNode c, Executable action) {
    String name = c.path("name").asText();
    MerkleException e = assertThrows(MerkleException.class, action, name);
    assertEquals(
        c.get("error").asText(), e.getClass().getSimpleName(), name + ": " + e.getMessage());
    if (c.has("reason")) {
      assertEquals(c.get("reason").asText(), ((NoteVerificationException) e).reason().name(), name);
    }
    if (c.has("field")) {
      assertEquals(c.get("field").asText(), ((EventFormatException) e).field(), name);
    }
  }
}
