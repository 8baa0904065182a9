package dev.tlog.merkle.checkpoint;

import static org.junit.jupiter.api.Assertions.*;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainHeadExtensionTest {
  private static final Hash HEAD = TreeHasher.leafHash(new byte[] {1});

  private static Checkpoint with(String... ext) {
    return new Checkpoint("o", 1, TreeHasher.emptyRoot(), List.of(ext));
  }

  @Test
  void lineAndFindRoundTrip() {
    assertEquals("tlog-chain " + HEAD.toBase64(), ChainHeadExtension.line(HEAD));
    assertEquals(
        Optional.of(HEAD), ChainHeadExtension.find(with("x", ChainHeadExtension.line(HEAD))));
    assertEquals(Optional.empty(), ChainHeadExtension.find(with("x", "tlog-chainy 1")));
    assertEquals(
        "tlog-chain AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        ChainHeadExtension.line(Hash.ZERO));
  }

  @Test
  void twoLinesAreAnError() {
    String l = ChainHeadExtension.line(HEAD);
    var e =
        assertThrows(CheckpointFormatException.class, () -> ChainHeadExtension.find(with(l, l)));
    assertTrue(e.getMessage().contains("more than one"));
  }

  @Test
  void malformedLinesAreAnError() {
    String b64 = HEAD.toBase64();
    for (String bad :
        new String[] {
          "tlog-chain",
          "tlog-chain ",
          "tlog-chain  " + b64,
          "tlog-chain " + b64 + " ",
          "tlog-chain " + HEAD.toHex(),
          "tlog-chain AAAA",
          "tlog-chain " + b64.replace("=", "")
        }) {
      assertThrows(CheckpointFormatException.class, () -> ChainHeadExtension.find(with(bad)), bad);
    }
  }
}
