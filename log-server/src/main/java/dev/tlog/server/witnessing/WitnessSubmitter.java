package dev.tlog.server.witnessing;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteSignature;
import dev.tlog.merkle.note.Notes;
import dev.tlog.merkle.note.VerifiedNote;
import dev.tlog.merkle.witness.AddCheckpointRequest;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.read.LogReads;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Submits checkpoints to one witness per C2SP tlog-witness and returns its verified cosignature.
 * Remembers the size the witness last cosigned; a 409 answer teaches it the witness's size and the
 * request is retried once with a proof from there. Not thread-safe: one round at a time.
 */
final class WitnessSubmitter {
  private static final System.Logger LOG = System.getLogger(WitnessSubmitter.class.getName());
  private static final int MAX_ATTEMPTS = 3;

  private final Witness witness;
  private final HttpClient http;
  private final LogReads reads;
  private final Duration timeout;
  private long witnessSize;
  private volatile String lastError = "";

  WitnessSubmitter(Witness witness, HttpClient http, LogReads reads, Duration timeout) {
    this.witness = witness;
    this.http = http;
    this.reads = reads;
    this.timeout = timeout;
  }

  Witness witness() {
    return witness;
  }

  /** The size this witness last cosigned for our origin, as far as we know. */
  long witnessSize() {
    return witnessSize;
  }

  String lastError() {
    return lastError;
  }

  /** Asks the witness to cosign {@code cp}; empty on any failure (logged, never thrown). */
  CompletableFuture<Optional<NoteSignature>> submit(SignedCheckpoint cp) {
    return attempt(cp, 1);
  }

  private CompletableFuture<Optional<NoteSignature>> attempt(SignedCheckpoint cp, int n) {
    long old = witnessSize;
    if (old > cp.size()) {
      return fail(
          "witness " + witness.name() + " has cosigned size " + old + ", beyond our " + cp.size());
    }
    List<Hash> proof =
        old == 0 || old == cp.size() ? List.of() : reads.consistency(old, cp.size()).hashes();
    HttpRequest req =
        HttpRequest.newBuilder(witness.addCheckpointUri())
            .timeout(timeout)
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    new AddCheckpointRequest(old, proof, Note.parse(cp.note())).toBytes()))
            .build();
    return http.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .thenCompose(resp -> handle(cp, n, resp))
        .exceptionally(
            e -> failNow("witness " + witness.name() + " unreachable: " + e.getMessage()));
  }

  private CompletableFuture<Optional<NoteSignature>> handle(
      SignedCheckpoint cp, int n, HttpResponse<String> resp) {
    if (resp.statusCode() == 200) {
      return CompletableFuture.completedFuture(accept(cp, resp.body()));
    }
    boolean sizeBody =
        resp.headers().firstValue("Content-Type").orElse("").startsWith("text/x.tlog.size");
    if (resp.statusCode() == 409 && sizeBody && n < MAX_ATTEMPTS) {
      try {
        long theirs = Long.parseLong(resp.body().strip());
        if (theirs != witnessSize) {
          witnessSize = theirs;
          return attempt(cp, n + 1);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    return fail(
        "witness "
            + witness.name()
            + " answered "
            + resp.statusCode()
            + ": "
            + resp.body().strip());
  }

  private Optional<NoteSignature> accept(SignedCheckpoint cp, String body) {
    try {
      Note withCosig = Note.parse(cp.note() + body);
      VerifiedNote v = Notes.open(withCosig.toBytes(), List.of(witness.key()));
      Optional<NoteSignature> sig =
          v.verified().stream().filter(s -> s.keyHash() == witness.key().keyHash()).findFirst();
      if (sig.isEmpty()) {
        return failNow("witness " + witness.name() + " returned no cosignature from its key");
      }
      witnessSize = cp.size();
      lastError = "";
      return sig;
    } catch (MerkleException e) {
      return failNow(
          "witness " + witness.name() + " returned a bad cosignature: " + e.getMessage());
    }
  }

  private CompletableFuture<Optional<NoteSignature>> fail(String message) {
    return CompletableFuture.completedFuture(failNow(message));
  }

  private Optional<NoteSignature> failNow(String message) {
    lastError = message;
    LOG.log(System.Logger.Level.WARNING, message);
    return Optional.empty();
  }
}
