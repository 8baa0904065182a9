package dev.tlog.server.api.grpc;

import dev.tlog.server.errors.InvalidRequestException;
import io.grpc.Attributes;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.SecurityLevel;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request messages that do not parse. grpc-java parses a request inside its own call machinery, so
 * a parse failure escapes as {@code UNKNOWN} with a SEVERE stack trace per request. This wraps a
 * service so each method receives the raw bytes and parses them itself: a failure closes the call
 * with {@code INVALID_ARGUMENT: malformed request message: <detail>} (mapped by {@link GrpcErrors})
 * and is logged once per client address; the addresses already logged are a bounded LRU set, so a
 * hostile client cannot grow memory or fill the log. Thread-safe.
 */
public final class MalformedMessages {
  /** Client addresses remembered as already logged. */
  static final int LOGGED_ADDRESSES = 1024;

  private static final System.Logger LOG = System.getLogger(MalformedMessages.class.getName());

  private static final MethodDescriptor.Marshaller<InputStream> RAW =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(InputStream value) {
          return value;
        }

        @Override
        public InputStream parse(InputStream stream) {
          return stream;
        }
      };

  private final Map<String, Boolean> logged =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > LOGGED_ADDRESSES;
        }
      };

  /** {@code service} with every method parsing its own requests. */
  public ServerServiceDefinition guard(ServerServiceDefinition service) {
    ServiceDescriptor original = service.getServiceDescriptor();
    ServiceDescriptor.Builder descriptor =
        ServiceDescriptor.newBuilder(original.getName())
            .setSchemaDescriptor(original.getSchemaDescriptor());
    var methods = service.getMethods().stream().map(this::guard).toList();
    methods.forEach(m -> descriptor.addMethod(m.getMethodDescriptor()));
    ServerServiceDefinition.Builder out = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(out::addMethod);
    return out.build();
  }

  private <ReqT, RespT> ServerMethodDefinition<InputStream, RespT> guard(
      ServerMethodDefinition<ReqT, RespT> definition) {
    MethodDescriptor<ReqT, RespT> typed = definition.getMethodDescriptor();
    MethodDescriptor<InputStream, RespT> raw =
        typed.toBuilder(RAW, typed.getResponseMarshaller()).build();
    ServerCallHandler<ReqT, RespT> handler = definition.getServerCallHandler();
    return ServerMethodDefinition.create(
        raw,
        (call, headers) -> {
          TypedCall<ReqT, RespT> typedCall = new TypedCall<>(call, typed);
          ServerCall.Listener<ReqT> inner = handler.startCall(typedCall, headers);
          return new ParsingListener<>(this, typedCall, typed, inner);
        });
  }

  /** Closes {@code call} with INVALID_ARGUMENT, logging the first failure of its client address. */
  void reject(ServerCall<?, ?> call, RuntimeException parseFailure) {
    Throwable cause = parseFailure.getCause() != null ? parseFailure.getCause() : parseFailure;
    String detail =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    InvalidRequestException e = new InvalidRequestException("malformed request message: " + detail);
    String client = host(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
    boolean first;
    synchronized (logged) {
      first = logged.put(client, Boolean.TRUE) == null;
    }
    if (first) {
      LOG.log(
          System.Logger.Level.WARNING,
          e.getMessage()
              + " (client "
              + client
              + ", "
              + call.getMethodDescriptor().getFullMethodName()
              + "); further malformed messages from this address are not logged");
    }
    Status status = GrpcErrors.toStatus(e).getStatus();
    call.close(status, new Metadata());
  }

  private static String host(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
    }
    return String.valueOf(address);
  }

  /** Parses each raw message with the method's own marshaller before the handler sees it. */
  private static final class ParsingListener<ReqT> extends ServerCall.Listener<InputStream> {
    private final MalformedMessages owner;
    private final ServerCall<ReqT, ?> call;
    private final MethodDescriptor<ReqT, ?> method;
    private final ServerCall.Listener<ReqT> delegate;
    private boolean rejected; // gRPC delivers a call's listener events serially

    ParsingListener(
        MalformedMessages owner,
        ServerCall<ReqT, ?> call,
        MethodDescriptor<ReqT, ?> method,
        ServerCall.Listener<ReqT> delegate) {
      this.owner = owner;
      this.call = call;
      this.method = method;
      this.delegate = delegate;
    }

    @Override
    public void onMessage(InputStream message) {
      if (rejected) {
        return;
      }
      ReqT request;
      try (message) {
        request = method.parseRequest(message);
      } catch (RuntimeException | java.io.IOException e) {
        rejected = true;
        owner.reject(call, e instanceof RuntimeException r ? r : new RuntimeException(e));
        return;
      }
      delegate.onMessage(request);
    }

    @Override
    public void onHalfClose() {
      if (!rejected) {
        delegate.onHalfClose();
      }
    }

    @Override
    public void onCancel() {
      delegate.onCancel();
    }

    @Override
    public void onComplete() {
      delegate.onComplete();
    }

    @Override
    public void onReady() {
      if (!rejected) {
        delegate.onReady();
      }
    }
  }

  /**
   * The raw call as the handler's typed call. A rejection closes the call from the gRPC executor
   * while the handler may be answering from another thread (stream acks come from the integrator),
   * and a ServerCall is not thread-safe: outbound operations are serialized here, and once the call
   * is closed further sends are dropped rather than thrown at the handler.
   */
  private static final class TypedCall<ReqT, RespT> extends ServerCall<ReqT, RespT> {
    private final ServerCall<InputStream, RespT> raw;
    private final MethodDescriptor<ReqT, RespT> method;
    private boolean closed; // guarded by this

    TypedCall(ServerCall<InputStream, RespT> raw, MethodDescriptor<ReqT, RespT> method) {
      this.raw = raw;
      this.method = method;
    }

    @Override
    public void request(int numMessages) {
      raw.request(numMessages);
    }

    @Override
    public synchronized void sendHeaders(Metadata headers) {
      if (!closed) {
        raw.sendHeaders(headers);
      }
    }

    @Override
    public synchronized void sendMessage(RespT message) {
      if (!closed) {
        raw.sendMessage(message);
      }
    }

    @Override
    public boolean isReady() {
      return raw.isReady();
    }

    @Override
    public synchronized void close(Status status, Metadata trailers) {
      if (!closed) {
        closed = true;
        raw.close(status, trailers);
      }
    }

    @Override
    public boolean isCancelled() {
      return raw.isCancelled();
    }

    @Override
    public void setMessageCompression(boolean enabled) {
      raw.setMessageCompression(enabled);
    }

    @Override
    public void setCompression(String compressor) {
      raw.setCompression(compressor);
    }

    @Override
    public void setOnReadyThreshold(int numBytes) {
      raw.setOnReadyThreshold(numBytes);
    }

    @Override
    public SecurityLevel getSecurityLevel() {
      return raw.getSecurityLevel();
    }

    @Override
    public Attributes getAttributes() {
      return raw.getAttributes();
    }

    @Override
    public String getAuthority() {
      return raw.getAuthority();
    }

    @Override
    public MethodDescriptor<ReqT, RespT> getMethodDescriptor() {
      return method;
    }
  }
}
