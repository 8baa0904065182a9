package dev.tlog.server;

import dev.tlog.server.security.SecuritySettings;
import dev.tlog.server.security.auth.RateLimit;
import dev.tlog.server.security.tls.TlsFiles;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags that secure the listeners (spec/security.md): TLS, credentials, rate limit. A mixin.
 */
final class SecurityOptions {
  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description = "PEM certificate chain (leaf first) both listeners serve; needs --tls-key.")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description = "PEM PKCS#8 private key of --tls-cert.")
  Path tlsKey;

  @Option(
      names = "--tls-self-signed",
      description =
          "Development only: serve TLS with a self-signed certificate generated under"
              + " <data-dir>/tls/ on first run; its SHA-256 fingerprint is printed at start.")
  boolean tlsSelfSigned;

  @Option(
      names = "--allow-plaintext",
      description =
          "Serve plaintext on a non-loopback --bind (e.g. behind a TLS-terminating proxy);"
              + " refused otherwise.")
  boolean allowPlaintext;

  @Option(
      names = "--client-ca",
      paramLabel = "FILE",
      description =
          "PEM CA (or certificate) whose client certificates are accepted for mTLS; the auth"
              + " file maps their CN or SAN to actors. Needs TLS.")
  Path clientCa;

  @Option(
      names = "--auth-file",
      paramLabel = "FILE",
      description =
          "Appender credentials (spec/security.md): appends need a listed bearer token or client"
              + " certificate; re-read when it changes. Create tokens with `tlog-server token add`.")
  Path authFile;

  @Option(
      names = "--auth-reads",
      description = "With --auth-file: reads (gRPC and HTTP) need a credential too.")
  boolean authReads;

  @Option(
      names = "--rate-limit",
      paramLabel = "N/s",
      description = "With --auth-file: append requests per second per credential, e.g. 50/s.")
  String rateLimit;

  /** Whether a self-signed development certificate was asked for. */
  boolean selfSigned() {
    return tlsSelfSigned;
  }

  /**
   * The listeners' TLS, credentials and rate limit; {@code devTls} is the --tls-self-signed
   * certificate when one was made.
   */
  SecuritySettings settings(Optional<TlsFiles> devTls) {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("give both --tls-cert and --tls-key, or neither");
    }
    if (tlsCert != null && tlsSelfSigned) {
      throw new IllegalArgumentException(
          "give --tls-cert/--tls-key or --tls-self-signed, not both");
    }
    Optional<TlsFiles> tls = tlsCert != null ? Optional.of(new TlsFiles(tlsCert, tlsKey)) : devTls;
    return new SecuritySettings(
        tls,
        allowPlaintext,
        Optional.ofNullable(clientCa),
        Optional.ofNullable(authFile),
        authReads,
        Optional.ofNullable(rateLimit).map(RateLimit::parse));
  }
}
