package dev.tlog.server.evidence.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.tlog.compliance.evidence.CollectionRecord.Status;
import dev.tlog.compliance.schedule.Schedule;
import dev.tlog.server.evidence.config.CollectorSpec;
import dev.tlog.server.evidence.config.Source;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP collector's timeout covers the whole exchange, body included (loopback server). */
class HttpCollectorTest {
  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/silent",
        x -> {
          await();
          x.close();
        });
    server.createContext(
        "/stalled-body",
        x -> {
          x.sendResponseHeaders(200, 100);
          x.getResponseBody().write("partial".getBytes());
          x.getResponseBody().flush();
          await();
          x.close();
        });
    server.start();
  }

  private void await() {
    try {
      release.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private RunResult get(String path) {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return new HttpCollector()
        .run(
            new CollectorSpec(
                "web", Schedule.parse("hourly"), Duration.ofSeconds(1), new Source.Http(url)));
  }

  @Test
  void noResponseIsATimeout() {
    RunResult r = get("/silent");
    assertEquals(Status.TIMEOUT, r.status());
    assertEquals(Optional.of("no response within 1000 ms"), r.error());
  }

  @Test
  void aBodyThatStallsIsATimeout() {
    RunResult r = get("/stalled-body");
    assertEquals(Status.TIMEOUT, r.status());
    assertEquals(Optional.of(200L), r.httpStatus());
    assertEquals(Optional.of("body not read within timeout"), r.error());
  }
}
