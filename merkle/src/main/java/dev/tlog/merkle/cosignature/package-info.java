/**
 * C2SP tlog-cosignature v1 with Ed25519 (c2sp.org/tlog-cosignature; normative summary in
 * spec/cosignature.md): a witness's timestamped signature on a checkpoint, carried as one more
 * signature line of the checkpoint note.
 *
 * <p>Format: signature type 0x04; key hash = first 4 bytes of {@code SHA-256(name || 0x0A || 0x04
 * || public key)}; signed message = {@code "cosignature/v1\ntime <decimal seconds>\n" || checkpoint
 * body}; line payload = {@code key hash (4) || timestamp (8, big-endian) || Ed25519 signature
 * (64)}.
 *
 * <p>Worked example: the C2SP spec's cosignature line {@code — witness.example.com/w1
 * jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/...} has key hash {@code 8d66cf3f} and timestamp 1679315147,
 * so it signs {@code "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n
 * 20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"}. spec/vectors/cosignature holds
 * complete examples with fixed keys.
 *
 * <p>Threading: {@link dev.tlog.merkle.cosignature.Cosigner} and {@link
 * dev.tlog.merkle.cosignature.CosignatureVerifier} are immutable and thread-safe; the caller passes
 * the time explicitly. Exceptions: invalid cosignatures raise {@link
 * dev.tlog.merkle.note.NoteVerificationException}, bad key strings {@link
 * dev.tlog.merkle.note.KeyFormatException}, non-checkpoint input to {@code cosign} {@link
 * dev.tlog.merkle.checkpoint.CheckpointFormatException}; a negative time is a caller bug ({@code
 * IllegalArgumentException}).
 */
package dev.tlog.merkle.cosignature;
