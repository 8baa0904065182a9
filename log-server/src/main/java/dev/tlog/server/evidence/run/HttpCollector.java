package dev.tlog.server.evidence.run;

import dev.tlog.compliance.evidence.CollectionRecord.Status;
import dev.tlog.server.evidence.config.CollectorSpec;
import dev.tlog.server.evidence.config.Source;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP(S) GET: the body streamed through SHA-256 up to 16 MiB, the whole exchange bounded by the
 * collector's timeout (the body stream is closed at the deadline); status 400 or above fails the
 * run. Redirects are not followed.
 */
public final class HttpCollector implements Collector {
  private final HttpClient client;

  public HttpCollector() {
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(java.time.Duration.ofSeconds(30))
            .build();
  }

  @Override
  public RunResult run(CollectorSpec spec) {
    Source.Http h = (Source.Http) spec.source();
    CapturedOutput out = new CapturedOutput();
    HttpRequest req = HttpRequest.newBuilder(h.url()).timeout(spec.timeout()).GET().build();
    long timeoutMs = spec.timeout().toMillis();
    HttpResponse<InputStream> resp;
    try {
      resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      return result(Status.TIMEOUT, out, null, "no response within " + timeoutMs + " ms");
    } catch (IOException e) {
      return result(Status.FAILED, out, null, "GET " + h.url() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return result(Status.TIMEOUT, out, null, "stopped");
    }
    boolean[] timedOut = {false};
    InputStream body = resp.body();
    CompletableFuture.delayedExecutor(timeoutMs, TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              synchronized (timedOut) {
                timedOut[0] = true;
              }
              try {
                body.close();
              } catch (IOException e) {
                // Closing only stops the read.
              }
            });
    try (body) {
      if (!out.readFrom(body)) {
        return result(Status.FAILED, out, (long) resp.statusCode(), "output over 16 MiB");
      }
    } catch (IOException e) {
      synchronized (timedOut) {
        if (timedOut[0]) {
          return result(
              Status.TIMEOUT, out, (long) resp.statusCode(), "body not read within timeout");
        }
      }
      return result(Status.FAILED, out, (long) resp.statusCode(), "reading the body: " + e);
    }
    if (resp.statusCode() >= 400) {
      return result(Status.FAILED, out, (long) resp.statusCode(), "HTTP " + resp.statusCode());
    }
    return result(Status.OK, out, (long) resp.statusCode(), null);
  }

  private static RunResult result(Status s, CapturedOutput out, Long status, String error) {
    return new RunResult(
        s, out, Optional.empty(), Optional.ofNullable(status), null, Optional.ofNullable(error));
  }
}
