package dev.tlog.server.api.explorer;

import dev.tlog.merkle.checkpoint.ChainHeadExtension;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.cosignature.CosignatureVerifier;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.EventTime;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteSignature;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.merkle.proof.InclusionProof;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.errors.NotFoundException;
import dev.tlog.server.errors.OutOfRangeException;
import dev.tlog.server.ledger.Ledger;
import dev.tlog.server.ledger.query.LedgerHit;
import dev.tlog.server.ledger.query.QueryPage;
import dev.tlog.server.read.LogReads;
import dev.tlog.server.read.StoredEntry;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import dev.tlog.server.witnessing.Witness;
import dev.tlog.server.witnessing.WitnessPolicy;
import dev.tlog.server.witnessing.Witnessing;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the explorer's JSON API answers (spec/api.md, "Explorer JSON API"), computed from the log's
 * existing read paths: {@link LogReads} for entries and proofs, the {@link Ledger}'s {@code
 * EventQueries} for events (the same code as {@code LedgerService.Query}). Every method runs
 * blocking LMDB reads and must be called on a worker thread; errors are the log's typed exceptions.
 */
final class ExplorerReads {
  /** Entries per page when the request does not say. */
  static final int DEFAULT_ENTRIES = 20;

  /** Most entries per page (also bounded by {@code --max-page-entries}). */
  static final int MAX_ENTRIES = 100;

  /** Entry data read per page at most (plus one entry). */
  static final long MAX_PAGE_BYTES = 1 << 20;

  private final LogReads reads;
  private final LogStorage storage;
  private final CheckpointFeed signed;
  private final CheckpointFeed published;
  private final String logKey;
  private final NoteVerifier logVerifier;
  private final WitnessPolicy witnesses;
  private final Optional<Witnessing> witnessing;
  // Null for an opaque log.
  private final Ledger ledger;

  ExplorerReads(
      LogReads reads,
      LogStorage storage,
      CheckpointFeed signed,
      CheckpointFeed published,
      String logKey,
      WitnessPolicy witnesses,
      Optional<Witnessing> witnessing,
      Optional<Ledger> ledger) {
    this.reads = reads;
    this.storage = storage;
    this.signed = signed;
    this.published = published;
    this.logKey = logKey;
    this.logVerifier = VerifierKeys.parse(logKey);
    this.witnesses = witnesses;
    this.witnessing = witnessing;
    this.ledger = ledger.orElse(null);
  }

  /** The published checkpoint, parsed, with each signature line named. */
  JsonObject checkpoint() {
    SignedCheckpoint cp = published.current();
    Checkpoint c = cp.checkpoint();
    JsonArray sigs = new JsonArray();
    for (NoteSignature s : Note.parse(cp.note()).signatures()) {
      JsonObject o =
          new JsonObject()
              .put("name", s.name())
              .put("key_hash", String.format("%08x", s.keyHash()))
              .put("kind", kind(s));
      witness(s)
          .ifPresent(
              w -> {
                OptionalLong t = CosignatureVerifier.timestampOf(s.signature());
                if (t.isPresent()) {
                  o.put("timestamp", t.getAsLong());
                }
              });
      sigs.add(o);
    }
    return new JsonObject()
        .put("checkpoint", cp.note())
        .put("origin", c.origin())
        .put("size", c.size())
        .put("root_hash", c.root().toHex())
        .put("chain_head", ChainHeadExtension.find(c).map(Hash::toHex).orElse(null))
        .put("signatures", sigs)
        .put("log_key", logKey)
        .put("closed_at", storage.closedAt().isPresent() ? storage.closedAt().getAsLong() : null)
        .put("signed_size", signed.current().size())
        .put("ledger", ledger != null);
  }

  private String kind(NoteSignature s) {
    if (s.name().equals(logVerifier.name()) && s.keyHash() == logVerifier.keyHash()) {
      return "log";
    }
    return witness(s).isPresent() ? "witness" : "unknown";
  }

  private Optional<Witness> witness(NoteSignature s) {
    return witnesses.witnesses().stream()
        .filter(w -> w.name().equals(s.name()) && w.key().keyHash() == s.keyHash())
        .findFirst();
  }

