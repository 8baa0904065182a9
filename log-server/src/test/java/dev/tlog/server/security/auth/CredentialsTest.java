package dev.tlog.server.security.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The auth file's format: what parses, what is refused whole, and how names are matched. */
class CredentialsTest {
  private static final String HEX = Credentials.hash("tlog_secret");

  @Test
  void tokensAreLookedUpByHashAndCertificatesByName() {
    Credentials c =
        Credentials.parse(
            "# appenders\n\nsha256:" + HEX + " user:alice\ncert:alice laptop service:ci-*\n");
    Appender a = c.byToken("tlog_secret").orElseThrow();
    assertEquals("user:alice", a.actors().pattern());
    assertFalse(a.credential().contains("secret"), "the credential name never holds the token");
    assertTrue(c.byToken("tlog_other").isEmpty());
    Appender laptop = c.byCertificateNames(List.of("nobody", "alice laptop")).orElseThrow();
    assertTrue(laptop.actors().matches("service:ci-nightly"));
    assertFalse(laptop.actors().matches("service:cd"));
  }

  @Test
  void aMalformedLineRejectsTheWholeFileNamingTheLine() {
    for (String bad :
        List.of(
            "sha256:" + HEX + "\n",
            "sha256:ABC user:alice\n",
            "password:x user:alice\n",
            "sha256:" + HEX + " user:*alice\n",
            "sha256:" + HEX + " user:a\nsha256:" + HEX + " user:b\n")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Credentials.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("auth file line "), e.getMessage());
    }
  }

  @Test
  void actorPatternsAreExactPrefixOrAny() {
    assertTrue(new ActorPattern("user:alice").matches("user:alice"));
    assertFalse(new ActorPattern("user:alice").matches("user:alice2"));
    assertTrue(new ActorPattern("user:*").matches("user:bob"));
    assertTrue(new ActorPattern("*").matches("system:cron"));
  }

  @Test
  void rateLimitsParseAsPerSecond() {
    assertEquals(50, RateLimit.parse("50/s").perSecond());
    assertThrows(IllegalArgumentException.class, () -> RateLimit.parse("50"));
    assertThrows(IllegalArgumentException.class, () -> RateLimit.parse("0/s"));
  }
}
