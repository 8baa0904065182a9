package dev.tlog.server.evidence.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Output is inline only when valid UTF-8 and at most 4096 bytes; reading stops past 16 MiB. */
class CapturedOutputTest {
  @Test
  void inlineOnlyWhenSmallAndUtf8() {
    assertEquals(
        Optional.of("héllo"), CapturedOutput.of("héllo".getBytes(StandardCharsets.UTF_8)).inline());
    assertTrue(CapturedOutput.of(new byte[4096]).inline().isPresent(), "4096 bytes are inline");
    assertEquals(Optional.empty(), CapturedOutput.of(new byte[4097]).inline());
    CapturedOutput bad = CapturedOutput.of(new byte[] {'o', 'k', (byte) 0xff});
    assertEquals(Optional.empty(), bad.inline());
    assertEquals(3, bad.size());
  }

  @Test
  void hashIsOfEveryByte() {
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        CapturedOutput.of("abc".getBytes(StandardCharsets.US_ASCII)).sha256());
  }

  @Test
  void stopsReadingPastSixteenMebibytes() throws Exception {
    CapturedOutput o = new CapturedOutput();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 0;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            return len;
          }
        };
    assertFalse(o.readFrom(endless));
    assertTrue(o.over());
    assertEquals(Optional.empty(), o.inline());
    assertTrue(o.size() <= CapturedOutput.MAX_BYTES);
    CapturedOutput exact = new CapturedOutput();
    assertTrue(exact.readFrom(new ByteArrayInputStream(new byte[(int) CapturedOutput.MAX_BYTES])));
    assertFalse(exact.over());
  }
}
