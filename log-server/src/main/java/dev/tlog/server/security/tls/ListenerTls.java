package dev.tlog.server.security.tls;

import dev.tlog.server.security.SecuritySettings;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The TLS configuration of both listeners from one {@link SecuritySettings}: the same certificate
 * and key for gRPC and HTTP. With a client CA, the gRPC listener requests client certificates
 * (optional: reads stay public); the HTTP listener is read-only and takes bearer tokens only.
 */
public final class ListenerTls {
  private ListenerTls() {}

  /** Credentials for the gRPC listener: TLS when configured, else plaintext. */
  public static ServerCredentials grpc(SecuritySettings security) {
    if (security.tls().isEmpty()) {
      return InsecureServerCredentials.create();
    }
    TlsFiles files = security.tls().get();
    try {
      TlsServerCredentials.Builder b =
          TlsServerCredentials.newBuilder()
              .keyManager(files.certChain().toFile(), files.privateKey().toFile());
      if (security.clientCa().isPresent()) {
        b.trustManager(security.clientCa().get().toFile())
            .clientAuth(TlsServerCredentials.ClientAuth.OPTIONAL);
      }
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TLS files: " + e.getMessage(), e);
    }
  }

  /** Options for the HTTP listener: TLS when configured. */
  public static HttpServerOptions http(SecuritySettings security) {
    HttpServerOptions o = new HttpServerOptions();
    security
        .tls()
        .ifPresent(
            files ->
                o.setSsl(true)
                    .setKeyCertOptions(
                        new PemKeyCertOptions()
                            .setCertPath(files.certChain().toString())
                            .setKeyPath(files.privateKey().toString())));
    return o;
  }
}
