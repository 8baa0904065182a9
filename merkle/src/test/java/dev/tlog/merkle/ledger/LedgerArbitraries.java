package dev.tlog.merkle.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.hash.Hash;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of valid ledger events (spec/ledger.md) and of the JSON inside them. */
final class LedgerArbitraries {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final long MAX_SAFE = 1L << 53;

  private LedgerArbitraries() {}

  /** Unicode scalar values, biased to ASCII and to what JSON must escape or JCS sorts oddly. */
  static Arbitrary<Integer> codePoints() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(' ', '~')),
        Tuple.of(
            2,
            Arbitraries.of(
                (int) '"',
                (int) '\\',
                (int) '/',
                0,
                0x1f,
                0x7f,
                0x85,
                0xe9,
                0x2028,
                0x20ac,
                0xfb33,
                0xfeff,
                0xffff,
                0x1f600,
                0x10ffff)),
        Tuple.of(2, Arbitraries.integers().between(0, 0x10ffff).filter(cp -> !isSurrogate(cp))));
  }

  /** Any valid Unicode text of {@code min..max} code points, control characters included. */
  static Arbitrary<String> text(int min, int max) {
    return codePoints().list().ofMinSize(min).ofMaxSize(max).map(LedgerArbitraries::string);
  }

  /** Valid Unicode text without control characters. */
  static Arbitrary<String> printable(int min, int max) {
    return codePoints()
        .filter(cp -> Character.getType(cp) != Character.CONTROL)
        .list()
        .ofMinSize(min)
        .ofMaxSize(max)
        .map(LedgerArbitraries::string);
  }

  /** Every time a ledger can hold, edges (0, Long.MAX_VALUE) included. */
  static Arbitrary<Long> times() {
    return Arbitraries.longs().between(0, Long.MAX_VALUE);
  }

  static Arbitrary<String> actors() {
    Arbitrary<String> kind = Arbitraries.of("agent", "user", "service", "system");
    Arbitrary<String> name =
        Arbitraries.oneOf(
            printable(1, 30), printable(EventRules.MAX_ACTOR - 10, EventRules.MAX_ACTOR - 10));
    return Combinators.combine(kind, name).as((k, n) -> fit(k + ":" + n, EventRules.MAX_ACTOR));
  }

  /** {@code s} cut to at most {@code max} chars without splitting a surrogate pair. */
  private static String fit(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end);
  }

  /** Built-in action types and custom ones of 2 to 4 segments outside the reserved namespaces. */
  static Arbitrary<String> actions() {
    Arbitrary<String> segment =
        Combinators.combine(
                Arbitraries.chars().range('a', 'z'),
                Arbitraries.strings()
                    .withCharRange('a', 'z')
                    .withCharRange('0', '9')
                    .withChars("_-")
                    .ofMaxLength(12))
            .as((c, rest) -> c + rest);
    Arbitrary<String> custom =
        Combinators.combine(
                segment.filter(s -> !ActionTypes.RESERVED.contains(s)),
                segment.list().ofMinSize(1).ofMaxSize(3))
            .as((ns, rest) -> ns + "." + String.join(".", rest));
    return Arbitraries.oneOf(Arbitraries.of(new TreeSet<>(ActionTypes.BUILT_IN.keySet())), custom);
  }

  static Arbitrary<Hash> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(Hash.SIZE).map(Hash::of);
  }

  /** Numbers whose canonical form JCS keeps exact: integers within 2^53, any other double. */
  static Arbitrary<JsonNode> numbers() {
    Arbitrary<JsonNode> ints =
        Arbitraries.longs().between(-MAX_SAFE, MAX_SAFE).map(v -> (JsonNode) JSON.numberNode(v));
    Arbitrary<JsonNode> doubles =
        Arbitraries.longs()
            .map(Double::longBitsToDouble)
            .filter(d -> Double.isFinite(d) && (Math.abs(d) <= MAX_SAFE || Math.abs(d) >= 1e21))
            .map(JSON::numberNode);
    Arbitrary<JsonNode> decimals =
        Arbitraries.doubles().between(-1e6, 1e6).ofScale(3).map(JSON::numberNode);
    return Arbitraries.oneOf(ints, doubles, decimals);
  }

  static Arbitrary<JsonNode> scalars() {
    return Arbitraries.oneOf(
        text(0, 12).map(JSON::textNode),
        numbers(),
        Arbitraries.of(JSON.booleanNode(true), JSON.booleanNode(false), JSON.nullNode()));
  }

  /** JSON values nested at most {@code depth} containers deep. */
  static Arbitrary<JsonNode> values(int depth) {
    if (depth == 0) {
      return scalars();
    }
    Arbitrary<JsonNode> inner = Arbitraries.lazy(() -> values(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(4, scalars()),
        Tuple.of(1, inner.list().ofMaxSize(4).map(LedgerArbitraries::array)),
        Tuple.of(1, objects(inner).map(o -> (JsonNode) o)));
  }

  static Arbitrary<ObjectNode> objects(Arbitrary<JsonNode> values) {
    return Arbitraries.maps(text(0, 6), values).ofMaxSize(4).map(LedgerArbitraries::object);
  }

  /** An action type and a payload object for it, its required fields present. */
  static Arbitrary<Tuple.Tuple2<String, ObjectNode>> actionsAndPayloads() {
    // No flatMap: jqwik replays and shrinks a combination far faster than a flat-mapped value.
    return Combinators.combine(actions(), objects(values(3)), scalars().filter(v -> !v.isNull()))
        .as(
            (action, generated, filler) -> {
              ObjectNode payload = generated.deepCopy();
              for (String r : ActionTypes.check("action", action)) {
                if (!payload.hasNonNull(r)) {
                  payload.set(r, filler);
                }
              }
              return Tuple.of(action, payload);
            });
  }

  static Arbitrary<SortedMap<String, String>> metas() {
    Arbitrary<String> key =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .withCharRange('0', '9')
            .withChars("_.-")
            .ofMinLength(1)
            .ofMaxLength(EventRules.MAX_KEY);
    Arbitrary<String> value =
        Arbitraries.oneOf(text(0, 20), text(EventRules.MAX_VALUE / 2, EventRules.MAX_VALUE / 2));
    return Arbitraries.maps(key, value).ofMaxSize(5).map(TreeMap::new);
  }

  static Arbitrary<SortedMap<String, String>> links() {
    Arbitrary<String> name = text(1, 40);
    return Combinators.combine(
            hashes().map(Hash::toHex).injectNull(0.5), name.injectNull(0.5), name.injectNull(0.5))
        .as(
            (cause, session, incident) -> {
              SortedMap<String, String> out = new TreeMap<>();
              putIfPresent(out, "cause", cause);
              putIfPresent(out, "session", session);
              putIfPresent(out, "incident", incident);
              return out;
            });
  }

  /** Valid events: every field varied, salts random. */
  static Arbitrary<Event> events() {
    return Combinators.combine(
            times(),
            actors(),
            actionsAndPayloads(),
            Arbitraries.of(Severity.class),
            metas(),
            links(),
            hashes())
        .as(
            (t, actor, ap, severity, meta, links, salt) ->
                new Event(t, actor, ap.get1(), severity, json(ap.get2()), meta, links, salt));
  }

  /** {@code node} as (Jackson's, not canonical) JSON text. */
  static String json(JsonNode node) {
    try {
      return CanonicalJson.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode array(List<JsonNode> items) {
    ArrayNode a = JSON.arrayNode();
    items.forEach(a::add);
    return a;
  }

  private static ObjectNode object(Map<String, JsonNode> members) {
    ObjectNode o = JSON.objectNode();
    members.forEach(o::set);
    return o;
  }

  private static void putIfPresent(Map<String, String> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private static boolean isSurrogate(int cp) {
    return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
  }

  private static String string(List<Integer> codePoints) {
    StringBuilder sb = new StringBuilder();
    codePoints.forEach(sb::appendCodePoint);
    return sb.toString();
  }
}
