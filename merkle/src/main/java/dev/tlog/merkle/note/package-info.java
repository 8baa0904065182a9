/**
 * C2SP signed notes (c2sp.org/signed-note; normative summary in spec/signed-note.md): texts signed
 * by one or more keys, verifier keys ("vkeys") and private key strings, interoperable with Go's
 * golang.org/x/mod/sumdb/note.
 *
 * <p>Format: the text (UTF-8, ends in a newline, no control characters but newline), a blank line,
 * then one line per signature: em dash U+2014, space, key name, space, {@code base64(key hash ||
 * signature)}, newline. The key hash is the first 4 bytes, big-endian, of {@code SHA-256(name ||
 * 0x0A || type || public key)}; type 0x01 is Ed25519, 0x04 an Ed25519 cosignature v1.
 *
 * <p>Worked example (Go's sumdb/note documentation): the private key {@code
 * PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz} has vkey {@code
 * PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}, and {@code Notes.sign} of
 * the two-line text "If you think cryptography is the answer to your problem,\nthen you don't know
 * what your problem is.\n" produces that text, a blank line and {@code — PeterNeumann
 * x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=}.
 *
 * <p>Limits: {@link dev.tlog.merkle.note.Note#MAX_NOTE_BYTES} (1 MiB) and {@link
 * dev.tlog.merkle.note.Note#MAX_SIGNATURES} (100). The parser is all or nothing and rejects invalid
 * UTF-8, control characters, a missing final newline or blank-line separator, malformed signature
 * lines, non-canonical base64 and duplicate (name, key hash) pairs.
 *
 * <p>Threading: values are immutable; signers and verifiers are thread-safe. Exceptions (all
 * unchecked): {@link dev.tlog.merkle.note.NoteFormatException} for malformed notes, {@link
 * dev.tlog.merkle.note.NoteVerificationException} for failed verification, {@link
 * dev.tlog.merkle.note.KeyFormatException} (and {@link
 * dev.tlog.merkle.note.UnsupportedKeyAlgorithmException}) for bad key strings; {@code
 * IllegalArgumentException} only for caller bugs such as two verifiers with the same key ID. No
 * error message contains private key material.
 */
package dev.tlog.merkle.note;
