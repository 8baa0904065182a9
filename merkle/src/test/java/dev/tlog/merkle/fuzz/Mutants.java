package dev.tlog.merkle.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile inputs for a parser: pure garbage, and valid inputs damaged by 1..4 edits — bit flips,
 * truncation, duplicated, removed or swapped lines, huge and negative numbers, bytes that are not
 * UTF-8, control characters, and inputs grown past any sane size limit.
 */
public final class Mutants {
  private static final List<byte[]> SPLICES =
      ascii(
          "18446744073709551616",
          "99999999999999999999999999",
          "-1",
          "-9223372036854775808",
          "9223372036854775807",
          "0x10",
          "+5",
          "00",
          "1e9",
          "NaN",
          " ",
          "\n",
          "\n\n",
          "\r\n",
          "\t",
          "\u0000",
          "— ",
          "/",
          "../",
          "%2F",
          "%00",
          "x",
          "\"",
          "{",
          "}",
          "[",
          "]",
          ":",
          ",",
          "\\u0000",
          "\\ud800",
          "null",
          "true",
          "{}",
          "[]",
          "=",
          "+",
          "AAAA",
          "====");

  private static final List<byte[]> NOT_UTF8 =
      List.of(
          new byte[] {(byte) 0xff},
          new byte[] {(byte) 0xc0, (byte) 0x80},
          new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
          new byte[] {(byte) 0xe2, (byte) 0x82},
          new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
          new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});

  private Mutants() {}

  /** Random bytes, random printable lines, and mutants of {@code valid}, in about equal parts. */
  public static Arbitrary<byte[]> of(Arbitrary<byte[]> valid) {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, garbage()),
        net.jqwik.api.Tuple.of(1, lines()),
        net.jqwik.api.Tuple.of(6, mutated(valid)),
        net.jqwik.api.Tuple.of(1, valid));
  }

  /** Uniform random bytes, up to 600 of them. */
  public static Arbitrary<byte[]> garbage() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
  }

  /** Printable ASCII lines that look like text formats but mean nothing. */
  public static Arbitrary<byte[]> lines() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('\n', '\n', '\n', '—')
        .ofMaxLength(300)
        .map(s -> s.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code valid} after 1..4 random edits. */
  public static Arbitrary<byte[]> mutated(Arbitrary<byte[]> valid) {
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 11),
                Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(0, 255))
            .as(Edit::new);
    return Combinators.combine(valid, edit.list().ofMinSize(1).ofMaxSize(4))
        .as(
            (bytes, edits) -> {
              byte[] out = bytes.clone();
              for (Edit e : edits) {
                out = e.apply(out);
              }
              return out;
            });
  }

  /** One edit: {@code kind} picks the edit, {@code a}/{@code b} positions, {@code v} a value. */
  record Edit(int kind, int a, int b, int v) {
    byte[] apply(byte[] in) {
      int n = in.length;
      int at = n == 0 ? 0 : a % (n + 1);
      switch (kind) {
        case 0: // flip bits of one byte
          if (n > 0) {
            byte[] out = in.clone();
            out[a % n] ^= (byte) (v == 0 ? 1 : v);
            return out;
          }
          return in;
        case 1: // truncate
          return Arrays.copyOf(in, at);
        case 2: // drop a byte range
          return cat(
              Arrays.copyOfRange(in, 0, at),
              Arrays.copyOfRange(in, Math.min(n, at + 1 + b % 40), n));
        case 3: // splice in a hostile token
          return insert(in, at, SPLICES.get(v % SPLICES.size()));
        case 4: // splice in bytes that are not UTF-8
          return insert(in, at, NOT_UTF8.get(v % NOT_UTF8.size()));
        case 5: // a control character
          return insert(in, at, new byte[] {(byte) (v % 0x20)});
        case 6: // duplicate a line
        case 7: // remove a line
        case 8: // swap two lines
          return editLines(in, kind, a, b);
        case 9: // repeat a slice many times: oversized input
          {
            int from = n == 0 ? 0 : a % n;
            byte[] slice = Arrays.copyOfRange(in, from, Math.min(n, from + 1 + b % 64));
            if (slice.length == 0) {
              slice = new byte[] {'9'};
            }
            int times = v < 250 ? 2 + v % 50 : (2 << 20) / slice.length + 1;
            ByteArrayOutputStream grown = new ByteArrayOutputStream();
            grown.write(in, 0, at);
            for (int i = 0; i < times; i++) {
              grown.write(slice, 0, slice.length);
            }
            grown.write(in, at, n - at);
            return grown.toByteArray();
          }
        case 10: // replace a digit run with a huge number
          return insert(in, at, SPLICES.get(v % 5));
        default: // overwrite a byte with any value
          if (n > 0) {
            byte[] out = in.clone();
            out[a % n] = (byte) v;
            return out;
          }
          return new byte[] {(byte) v};
      }
    }
  }

  private static byte[] editLines(byte[] in, int kind, int a, int b) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '\n') {
        lines.add(Arrays.copyOfRange(in, start, i + 1));
        start = i + 1;
      }
    }
    if (start < in.length) {
      lines.add(Arrays.copyOfRange(in, start, in.length));
    }
    if (lines.isEmpty()) {
      return in;
    }
    int i = a % lines.size();
    int j = b % lines.size();
    if (kind == 6) {
      lines.add(j, lines.get(i));
    } else if (kind == 7) {
      lines.remove(i);
    } else {
      byte[] t = lines.get(i);
      lines.set(i, lines.get(j));
      lines.set(j, t);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lines.forEach(l -> out.write(l, 0, l.length));
    return out.toByteArray();
  }

  private static byte[] insert(byte[] in, int at, byte[] what) {
    return cat(cat(Arrays.copyOfRange(in, 0, at), what), Arrays.copyOfRange(in, at, in.length));
  }

  private static byte[] cat(byte[] x, byte[] y) {
    byte[] out = Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, out, x.length, y.length);
    return out;
  }

  private static List<byte[]> ascii(String... tokens) {
    List<byte[]> out = new ArrayList<>();
    for (String t : tokens) {
      out.add(t.getBytes(StandardCharsets.UTF_8));
    }
    return List.copyOf(out);
  }
}
