package dev.tlog.server.evidence.run;

import dev.tlog.compliance.evidence.CollectionRecord;
import dev.tlog.merkle.hash.Hash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * A run's output streamed through SHA-256, at most {@value #MAX_BYTES} bytes: its hash, size and,
 * when it is valid UTF-8 and at most {@link CollectionRecord#MAX_INLINE_OUTPUT} bytes, the text
 * itself (spec/compliance.md, "Evidence events"). Not thread-safe: one writer.
 */
public final class CapturedOutput {
  /** Most bytes of output read (16 MiB). */
  public static final long MAX_BYTES = 16L << 20;

  private final MessageDigest sha256;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private long size;
  private boolean over;

  public CapturedOutput() {
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Output of {@code bytes} (built-ins, manifests). */
  public static CapturedOutput of(byte[] bytes) {
    CapturedOutput o = new CapturedOutput();
    o.write(bytes, 0, bytes.length);
    return o;
  }

  /** Adds bytes; returns false (and keeps nothing more) once the output is over the limit. */
  public boolean write(byte[] b, int off, int len) {
    if (over) {
      return false;
    }
    if (size + len > MAX_BYTES) {
      over = true;
      return false;
    }
    sha256.update(b, off, len);
    size += len;
    int keep = (int) Math.min(len, CollectionRecord.MAX_INLINE_OUTPUT + 1L - head.size());
    if (keep > 0) {
      head.write(b, off, keep);
    }
    return true;
  }

  /** Reads {@code in} to its end or the limit; returns false when the limit was passed. */
  public boolean readFrom(InputStream in) throws IOException {
    byte[] buf = new byte[64 * 1024];
    int n;
    while ((n = in.read(buf)) >= 0) {
      if (!write(buf, 0, n)) {
        return false;
      }
    }
    return true;
  }

  /** Whether more than {@value #MAX_BYTES} bytes were offered. */
  public boolean over() {
    return over;
  }

  public long size() {
    return size;
  }

  /** Hex SHA-256 of the bytes kept (all of them, unless {@link #over()}). */
  public String sha256() {
    try {
      return Hash.of(((MessageDigest) sha256.clone()).digest()).toHex();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The output as text when it is small and valid UTF-8. */
  public Optional<String> inline() {
    if (over || size > CollectionRecord.MAX_INLINE_OUTPUT) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(head.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