  /** Up to {@code count} entries from {@code start}, bounded by the latest signed checkpoint. */
  JsonObject entries(long start, int count) {
    long size = reads.signedSize();
    JsonArray out = new JsonArray();
    // The empty log has no page to ask for; anywhere else start must be an entry.
    long end =
        start == 0 && size == 0
            ? 0
            : reads.entriesEnd(start, start + Math.min(count, reads.maxEntriesPerPage()));
    for (StoredEntry e :
        start < end ? reads.entriesFrom(start, end, MAX_PAGE_BYTES) : List.<StoredEntry>of()) {
      out.add(
          new JsonObject()
              .put("index", e.index())
              .put("entry", b64(e.data()))
              .put("leaf_hash", e.leafHash().toHex())
              .put("chain_hash", e.chainHash().toHex()));
    }
    return new JsonObject().put("tree_size", size).put("start", start).put("entries", out);
  }

  /** One page of {@code LedgerService.Query} for {@code request}. */
  JsonObject events(EventsRequest request) {
    QueryPage page =
        ledger().queries().query(request.filter(), request.start(), request.limit(), false);
    JsonArray events = new JsonArray();
    for (LedgerHit h : page.events()) {
      JsonObject o =
          new JsonObject()
              .put("index", h.index())
              .put("entry", b64(h.entry()))
              .put("leaf_hash", TreeHasher.leafHash(h.entry()).toHex())
              .put("chain_hash", h.chainHash().toHex())
              .put("received", h.received() >= 0 ? EventTime.format(h.received()) : null);
      h.payloadRecord().ifPresent(r -> o.put("payload_record", b64(r)));
      events.add(o);
    }
    return new JsonObject()
        .put("checkpoint", page.checkpoint().note())
        .put("tree_size", page.checkpoint().size())
        .put("covered_size", page.covered())
        .put("more", page.more())
        .put("next_start", page.nextIndex())
        .put("events", events);
  }

  /**
   * Entry {@code index} with its payload record, its chain link {@code C[index-1]}, {@code
   * C[index]}, and its inclusion proof against the latest signed checkpoint, which is included.
   */
  JsonObject entry(long index) {
    SignedCheckpoint cp = signed.current();
    if (index >= cp.size()) {
      throw new OutOfRangeException(
          "index " + index + " is not below the latest checkpoint size " + cp.size());
    }
    InclusionProof proof = reads.inclusion(index, cp.size());
    byte[] data;
    Hash previous;
    Hash chain;
    Optional<byte[]> record;
    try (LogReader r = storage.reader()) {
      data = r.entry(index);
      List<Hash> link = r.chainHashes(Math.max(0, index - 1), index + 1);
      previous = index == 0 ? Hash.ZERO : link.get(0);
      chain = link.get(link.size() - 1);
      record = ledger != null ? r.payloadRecord(index) : Optional.empty();
    }
    JsonArray hashes = new JsonArray();
    proof.hashes().forEach(h -> hashes.add(h.toHex()));
    JsonObject o =
        new JsonObject()
            .put("index", index)
            .put("entry", b64(data))
            .put("leaf_hash", TreeHasher.leafHash(data).toHex())
            .put("previous_chain_hash", previous.toHex())
            .put("chain_hash", chain.toHex())
            .put("checkpoint", cp.note())
            .put("tree_size", cp.size())
            .put("inclusion_proof", hashes);
    record.ifPresent(b -> o.put("payload_record", b64(b)));
    return o;
  }

  /** The configured witnesses, their keys and what the log knows of each. */
  JsonObject witnesses() {
    JsonArray out = new JsonArray();
    List<Witnessing.WitnessStatus> status = witnessing.map(Witnessing::status).orElse(List.of());
    for (Witness w : witnesses.witnesses()) {
      JsonObject o = new JsonObject().put("name", w.name()).put("key", w.key().verifierKey());
      status.stream()
          .filter(s -> s.name().equals(w.name()))
          .findFirst()
          .ifPresent(
              s ->
                  o.put("cosigned_size", s.cosignedSize())
                      .put("healthy", s.lastError() == null || s.lastError().isEmpty()));
      out.add(o);
    }
    return new JsonObject()
        .put("quorum", witnesses.quorum())
        .put("published_size", published.current().size())
        .put("signed_size", signed.current().size())
        .put("witnesses", out);
  }

  private Ledger ledger() {
    if (ledger == null) {
      throw new NotFoundException(
          "this log is not a ledger: it was created with --mode opaque and has no events to query");
    }
    return ledger;
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
