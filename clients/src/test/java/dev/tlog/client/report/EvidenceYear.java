package dev.tlog.client.report;

import dev.tlog.compliance.evidence.CollectionRecord;
import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.compliance.evidence.MissedRecord;
import dev.tlog.compliance.evidence.ScheduleRecord;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * A generated year of evidence with planted gaps and incidents, and the counts a report must give
 * for any day-aligned period, computed here from the plan (slot by slot), never by the code under
 * test. Two collectors: {@value #FILES} (kind files, hourly) and {@value #DISK} (a command, hourly,
 * every 2h from day {@value #CHANGE_DAY}). Each day's events are one append batch, received at
 * 23:59 of that day, so a day-aligned receive-time window holds exactly its days' events.
 */
final class EvidenceYear {
  static final String FILES = "sshd-config";
  static final String DISK = "disk-usage";
  static final int DAYS = 365;
  static final int CHANGE_DAY = 200;
  static final String XSS = "<script>alert(1)</script>";

  enum Outcome {
    OK,
    FAILED,
    TIMEOUT,
    MISSED,
    NONE
  }

  /** One due slot as planned; {@code recordDay}: the day whose batch records it (-1: none). */
  record Slot(String collector, Instant due, Outcome outcome, int recordDay, String sha) {}

  /** One append: the server clock is set to {@code clock}, then {@code events} are recorded. */
  record Batch(Instant clock, List<Event> events) {}

  /** A missed gap: its slots and the day its evidence.missed event is recorded. */
  record Gap(String collector, int detectedDay, List<Instant> slots) {}

  /** What a report of days {@code [from, to)} must say. */
  record Expected(Map<String, long[]> counts, Map<String, Integer> exceptions) {}

  final Instant y0;
  private final Random random;
  final List<Batch> batches = new ArrayList<>();
  final Map<String, List<Slot>> slots = new LinkedHashMap<>();
  final List<Gap> gaps = new ArrayList<>();
  final Map<String, List<Integer>> incidents = new TreeMap<>();

  EvidenceYear(Instant y0, long seed) {
    this.y0 = y0;
    this.random = new Random(seed);
    slots.put(FILES, new ArrayList<>());
    slots.put(DISK, new ArrayList<>());
    plan();
    build();
  }

  Instant day(int d) {
    return y0.plus(Duration.ofDays(d));
  }

  Instant at(int d, int hour) {
    return day(d).plus(Duration.ofHours(hour));
  }

  private final Map<String, Map<Instant, Outcome>> planted = new LinkedHashMap<>();

  private void plant(String c, Instant t, Outcome o) {
    planted.computeIfAbsent(c, k -> new LinkedHashMap<>()).put(t, o);
  }

  private void gap(String c, Instant first, Instant last, int detectedDay, Outcome o) {
    List<Instant> in = new ArrayList<>();
    for (Instant t = first; !t.isAfter(last); t = t.plus(Duration.ofHours(1))) {
      if (due(c, t)) {
        plant(c, t, o);
        in.add(t);
      }
    }
    if (o == Outcome.MISSED) {
      gaps.add(new Gap(c, detectedDay, in));
    }
  }

  private void plan() {
    plant(FILES, at(10, 3), Outcome.FAILED);
    plant(DISK, at(111, 7), Outcome.FAILED);
    plant(FILES, at(115, 12), Outcome.TIMEOUT);
    plant(DISK, at(250, 14), Outcome.TIMEOUT);
    gap(FILES, at(50, 10), at(52, 14), 52, Outcome.MISSED);
    gap(DISK, at(120, 0), at(120, 5), 120, Outcome.MISSED);
    gap(FILES, at(129, 20), at(130, 3), 130, Outcome.MISSED); // detected after a sub-period ends
    gap(FILES, at(300, 5), at(300, 9), -1, Outcome.NONE);
    gap(DISK, at(5, 0), at(5, 23), -1, Outcome.NONE);
    gap(DISK, at(125, 10), at(125, 11), -1, Outcome.NONE);
    incidents.put("process.crash", List.of(42, 105));
    incidents.put("config.change", List.of(110));
    incidents.put("secret.access", List.of(112));
  }

  /** Whether {@code t} (a whole hour) is a slot of collector {@code c} under the plan. */
  boolean due(String c, Instant t) {
    if (c.equals(FILES) || t.isBefore(day(CHANGE_DAY))) {
      return true;
    }
    return (t.getEpochSecond() / 3600) % 2 == 0;
  }

  String schedule(String c, Instant t) {
    return c.equals(DISK) && !t.isBefore(day(CHANGE_DAY)) ? "every 2h" : "hourly";
  }

  private String filesSha(Instant t) {
    String v =
        t.isBefore(at(108, 10)) ? "manifest-1" : t.isBefore(day(260)) ? "manifest-2" : "manifest-3";
    return sha(v);
  }

  static String sha(String s) {
    try {
      return Hash.of(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .toHex();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Event event(
      Instant time, String actor, String action, Severity s, String payload, String collector) {
    byte[] salt = new byte[32];
    random.nextBytes(salt);
    Event.Builder b =
        Event.builder()
            .time(time)
            .actor(actor)
            .action(action)
            .severity(s)
            .payload(payload)
            .salt(Hash.of(salt));
    if (collector != null) {
      b.meta(Evidence.META_COLLECTOR, collector);
    }
    return b.build();
  }

  private Event schedule(Instant time, String disk) {
    ScheduleRecord r =
        new ScheduleRecord(
            List.of(
                new ScheduleRecord.Collector(FILES, "hourly", "files", 60_000, List.of()),
                new ScheduleRecord.Collector(DISK, disk, "command", 60_000, List.of())));
    return event(time, Evidence.ACTOR, Evidence.SCHEDULE, Severity.NOTICE, r.toPayload(), null);
  }

  private void build() {
    batches.add(
        new Batch(
            y0.minus(Duration.ofMinutes(30)),
            List.of(schedule(y0.minus(Duration.ofMinutes(30)), "hourly"))));
    for (int d = 0; d < DAYS; d++) {
      List<Event> events = new ArrayList<>();
      for (String c : List.of(FILES, DISK)) {
        for (int h = 0; h < 24; h++) {
          Instant t = at(d, h);
          if (!due(c, t)) {
            continue;
          }
          Outcome o = planted.getOrDefault(c, Map.of()).getOrDefault(t, Outcome.OK);
          String sha = c.equals(FILES) ? filesSha(t) : sha("df " + d + " " + h);
          int recordDay = o == Outcome.NONE ? -1 : d;
          if (o == Outcome.MISSED) {
            recordDay =
                gaps.stream()
                    .filter(g -> g.slots().contains(t) && g.collector().equals(c))
                    .findFirst()
                    .orElseThrow()
                    .detectedDay();
          }
          slots.get(c).add(new Slot(c, t, o, recordDay, sha));
          if (o == Outcome.OK || o == Outcome.FAILED || o == Outcome.TIMEOUT) {
            events.add(collection(c, t, o, sha));
          }
        }
      }
      for (Gap g : gaps) {
        if (g.detectedDay() == d) {
          MissedRecord m =
              new MissedRecord(
                  g.collector(),
                  g.slots().get(0),
                  g.slots().get(g.slots().size() - 1),
                  g.slots().size(),
                  schedule(g.collector(), g.slots().get(0)),
                  MissedRecord.Reason.NOT_RUNNING);
          events.add(
              event(
                  at(d, 23),
                  Evidence.ACTOR,
                  Evidence.MISSED,
                  Severity.WARNING,
                  m.toPayload(),
                  g.collector()));
        }
      }
      for (var inc : incidents.entrySet()) {
        if (inc.getValue().contains(d)) {
          events.add(incident(inc.getKey(), d));
        }
      }
      batches.add(new Batch(at(d, 23).plus(Duration.ofMinutes(59)), events));
      if (d == CHANGE_DAY - 1) {
        Instant t = at(d, 23).plus(Duration.ofSeconds(59 * 60 + 30));
        batches.add(new Batch(t, List.of(schedule(t, "every 2h"))));
      }
    }
  }

  private Event collection(String c, Instant due, Outcome o, String sha) {
    CollectionRecord.Status s =
        switch (o) {
          case FAILED -> CollectionRecord.Status.FAILED;
          case TIMEOUT -> CollectionRecord.Status.TIMEOUT;
          default -> CollectionRecord.Status.OK;
        };
    Instant started = due.plusMillis(random.nextInt(900));
    boolean files = c.equals(FILES);
    CollectionRecord r =
        new CollectionRecord(
            c,
            s,
            due,
            schedule(c, due),
            files ? "files" : "command",
            List.of(),
            started,
            random.nextInt(2000),
            sha,
            100 + random.nextInt(900),
            Optional.empty(),
            files || s == CollectionRecord.Status.TIMEOUT
                ? Optional.empty()
                : Optional.of(s == CollectionRecord.Status.OK ? 0L : 1L),
            Optional.empty(),
            new TreeMap<>(files ? Map.of("/etc/ssh/sshd_config", sha) : Map.of()),
            s == CollectionRecord.Status.OK
                ? Optional.empty()
                : Optional.of(
                    s == CollectionRecord.Status.TIMEOUT
                        ? "killed after 60s"
                        : "df: /data: I/O error"));
    return event(
        started,
        Evidence.ACTOR,
        Evidence.COLLECTION,
        s == CollectionRecord.Status.OK ? Severity.INFO : Severity.WARNING,
        r.toPayload(),
        c);
  }

  private Event incident(String action, int d) {
    Instant t = at(d, 12);
    return switch (action) {
      case "process.crash" ->
          event(t, "system:init", action, Severity.ERROR, "{\"process\":\"api-" + d + "\"}", null);
      case "config.change" ->
          event(
              t,
              "user:ops",
              action,
              Severity.NOTICE,
              "{\"path\":\"/etc/ssh/sshd_config\",\"old_hash\":\""
                  + sha("a")
                  + "\",\"new_hash\":\""
                  + sha("b")
                  + "\"}",
              null);
      default ->
          event(t, "user:mallory", action, Severity.WARNING, "{\"secret\":\"" + XSS + "\"}", null);
    };
  }

  /** The counts and exceptions a report of days {@code [from, to)} must give. */
  Expected expected(int from, int to) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, Integer> ex = new LinkedHashMap<>();
    for (String k :
        List.of(
            "process.crash",
            "collection.failed",
            "collection.timeout",
            "missed",
            "unaccounted",
            "config.change",
            "drift",
            "secret.access",
            "unreadable")) {
      ex.put(k, 0);
    }
    for (var e : slots.entrySet()) {
      long[] n = new long[5]; // due, done, failed, missed, unaccounted
      boolean inGap = false;
      String previousSha = null;
      for (Slot s : e.getValue()) {
        if (s.due().isBefore(day(from)) || !s.due().isBefore(day(to))) {
          continue;
        }
        n[0]++;
        boolean unaccounted = false;
        switch (s.outcome()) {
          case OK -> {
            n[1]++;
            if (e.getKey().equals(FILES)) {
              if (previousSha != null && !previousSha.equals(s.sha())) {
                ex.merge("drift", 1, Integer::sum);
              }
              previousSha = s.sha();
            }
          }
          case FAILED -> {
            n[2]++;
            ex.merge("collection.failed", 1, Integer::sum);
          }
          case TIMEOUT -> {
            n[2]++;
            ex.merge("collection.timeout", 1, Integer::sum);
          }
          case MISSED -> {
            if (s.recordDay() >= from && s.recordDay() < to) {
              n[3]++;
            } else {
              n[4]++;
              unaccounted = true;
            }
          }
          default -> {
            n[4]++;
            unaccounted = true;
          }
        }
        if (unaccounted && !inGap) {
          ex.merge("unaccounted", 1, Integer::sum);
        }
        inGap = unaccounted;
      }
      counts.put(e.getKey(), n);
    }
    for (Gap g : gaps) {
      boolean overlaps =
          g.slots().stream().anyMatch(t -> !t.isBefore(day(from)) && t.isBefore(day(to)));
      if (g.detectedDay() >= from && g.detectedDay() < to && overlaps) {
        ex.merge("missed", 1, Integer::sum);
      }
    }
    for (var inc : incidents.entrySet()) {
      ex.merge(
          inc.getKey(),
          (int) inc.getValue().stream().filter(d -> d >= from && d < to).count(),
          Integer::sum);
    }
    return new Expected(counts, ex);
  }

  /** How many events the plan records. */
  int events() {
    return batches.stream().mapToInt(b -> b.events().size()).sum();
  }

  static Map<Outcome, Integer> tally(List<Slot> s) {
    Map<Outcome, Integer> m = new EnumMap<>(Outcome.class);
    s.forEach(x -> m.merge(x.outcome(), 1, Integer::sum));
    return m;
  }
}
