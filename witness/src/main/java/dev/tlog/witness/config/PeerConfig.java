package dev.tlog.witness.config;

import dev.tlog.merkle.cosignature.CosignatureVerifier;
import java.net.URI;
import java.util.Objects;

/** Another witness to cross-check with: the URL prefix of its read API and its cosigner key. */
public record PeerConfig(URI url, CosignatureVerifier key) {
  public PeerConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(key, "key");
  }
}
