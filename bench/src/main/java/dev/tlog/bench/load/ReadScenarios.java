package dev.tlog.bench.load;

import dev.tlog.bench.report.ResultsFile;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.tile.TilePaths;
import dev.tlog.proto.v1.GetConsistencyProofRequest;
import dev.tlog.proto.v1.GetConsistencyProofResponse;
import dev.tlog.proto.v1.GetInclusionProofRequest;
import dev.tlog.proto.v1.GetInclusionProofResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Read scenarios at one log size: {@code GetInclusionProof} and {@code GetConsistencyProof} against
 * that size, and full level-0 hash tiles over HTTP, each with {@code callers} closed-loop callers.
 * A proof of the wrong length or a tile of the wrong size is a failure.
 */
public final class ReadScenarios {
  private static final int TILE_BYTES = 256 * 32;

  private final LogClient client;
  private final HttpClient http;
  private final URI httpBase;
  private final ResultsFile results;
  private final int callers;

  public ReadScenarios(
      LogClient client, HttpClient http, URI httpBase, ResultsFile results, int callers) {
    this.client = client;
    this.http = http;
    this.httpBase = httpBase;
    this.results = results;
    this.callers = callers;
  }

  /** Runs every read scenario against a log of exactly {@code size} entries. */
  public void runAll(long size, Duration d) {
    String suffix = "." + label(size) + ".c" + callers;
    ClosedLoop loop = ClosedLoop.warmed(callers, d);
    results.append(
        loop.run(() -> inclusion(size), 1).toFigure("load.read.inclusion" + suffix, "proofs/s"));
    results.append(
        loop.run(() -> consistency(size), 1)
            .toFigure("load.read.consistency" + suffix, "proofs/s"));
    if (size >= 256) {
      // The first requests open connections and load the HTTP client's classes: keep them out.
      for (int i = 0; i < callers; i++) {
        tile(size);
      }
      results.append(loop.run(() -> tile(size), 1).toFigure("load.read.tile" + suffix, "tiles/s"));
    }
  }

  /** {@code 1000} as {@code 1k}, {@code 1000000} as {@code 1M}. */
  public static String label(long size) {
    if (size % 1_000_000 == 0) {
      return size / 1_000_000 + "M";
    }
    return size % 1000 == 0 ? size / 1000 + "k" : String.valueOf(size);
  }

  private int inclusion(long size) {
    long index = ThreadLocalRandom.current().nextLong(size);
    GetInclusionProofResponse r =
        client
            .blocking()
            .getInclusionProof(
                GetInclusionProofRequest.newBuilder().setIndex(index).setTreeSize(size).build());
    requireLength(r.getHashesCount(), Proofs.inclusionProofSize(index, size), "inclusion proof");
    return 1;
  }

  private int consistency(long size) {
    long first = 1 + ThreadLocalRandom.current().nextLong(size - 1);
    GetConsistencyProofResponse r =
        client
            .blocking()
            .getConsistencyProof(
                GetConsistencyProofRequest.newBuilder().setFirst(first).setSecond(size).build());
    requireLength(
        r.getHashesCount(), Proofs.consistencyProofSize(first, size), "consistency proof");
    return 1;
  }

  private int tile(long size) {
    long n = ThreadLocalRandom.current().nextLong(size / 256);
    URI uri = httpBase.resolve("tile/0/" + TilePaths.formatIndex(n));
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200 || r.body().length != TILE_BYTES) {
        throw new BadAnswerException(
            "GET "
                + uri
                + ": status "
                + r.statusCode()
                + ", "
                + r.body().length
                + " bytes, want 200 and "
                + TILE_BYTES);
      }
      return 1;
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void requireLength(int got, int want, String what) {
    if (got != want) {
      throw new BadAnswerException(what + " has " + got + " hashes, want " + want);
    }
  }
}
