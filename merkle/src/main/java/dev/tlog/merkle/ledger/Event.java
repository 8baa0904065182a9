package dev.tlog.merkle.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlog.merkle.hash.Hash;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One audit event as its appender states it (spec/ledger.md, "Events"). Every instance is valid:
 * the constructor checks every field and limit and throws {@link EventFormatException} naming the
 * field.
 *
 * @param timeNanos when it happened, nanoseconds since the epoch (UTC), as the appender says
 * @param actor who did it, {@code kind:name} with kind one of agent, user, service, system
 * @param action what kind of event ({@link ActionTypes})
 * @param severity how severe
 * @param payload the event's details: a JSON object in RFC 8785 canonical form
 * @param meta string labels for filtering (at most {@value EventRules#MAX_META} entries)
 * @param links references to related things: {@code cause} (leaf hash of the event that caused this
 *     one, hex), {@code session}, {@code incident}
 * @param salt 32 random bytes that hide the payload behind its commitment once the payload is
 *     erased; never reuse one
 */
public record Event(
    long timeNanos,
    String actor,
    String action,
    Severity severity,
    String payload,
    SortedMap<String, String> meta,
    SortedMap<String, String> links,
    Hash salt) {
  /** The payload sits one level inside its submission and its payload record. */
  private static final int PAYLOAD_DEPTH = 1;

  public Event {
    EventRules.checkTime("time", timeNanos);
    EventRules.checkActor("actor", actor);
    if (severity == null) {
      throw new EventFormatException("severity", "missing");
    }
    meta = Collections.unmodifiableSortedMap(new TreeMap<>(EventRules.checkMeta("meta", meta)));
    links = Collections.unmodifiableSortedMap(new TreeMap<>(EventRules.checkLinks("links", links)));
    if (salt == null) {
      throw new EventFormatException("salt", "missing");
    }
    if (action == null) {
      throw new EventFormatException("action", "missing");
    }
    if (payload == null) {
      throw new EventFormatException("payload", "missing");
    }
    CanonicalJson.checkUnicode("payload", payload);
    JsonNode node =
        CanonicalJson.parse(
            "payload", payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), PAYLOAD_DEPTH);
    payload = EventRules.checkPayload("payload", ActionTypes.check("action", action), node);
  }

  /** The instant of {@link #timeNanos}. */
  public Instant time() {
    return Instant.ofEpochSecond(timeNanos / 1_000_000_000L, timeNanos % 1_000_000_000L);
  }

  /** The commitment the log stores in place of the payload. */
  public Hash payloadHash() {
    return EventCodec.payloadCommitment(salt, payload);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds events; the salt is drawn from a {@link SecureRandom} unless given. */
  public static final class Builder {
    private static final SecureRandom RANDOM = new SecureRandom();
    private long timeNanos = -1;
    private String actor;
    private String action;
    private Severity severity = Severity.INFO;
    private String payload = "{}";
    private final SortedMap<String, String> meta = new TreeMap<>();
    private final SortedMap<String, String> links = new TreeMap<>();
    private Hash salt;

    public Builder time(Instant t) {
      this.timeNanos =
          Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
      return this;
    }

    public Builder timeNanos(long nanos) {
      this.timeNanos = nanos;
      return this;
    }

    public Builder actor(String actor) {
      this.actor = actor;
      return this;
    }

    public Builder action(String action) {
      this.action = action;
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    /** The payload as JSON object text (any formatting; it is canonicalized). */
    public Builder payload(String json) {
      this.payload = json;
      return this;
    }

    public Builder meta(String key, String value) {
      meta.put(key, value);
      return this;
    }

    public Builder meta(Map<String, String> entries) {
      meta.putAll(entries);
      return this;
    }

    public Builder link(String key, String value) {
      links.put(key, value);
      return this;
    }

    public Builder salt(Hash salt) {
      this.salt = salt;
      return this;
    }

    public Event build() {
      if (actor == null) {
        throw new EventFormatException("actor", "missing");
      }
      if (action == null) {
        throw new EventFormatException("action", "missing");
      }
      Hash s = salt;
      if (s == null) {
        byte[] b = new byte[Hash.SIZE];
        RANDOM.nextBytes(b);
        s = Hash.of(b);
      }
      long t = timeNanos >= 0 ? timeNanos : EventRules.nanos(Instant.now());
      return new Event(t, actor, action, severity, payload, meta, links, s);
    }
  }
}
