package dev.tlog.client.transport;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a client reaches a protected log (spec/security.md): TLS (trusting the system's CAs, or only
 * {@code ca}), an optional client certificate for mTLS, and an optional bearer token sent as {@code
 * authorization: Bearer <token>} on every gRPC call and HTTP request. Immutable.
 *
 * @param tls whether to use TLS; implied by {@code ca} and {@code clientCert}
 * @param ca a PEM CA certificate (or the server's own certificate) to trust instead of the system's
 * @param clientCert PEM certificate chain for mTLS (needs {@code clientKey})
 * @param clientKey PEM PKCS#8 private key of {@code clientCert}
 * @param token bearer token
 */
public record ClientSecurity(
    boolean tls,
    Optional<Path> ca,
    Optional<Path> clientCert,
    Optional<Path> clientKey,
    Optional<String> token) {

  public ClientSecurity {
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(clientCert, "clientCert");
    Objects.requireNonNull(clientKey, "clientKey");
    Objects.requireNonNull(token, "token");
    if (clientCert.isPresent() != clientKey.isPresent()) {
      throw new IllegalArgumentException(
          "a client certificate needs its key: give both or neither");
    }
    tls = tls || ca.isPresent() || clientCert.isPresent();
  }

  /** Plaintext, no credentials: a log on loopback. */
  public static ClientSecurity plaintext() {
    return new ClientSecurity(
        false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** TLS trusting {@code ca} only. */
  public static ClientSecurity trusting(Path ca) {
    return new ClientSecurity(
        true, Optional.of(ca), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This with {@code token} sent as a bearer token. */
  public ClientSecurity withToken(String token) {
    return new ClientSecurity(tls, ca, clientCert, clientKey, Optional.of(token));
  }

  /** This presenting {@code cert}/{@code key} as the client certificate. */
  public ClientSecurity withClientCertificate(Path cert, Path key) {
    return new ClientSecurity(true, ca, Optional.of(cert), Optional.of(key), token);
  }

  /** A channel to {@code hostPort} with this security; the token rides on every call. */
  public ManagedChannel channel(String hostPort, int maxInboundBytes) {
    ChannelCredentials creds;
    if (!tls) {
      creds = InsecureChannelCredentials.create();
    } else {
      try {
        TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder();
        if (ca.isPresent()) {
          b.trustManager(ca.get().toFile());
        }
        if (clientCert.isPresent()) {
          b.keyManager(clientCert.get().toFile(), clientKey.get().toFile());
        }
        creds = b.build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read TLS files: " + e.getMessage(), e);
      }
    }
    NettyChannelBuilder b =
        NettyChannelBuilder.forTarget(hostPort, creds).maxInboundMessageSize(maxInboundBytes);
    token.ifPresent(t -> b.intercept(new BearerToken(t)));
    return b.build();
  }

  /** An HTTP client with this security's trust and client certificate. */
  public HttpClient httpClient() {
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    if (ca.isPresent()) {
      b.sslContext(trustOnly(ca.get()));
    }
    return b.build();
  }

  /** {@code request} with the bearer token, if any. */
  public HttpRequest.Builder authorize(HttpRequest.Builder request) {
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return request;
  }

  private static SSLContext trustOnly(Path ca) {
    try (InputStream in = Files.newInputStream(ca)) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ks.setCertificateEntry("ca" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read --ca " + ca + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("--ca " + ca + ": " + e.getMessage(), e);
    }
  }

  /** Adds {@code authorization: Bearer <token>} to every call. */
  private static final class BearerToken implements ClientInterceptor {
    private static final Metadata.Key<String> AUTHORIZATION =
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private final String header;

    BearerToken(String token) {
      this.header = "Bearer " + token;
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
        MethodDescriptor<ReqT, RespT> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<RespT> listener, Metadata headers) {
          headers.put(AUTHORIZATION, header);
          super.start(listener, headers);
        }
      };
    }
  }

  @Override
  public String toString() {
    // Never print the token.
    return "ClientSecurity[tls="
        + tls
        + ", ca="
        + ca
        + ", clientCert="
        + clientCert
        + ", token="
        + (token.isPresent() ? "<set>" : "<none>")
        + "]";
  }
}
