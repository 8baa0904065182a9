package dev.tlog.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * HTTP/1.1 over plain sockets, for tests that must choose the client's source address (127.0.0.x
 * are all loopback on Linux), hold connections idle or send a request slowly.
 */
public final class RawHttp {
  private RawHttp() {}

  /** A socket from {@code localIp} to the server on 127.0.0.1:{@code port}. */
  public static Socket connect(String localIp, int port) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(localIp, 0));
    s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    return s;
  }

  /**
   * Whether the server has closed {@code s} (EOF or reset), without waiting for more than 20 ms.
   */
  public static boolean closedByServer(Socket s) {
    try {
      s.setSoTimeout(20);
      InputStream in = s.getInputStream();
      while (true) {
        int b = in.read();
        if (b < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * GETs {@code path} from {@code localIp} with {@code Connection: close}; returns the whole
   * response as text, or "" when the server closed the connection without answering.
   */
  public static String get(String localIp, int port, String path) throws IOException {
    try (Socket s = connect(localIp, port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      try {
        s.getInputStream().transferTo(got);
      } catch (IOException e) {
        // A reset after (or instead of) the response: keep what arrived.
      }
      return got.toString(StandardCharsets.UTF_8);
    }
  }

  /** Whether GET {@code path} answers 200 now; false on any I/O failure. */
  public static boolean answers200(String localIp, int port, String path) {
    try {
      return get(localIp, port, path).startsWith("HTTP/1.1 200");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Polls {@code condition} every 50 ms until it holds; fails with {@code what} after {@code max}.
   */
  public static void await(BooleanSupplier condition, Duration max, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + max + ": " + what);
      }
      Thread.sleep(50);
    }
  }
}
