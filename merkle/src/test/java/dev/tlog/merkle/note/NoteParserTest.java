package dev.tlog.merkle.note;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteParserTest {
  private static final Ed25519NoteSigner SIGNER = new Ed25519NoteSigner("a.example/log", seed(1));

  private static byte[] seed(int b) {
    byte[] s = new byte[32];
    s[0] = (byte) b;
    return s;
  }

  private static String line(String name, int hash, int sigLen) {
    return new NoteSignature(name, hash, new byte[sigLen]).toLine();
  }

  private static String message(String reason, String note) {
    return assertThrows(NoteFormatException.class, () -> Note.parse(note)).getMessage();
  }

  @Test
  void acceptsTextWithBlankLinesAndSplitsAtTheLastOne() {
    Note n = Note.parse("a\n\nb\n\n" + line("k", 7, 64));
    assertEquals("a\n\nb\n", n.text());
    Note trailing = Note.parse("Note\n\n\n" + line("k", 7, 64));
    assertEquals("Note\n\n", trailing.text());
  }

  @Test
  void rejectsOversizedNote() {
    String sig = line("k", 1, 64);
    int sigBytes = sig.getBytes(UTF_8).length;
    String text = "x".repeat(Note.MAX_NOTE_BYTES - sigBytes - 1) + "\n";
    byte[] bytes = (text + "\n" + sig).getBytes(UTF_8);
    assertEquals(Note.MAX_NOTE_BYTES + 1, bytes.length);
    String m = assertThrows(NoteFormatException.class, () -> Note.parse(bytes)).getMessage();
    assertTrue(m.contains("limit is 1048576"), m);
    // One byte less is fine.
    String ok = "x".repeat(Note.MAX_NOTE_BYTES - sigBytes - 2) + "\n";
    assertEquals(ok, Note.parse(ok + "\n" + sig).text());
  }

  @Test
  void rejectsTooManySignatures() {
    StringBuilder sb = new StringBuilder("t\n\n");
    for (int i = 0; i < Note.MAX_SIGNATURES; i++) {
      sb.append(line("k", i, 64));
    }
    assertEquals(100, Note.parse(sb.toString()).signatures().size());
    sb.append(line("k", 100, 64));
    assertTrue(message("101", sb.toString()).contains("more than 100 signatures"));
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] b = ("t\u00e9\n\n" + line("k", 1, 64)).getBytes(UTF_8);
    b[1] = (byte) 0xc3;
    b[2] = (byte) 0x28; // 0xc3 needs a continuation byte
    String m = assertThrows(NoteFormatException.class, () -> Note.parse(b)).getMessage();
    assertTrue(m.contains("UTF-8"), m);
    byte[] surrogate = {'t', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '\n', '\n'};
    assertThrows(NoteFormatException.class, () -> Note.parse(surrogate));
  }

  @Test
  void rejectsControlCharacters() {
    for (char c : new char[] {0, '\t', '\r', 0x1b, 0x1f}) {
      String m = message("control", "t" + c + "\n\n" + line("k", 1, 64));
      assertTrue(m.contains("control character"), m);
    }
    // DEL and C1 controls are not ASCII controls below U+0020; the spec allows them.
    assertEquals("t\u007f\u0085\n", Note.parse("t\u007f\u0085\n\n" + line("k", 1, 64)).text());
  }

  @Test
  void rejectsStructuralDefects() {
    String sig = line("k", 1, 64);
    assertTrue(message("", "").contains("newline"));
    assertTrue(message("final", "t\n\n" + sig.strip()).contains("does not end with a newline"));
    assertTrue(message("blank", "t\n" + sig).contains("no blank line"));
    assertTrue(message("none", "t\n\n").contains("no signature lines"));
    assertTrue(message("dash", "t\n\n- k AAAAAAA=\n").contains("em dash"));
    assertTrue(message("space", "t\n\n— kAAAAAAA=\n").contains("no space"));
    assertTrue(message("name", "t\n\n— a+b AAAAAAA=\n").contains("invalid key name"));
    assertTrue(message("empty name", "t\n\n—  AAAAAAA=\n").contains("invalid key name"));
    assertTrue(message("b64", "t\n\n— k AAAA AAA=\n").contains("base64"));
    assertTrue(message("unpadded", "t\n\n— k AAAAAAA\n").contains("base64"));
    assertTrue(message("noncanonical", "t\n\n— k AAAAAAB=\n").contains("base64"));
    assertTrue(message("short", "t\n\n— k AAAAAA==\n").contains("4 bytes"));
    // The last blank line separates: an earlier signature-like line is part of the text.
    assertEquals("t\n\n" + sig, Note.parse("t\n\n" + sig + "\n" + sig).text());
  }

  @Test
  void rejectsDuplicateKeyHashForAName() {
    String a = line("k", 5, 64);
    String b = new NoteSignature("k", 5, new byte[] {1, 2, 3}).toLine();
    assertTrue(message("dup", "t\n\n" + a + b).contains("duplicate signature for key k+00000005"));
    // Same name with another hash, or same hash with another name, is fine.
    assertEquals(
        3, Note.parse("t\n\n" + a + line("k", 6, 64) + line("j", 5, 64)).signatures().size());
  }

  @Test
  void noteValuesThatWouldNotParseCannotBeBuilt() {
    NoteSignature s = new NoteSignature("k", 1, new byte[64]);
    assertThrows(NoteFormatException.class, () -> new Note("no newline", List.of(s)));
    assertThrows(NoteFormatException.class, () -> new Note("tab\t\n", List.of(s)));
    assertThrows(NoteFormatException.class, () -> new Note("\ud800\n", List.of(s)));
    assertThrows(NoteFormatException.class, () -> new Note("t\n", List.of()));
    assertThrows(NoteFormatException.class, () -> new Note("t\n", List.of(s, s)));
    List<NoteSignature> many = new ArrayList<>();
    for (int i = 0; i <= Note.MAX_SIGNATURES; i++) {
      many.add(new NoteSignature("k", i, new byte[1]));
    }
    assertThrows(NoteFormatException.class, () -> new Note("t\n", many));
    assertThrows(
        NoteFormatException.class,
        () -> new Note("x".repeat(Note.MAX_NOTE_BYTES) + "\n", List.of(s)));
    assertThrows(NoteFormatException.class, () -> new NoteSignature("a b", 1, new byte[1]));
    assertThrows(NoteFormatException.class, () -> new NoteSignature("k", 1, new byte[0]));
  }

  @Test
  void signatureBytesAreCopied() {
    byte[] raw = {1, 2, 3};
    NoteSignature s = new NoteSignature("k", 1, raw);
    raw[0] = 9;
    assertEquals(1, s.signature()[0]);
    s.signature()[0] = 9;
    assertEquals(1, s.signature()[0]);
    assertEquals(Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 1, 1, 2, 3}), s.base64());
  }

  @Test
  void withSignatureReplacesTheSameKey() {
    Note n = Notes.sign("t\n", SIGNER);
    NoteSignature other = new NoteSignature("w", 3, new byte[72]);
    Note two = n.withSignature(other);
    assertEquals(2, two.signatures().size());
    NoteSignature replaced = new NoteSignature("w", 3, new byte[] {1});
    assertEquals(replaced, two.withSignature(replaced).signatures().get(1));
    assertEquals(2, two.withSignature(replaced).signatures().size());
  }

  @Test
  void parseOfStringAndBytesAgree() {
    Note n = Notes.sign("héllo 世界 \ud83d\ude00\n", SIGNER);
    assertEquals(n, Note.parse(n.serialize()));
    assertEquals(n, Note.parse(n.toBytes()));
    assertArrayEquals(n.toBytes(), n.serialize().getBytes(UTF_8));
  }
}
