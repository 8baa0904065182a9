package dev.tlog.server.witnessing;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.cosignature.CosignatureVerifier;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.VerifierKeys;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A witness the log submits checkpoints to: its cosignature verifier key and its C2SP tlog-witness
 * submission prefix ({@code <prefix>/add-checkpoint} is POSTed to).
 */
public record Witness(CosignatureVerifier key, URI submissionPrefix) {

  /** Parses {@code "<vkey> <url>"}: a cosignature (type 0x04) verifier key and a URL prefix. */
  public static Witness parse(String spec) {
    String[] parts = spec.strip().split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException("witness must be \"<vkey> <url>\", got \"" + spec + "\"");
    }
    NoteVerifier v;
    try {
      v = VerifierKeys.parse(parts[0]);
    } catch (MerkleException e) {
      throw new IllegalArgumentException("witness key " + parts[0] + ": " + e.getMessage(), e);
    }
    if (!(v instanceof CosignatureVerifier c)) {
      throw new IllegalArgumentException(
          "witness key " + parts[0] + " is not a cosignature (type 0x04) key");
    }
    URI url;
    try {
      url =
          new URI(parts[1].endsWith("/") ? parts[1].substring(0, parts[1].length() - 1) : parts[1]);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("witness URL " + parts[1] + ": " + e.getMessage(), e);
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("witness URL must be http or https, got " + parts[1]);
    }
    return new Witness(c, url);
  }

  public String name() {
    return key.name();
  }

  public URI addCheckpointUri() {
    return URI.create(submissionPrefix + "/add-checkpoint");
  }
}
