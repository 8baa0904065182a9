package dev.tlog.server.security.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed auth file (spec/security.md, "The auth file"): one credential per line,
 *
 * <pre>
 * # comment
 * sha256:&lt;64 hex: SHA-256 of the token's UTF-8 bytes&gt; &lt;actor pattern&gt;
 * cert:&lt;client certificate subject CN or DNS/email/URI/IP SAN (may hold spaces)&gt; &lt;actor pattern&gt;
 * </pre>
 *
 * Parsing is all-or-nothing and bounded: a malformed line rejects the whole file, naming its line
 * number. Tokens are never stored, only their hashes. Immutable.
 */
public final class Credentials {
  /** Largest auth file read. */
  public static final int MAX_BYTES = 1 << 20;

  private static final String TOKEN = "sha256:";
  private static final String CERT = "cert:";

  private final Map<String, ActorPattern> tokenHashes;
  private final Map<String, ActorPattern> certNames;

  private Credentials(Map<String, ActorPattern> tokenHashes, Map<String, ActorPattern> certNames) {
    this.tokenHashes = Map.copyOf(tokenHashes);
    this.certNames = Map.copyOf(certNames);
  }

  /** Parses the file's text; {@link IllegalArgumentException} names the first bad line. */
  public static Credentials parse(String text) {
    if (text.length() > MAX_BYTES) {
      throw new IllegalArgumentException("auth file is larger than " + MAX_BYTES + " bytes");
    }
    Map<String, ActorPattern> tokens = new HashMap<>();
    Map<String, ActorPattern> certs = new HashMap<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      // The pattern has no spaces; a certificate name (a CN) may.
      String[] f = line.split("\\s+(?=\\S+$)");
      if (f.length != 2) {
        throw bad(i, "want \"<credential> <actor pattern>\"");
      }
      ActorPattern actors;
      try {
        actors = new ActorPattern(f[1]);
      } catch (IllegalArgumentException e) {
        throw bad(i, e.getMessage());
      }
      if (f[0].startsWith(TOKEN)) {
        String hex = f[0].substring(TOKEN.length());
        if (!hex.matches("[0-9a-f]{64}")) {
          throw bad(i, "sha256: must be followed by 64 lowercase hex digits");
        }
        if (tokens.put(hex, actors) != null) {
          throw bad(i, "token hash listed twice");
        }
      } else if (f[0].startsWith(CERT) && f[0].length() > CERT.length()) {
        if (certs.put(f[0].substring(CERT.length()), actors) != null) {
          throw bad(i, "certificate name listed twice");
        }
      } else {
        // The value is not quoted: it may be a secret pasted in by mistake, and this message is
        // logged (spec/api.md, "Logs").
        throw bad(
            i,
            "credential must start with sha256: or cert:"
                + (f[0].startsWith("tlog_")
                    ? " (this looks like a bearer token itself: list its hash, as `tlog-server"
                        + " token add` does)"
                    : ""));
      }
    }
    return new Credentials(tokens, certs);
  }

  private static IllegalArgumentException bad(int index, String why) {
    return new IllegalArgumentException("auth file line " + (index + 1) + ": " + why);
  }

  /** The appender a bearer token stands for, if it is listed. */
  public Optional<Appender> byToken(String token) {
    String hex = hash(token);
    ActorPattern a = tokenHashes.get(hex);
    return a == null
        ? Optional.empty()
        : Optional.of(new Appender("token sha256:" + hex.substring(0, 16), a));
  }

  /** The appender the first listed name of a client certificate stands for. */
  public Optional<Appender> byCertificateNames(List<String> names) {
    for (String n : names) {
      ActorPattern a = certNames.get(n);
      if (a != null) {
        return Optional.of(new Appender("cert " + n, a));
      }
    }
    return Optional.empty();
  }

  /** {@code sha256:<hex>} as the auth file stores {@code token}. */
  public static String hashLine(String token) {
    return TOKEN + hash(token);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
