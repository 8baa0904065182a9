package dev.tlog.server.api.grpc;

import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.server.errors.UnauthenticatedException;
import dev.tlog.server.security.auth.Appender;
import dev.tlog.server.security.auth.Authenticator;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Authenticates every call before its handler starts (spec/security.md, "Appender authentication"):
 * the {@code authorization} header or the TLS client certificate becomes an {@link Appender} in the
 * call's {@link Context} ({@link #APPENDER}), where the append handlers find it. Append calls
 * without a credential, and with {@code --auth-reads} every call, are closed with {@code
 * UNAUTHENTICATED} before any message is read, so nothing is admitted. Failures go through {@link
 * GrpcErrors}.
 */
public final class CallAuthentication implements ServerInterceptor {
  /** The authenticated appender of the current call; unset when the call carries no credential. */
  public static final Context.Key<Appender> APPENDER = Context.key("tlog-appender");

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private static final Set<String> APPENDS =
      Set.of(
          LogServiceGrpc.getAppendMethod().getFullMethodName(),
          LogServiceGrpc.getAppendBatchMethod().getFullMethodName(),
          LogServiceGrpc.getAppendStreamMethod().getFullMethodName());

  private final Authenticator authenticator;
  private final boolean reads;

  /** {@code reads}: whether read calls need a credential too ({@code --auth-reads}). */
  public CallAuthentication(Authenticator authenticator, boolean reads) {
    this.authenticator = authenticator;
    this.reads = reads;
  }

  /** The current call's appender, if it authenticated. */
  public static Optional<Appender> current() {
    return Optional.ofNullable(APPENDER.get());
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    boolean append = APPENDS.contains(call.getMethodDescriptor().getFullMethodName());
    Optional<String> authorization = Optional.ofNullable(headers.get(AUTHORIZATION));
    if (!append && !reads && authorization.isEmpty()) {
      // A public read that presents no token needs nothing from the auth file, even a broken one.
      return next.startCall(call, headers);
    }
    Optional<Appender> who;
    try {
      who = authenticator.authenticate(authorization, peer(call));
    } catch (RuntimeException e) {
      return refuse(call, e);
    }
    if (who.isEmpty() && (append || reads)) {
      return refuse(
          call,
          new UnauthenticatedException(
              (append ? "appending" : "reading this log")
                  + " needs a credential: a bearer token or a client certificate listed in the"
                  + " log's auth file"));
    }
    if (who.isEmpty()) {
      return next.startCall(call, headers);
    }
    return Contexts.interceptCall(
        Context.current().withValue(APPENDER, who.get()), call, headers, next);
  }

  private static <ReqT> ServerCall.Listener<ReqT> refuse(ServerCall<ReqT, ?> call, Throwable e) {
    var status = GrpcErrors.toStatus(e);
    Metadata trailers = status.getTrailers() != null ? status.getTrailers() : new Metadata();
    call.close(status.getStatus(), trailers);
    return new ServerCall.Listener<>() {};
  }

  /** The client's verified certificate chain, empty without TLS or without a client certificate. */
  private static List<X509Certificate> peer(ServerCall<?, ?> call) {
    SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
    if (session == null) {
      return List.of();
    }
    try {
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : session.getPeerCertificates()) {
        if (c instanceof X509Certificate x) {
          out.add(x);
        }
      }
      return out;
    } catch (SSLPeerUnverifiedException e) {
      return List.of();
    }
  }
}
