package dev.tlog.runtime.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a request the HTTP codec could not decode, for Vert.x's {@code
 * invalidRequestHandler}: 414 for a request line over the limit, 431 for headers over it, 400 for
 * anything else malformed (a bad method or version, a broken header). Like Vert.x's default, but
 * with a one-line plain-text body like every other error of the log server and the witness; the
 * connection is closed once the answer is written, since the stream can no longer be framed.
 */
public final class UndecodableRequests {
  private UndecodableRequests() {}

  public static void answer(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int code;
    String message;
    if (cause instanceof TooLongHttpLineException) {
      code = 414;
      message = "request line too long";
    } else if (cause instanceof TooLongHttpHeaderException) {
      code = 431;
      message = "request headers too large";
    } else {
      code = 400;
      message = "malformed request";
    }
    request
        .response()
        .setStatusCode(code)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Connection", "close")
        .end(Buffer.buffer((message + "\n").getBytes(StandardCharsets.UTF_8)))
        .onComplete(done -> request.connection().close());
  }
}
