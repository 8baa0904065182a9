package dev.tlog.client.testing;

import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.HandlerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC server on loopback that serves some services itself and forwards every other call,
 * byte for byte, to a backend (the real log server process), passing each message through a {@link
 * Tap} that may watch, change or break it. Flow control is passed through both ways. Test code
 * only: the deliberately misbehaving "server" of the verification tests.
 */
public final class GrpcProxy implements AutoCloseable {
  /** Sees every forwarded message; may replace it or end the call by throwing a status. */
  public interface Tap {
    /** The request message to forward ({@code method} is the full method name). */
    default byte[] onRequest(String method, byte[] message) {
      return message;
    }

    /** The response message to return to the client. */
    default byte[] onResponse(String method, byte[] message) {
      return message;
    }
  }

  private final ManagedChannel backend;
  private final Server server;

  public GrpcProxy(String backendHostPort, List<BindableService> own, Tap tap) throws IOException {
    this.backend =
        ManagedChannelBuilder.forTarget(backendHostPort)
            .usePlaintext()
            .maxInboundMessageSize(128 << 20)
            .build();
    NettyServerBuilder b =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .maxInboundMessageSize(128 << 20)
            .fallbackHandlerRegistry(new Forwarding(tap));
    own.forEach(b::addService);
    this.server = b.build().start();
  }

  /** {@code host:port} clients should use. */
  public String address() {
    return "127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
    backend.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
      backend.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private final class Forwarding extends HandlerRegistry {
    private final Tap tap;

    Forwarding(Tap tap) {
      this.tap = tap;
    }

    @Override
    public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
      MethodDescriptor<byte[], byte[]> m =
          MethodDescriptor.newBuilder(BYTES, BYTES)
              .setFullMethodName(methodName)
              .setType(MethodDescriptor.MethodType.UNKNOWN)
              .build();
      return ServerMethodDefinition.create(m, new Handler(tap));
    }
  }

  private final class Handler implements ServerCallHandler<byte[], byte[]> {
    private final Tap tap;

    Handler(Tap tap) {
      this.tap = tap;
    }

    @Override
    public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], byte[]> in, Metadata headers) {
      ClientCall<byte[], byte[]> out =
          backend.newCall(in.getMethodDescriptor(), CallOptions.DEFAULT);
      String method = in.getMethodDescriptor().getFullMethodName();
      Object lock = new Object();
      boolean[] closed = {false};
      out.start(
          new ClientCall.Listener<>() {
            @Override
            public void onHeaders(Metadata h) {
              synchronized (lock) {
                in.sendHeaders(h);
              }
            }

            @Override
            public void onMessage(byte[] message) {
              synchronized (lock) {
                if (closed[0]) {
                  return;
                }
                in.sendMessage(tap.onResponse(method, message));
                if (in.isReady()) {
                  out.request(1);
                }
              }
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
              synchronized (lock) {
                if (!closed[0]) {
                  closed[0] = true;
                  in.close(status, trailers);
                }
              }
            }

            @Override
            public void onReady() {
              synchronized (lock) {
                if (out.isReady()) {
                  in.request(1);
                }
              }
            }
          },
          headers);
      out.request(1);
      in.request(1);
      return new ServerCall.Listener<>() {
        @Override
        public void onMessage(byte[] message) {
          synchronized (lock) {
            if (closed[0]) {
              return;
            }
            byte[] m;
            try {
              m = tap.onRequest(method, message);
            } catch (StatusRuntimeException e) {
              closed[0] = true;
              out.cancel("proxy ended the call", e);
              in.close(e.getStatus(), new Metadata());
              return;
            }
            out.sendMessage(m);
            if (out.isReady()) {
              in.request(1);
            }
          }
        }

        @Override
        public void onHalfClose() {
          synchronized (lock) {
            if (!closed[0]) {
              out.halfClose();
            }
          }
        }

        @Override
        public void onCancel() {
          synchronized (lock) {
            out.cancel("client cancelled", null);
          }
        }

        @Override
        public void onReady() {
          synchronized (lock) {
            if (in.isReady()) {
              out.request(1);
            }
          }
        }
      };
    }
  }
}
