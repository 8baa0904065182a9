package dev.tlog.server.security;

import dev.tlog.server.security.auth.RateLimit;
import dev.tlog.server.security.tls.TlsFiles;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the listeners are protected (spec/security.md).
 *
 * @param tls the certificate and key both listeners serve, or empty for plaintext
 * @param allowPlaintext whether plaintext may be served on an address other than loopback
 * @param clientCa CA (or certificate) whose client certificates are accepted for mTLS; needs {@code
 *     tls}
 * @param authFile the credentials file ({@code --auth-file}); empty: anyone may append
 * @param authReads whether read calls need a credential too (only with {@code authFile})
 * @param rateLimit appends per second each credential may make, or empty for no limit
 */
public record SecuritySettings(
    Optional<TlsFiles> tls,
    boolean allowPlaintext,
    Optional<Path> clientCa,
    Optional<Path> authFile,
    boolean authReads,
    Optional<RateLimit> rateLimit) {

  public SecuritySettings {
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(clientCa, "clientCa");
    Objects.requireNonNull(authFile, "authFile");
    Objects.requireNonNull(rateLimit, "rateLimit");
    if (clientCa.isPresent() && tls.isEmpty()) {
      throw new IllegalArgumentException(
          "--client-ca needs TLS: client certificates are only seen over TLS (--tls-cert/--tls-key"
              + " or --tls-self-signed)");
    }
    if (authReads && authFile.isEmpty()) {
      throw new IllegalArgumentException("--auth-reads needs --auth-file");
    }
    if (rateLimit.isPresent() && authFile.isEmpty()) {
      throw new IllegalArgumentException("--rate-limit is per credential and needs --auth-file");
    }
  }

  /** Plaintext on loopback, no credentials: the development default. */
  public static SecuritySettings none() {
    return new SecuritySettings(
        Optional.empty(), false, Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  public SecuritySettings withTls(TlsFiles files) {
    return new SecuritySettings(
        Optional.of(files), allowPlaintext, clientCa, authFile, authReads, rateLimit);
  }

  public SecuritySettings withClientCa(Path ca) {
    return new SecuritySettings(
        tls, allowPlaintext, Optional.of(ca), authFile, authReads, rateLimit);
  }

  public SecuritySettings withAllowPlaintext(boolean allow) {
    return new SecuritySettings(tls, allow, clientCa, authFile, authReads, rateLimit);
  }

  public SecuritySettings withAuthFile(Path file, boolean reads) {
    return new SecuritySettings(tls, allowPlaintext, clientCa, Optional.of(file), reads, rateLimit);
  }

  public SecuritySettings withRateLimit(RateLimit limit) {
    return new SecuritySettings(
        tls, allowPlaintext, clientCa, authFile, authReads, Optional.of(limit));
  }
}
