package dev.tlog.mirror.testing;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.server.testing.TestLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Growing real test logs. */
public final class Logs {
  private Logs() {}

  /** Starts a log in {@code dir} signing with the key file of the log in {@code keyFrom}. */
  public static TestLog startWithKeyOf(Path keyFrom, Path dir) throws Exception {
    Files.createDirectories(dir);
    Files.copy(keyFrom.resolve("log.key"), dir.resolve("log.key"));
    return TestLog.start(dir);
  }

  /** Appends {@code count} entries named {@code <tag> <i>} and waits until they are published. */
  public static void append(TestLog log, String tag, int count) throws Exception {
    long want = size(log) + count;
    for (int done = 0; done < count; ) {
      AppendBatchRequest.Builder req = AppendBatchRequest.newBuilder();
      for (int i = 0; i < 60 && done < count; i++, done++) {
        req.addEntries(ByteString.copyFrom(tag + " " + done, StandardCharsets.UTF_8));
      }
      log.blocking.appendBatch(req.build());
    }
    Instant deadline = Instant.now().plusSeconds(60);
    while (size(log) < want) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("log did not reach size " + want + ", at " + size(log));
      }
      Thread.sleep(20);
    }
  }

  public static long size(TestLog log) {
    return log.server.publishedCheckpoints().current().size();
  }

  public static String url(TestLog log) {
    return "http://127.0.0.1:" + log.server.httpPort() + "/";
  }
}
