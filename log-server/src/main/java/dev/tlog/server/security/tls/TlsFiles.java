package dev.tlog.server.security.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A PEM certificate chain (leaf first) and its PEM PKCS#8 private key, as both listeners serve
 * them. Checked readable when made, so a typo fails at start and names the flag.
 */
public record TlsFiles(Path certChain, Path privateKey) {
  public TlsFiles {
    Objects.requireNonNull(certChain, "certChain");
    Objects.requireNonNull(privateKey, "privateKey");
    if (!Files.isReadable(certChain)) {
      throw new IllegalArgumentException("--tls-cert " + certChain + ": not a readable file");
    }
    if (!Files.isReadable(privateKey)) {
      throw new IllegalArgumentException("--tls-key " + privateKey + ": not a readable file");
    }
  }
}
