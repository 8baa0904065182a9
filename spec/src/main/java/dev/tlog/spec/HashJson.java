package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Shared conventions of the hashing, proof and chain vectors. */
final class HashJson {
  private static final HexFormat HEX = HexFormat.of();

  private HashJson() {}

  /** The sentence every vector file uses to describe its generated entries. */
  static final String ENTRIES = "entry i is the UTF-8 string \"tlog entry <i>\" (decimal i)";

  static byte[] entry(int i) {
    return ("tlog entry " + i).getBytes(StandardCharsets.UTF_8);
  }

  static List<Hash> leafHashes(int n) {
    List<Hash> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(TreeHasher.leafHash(entry(i)));
    }
    return out;
  }

  static String hex(byte[] b) {
    return HEX.formatHex(b);
  }

  static byte[] unhex(String s) {
    return HEX.parseHex(s);
  }

  static ArrayNode hashes(VectorWriter w, List<Hash> hs) {
    ArrayNode a = w.array();
    hs.forEach(h -> a.add(h.toHex()));
    return a;
  }

  /** {@code h} with bit {@code bit} of byte {@code at} flipped. */
  static Hash flip(Hash h, int at, int bit) {
    byte[] b = h.bytes();
    b[at] ^= (byte) (1 << bit);
    return Hash.of(b);
  }

  /** {@code hs} with one bit of hash {@code i} flipped. */
  static List<Hash> flip(List<Hash> hs, int i) {
    List<Hash> out = new java.util.ArrayList<>(hs);
    out.set(i, flip(hs.get(i), 0, 0));
    return out;
  }

  /** The vector error label of an exception: its simple name without "Exception". */
  /**
   * Runs {@code check}: false if it passes, true if it fails with the error labelled {@code want};
   * any other failure stops the generator, so every negative label is confirmed by the library.
   */
  static boolean failsWith(String name, String want, Runnable check) {
    try {
      check.run();
      return false;
    } catch (MerkleException e) {
      if (!label(e).equals(want)) {
        throw new IllegalStateException(name + ": got " + label(e) + ", want " + want, e);
      }
      return true;
    }
  }

  /**
   * Runs {@code check}, which must fail with an exception whose simple name is {@code error};
   * anything else stops the generator. Returns {@code error}, the case's label.
   */
  static String confirm(String name, String error, Runnable check) {
    failure(name, error, check);
    return error;
  }

  /**
   * Like {@link #confirm}, but returns the exception, for a label finer than its type (such as the
   * field a ledger rejection names).
   */
  static RuntimeException failure(String name, String error, Runnable check) {
    try {
      check.run();
    } catch (RuntimeException e) {
      if (e.getClass().getSimpleName().equals(error)) {
        return e;
      }
      throw new IllegalStateException(name + ": got " + e + ", want " + error, e);
    }
    throw new IllegalStateException(name + ": passed, want " + error);
  }

  static String label(RuntimeException e) {
    String n = e.getClass().getSimpleName();
    return n.endsWith("Exception") ? n.substring(0, n.length() - "Exception".length()) : n;
  }
}
