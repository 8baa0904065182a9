package dev.tlog.merkle.checkpoint;

import static org.junit.jupiter.api.Assertions.*;

import dev.tlog.merkle.hash.Hash;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {
  private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

  private static String error(String body) {
    return assertThrows(CheckpointFormatException.class, () -> Checkpoint.parse(body)).getMessage();
  }

  @Test
  void parsesTheC2spExample() {
    Checkpoint c = Checkpoint.parse("example.com/behind-the-sofa\n20852163\n" + ROOT + "\n");
    assertEquals("example.com/behind-the-sofa", c.origin());
    assertEquals(20852163, c.size());
    assertEquals(Hash.fromBase64(ROOT), c.root());
    assertEquals(List.of(), c.extensions());
  }

  @Test
  void extensionsAndBoundarySizes() {
    String body = "o\n0\n" + ROOT + "\nfoo\ntlog-chain " + Hash.ZERO.toBase64() + "\n";
    Checkpoint c = Checkpoint.parse(body);
    assertEquals(List.of("foo", "tlog-chain " + Hash.ZERO.toBase64()), c.extensions());
    assertEquals(body, c.toBody());
    assertEquals(Long.MAX_VALUE, Checkpoint.parse("o\n9223372036854775807\n" + ROOT + "\n").size());
  }

  @Test
  void rejectsNonCanonicalSizes() {
    assertTrue(error("o\n007\n" + ROOT + "\n").contains("leading zero"));
    assertTrue(error("o\n00\n" + ROOT + "\n").contains("leading zero"));
    assertTrue(error("o\n-1\n" + ROOT + "\n").contains("decimal digits"));
    assertTrue(error("o\n+1\n" + ROOT + "\n").contains("decimal digits"));
    assertTrue(error("o\n 1\n" + ROOT + "\n").contains("decimal digits"));
    assertTrue(error("o\n1.0\n" + ROOT + "\n").contains("decimal digits"));
    assertTrue(error("o\n\n" + ROOT + "\n").contains("decimal digits"));
    assertTrue(error("o\n١\n" + ROOT + "\n").contains("decimal digits"), "Arabic-Indic digit");
    assertTrue(error("o\n9223372036854775808\n" + ROOT + "\n").contains("exceeds 2^63-1"));
    assertTrue(error("o\n18446744073709551616\n" + ROOT + "\n").contains("exceeds 2^63-1"));
  }

  @Test
  void rejectsBadRoots() {
    assertTrue(error("o\n1\nAAAA\n").contains("root hash"));
    assertTrue(error("o\n1\n" + ROOT.replace("=", "") + "\n").contains("root hash"));
    assertTrue(error("o\n1\n" + ROOT.replace("2I=", "2J=") + "\n").contains("root hash"));
    assertTrue(error("o\n1\n" + ROOT.replace('/', '_') + "\n").contains("root hash"));
    assertTrue(error("o\n1\n" + ROOT + "AAAA\n").contains("root hash"));
  }

  @Test
  void rejectsStructuralDefects() {
    assertTrue(error("o\n1\n" + ROOT).contains("end with a newline"));
    assertTrue(error("o\n1\n").contains("got 2 lines"));
    assertTrue(error("\n1\n" + ROOT + "\n").contains("origin is empty"));
    assertTrue(error("o\n1\n" + ROOT + "\n\n").contains("extension line 1 is empty"));
    assertTrue(error("o\n1\n" + ROOT + "\nx\n\n").contains("extension line 2 is empty"));
    assertTrue(error("o\r\n1\n" + ROOT + "\n").contains("control character"));
    assertTrue(error("o\n1\n" + ROOT + "\nx\ty\n").contains("control character"));
    assertThrows(
        CheckpointFormatException.class,
        () -> Checkpoint.parse("o\n1\n" + ROOT + "\n" + "x".repeat(Checkpoint.MAX_BODY_CHARS)));
  }

  @Test
  void valuesThatCannotSerializeCannotBeBuilt() {
    Hash r = Hash.fromBase64(ROOT);
    assertThrows(CheckpointFormatException.class, () -> new Checkpoint("", 1, r));
    assertThrows(CheckpointFormatException.class, () -> new Checkpoint("a\nb", 1, r));
    assertThrows(CheckpointFormatException.class, () -> new Checkpoint("o", -1, r));
    assertThrows(CheckpointFormatException.class, () -> new Checkpoint("o", 1, r, List.of("")));
    assertThrows(
        CheckpointFormatException.class, () -> new Checkpoint("o", 1, r, List.of("\ud800")));
  }
}
