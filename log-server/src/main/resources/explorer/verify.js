// In-browser verification for the tlog explorer (spec/api.md, "Explorer JSON API").
// Nothing the server sends is trusted: the checkpoint's Ed25519 signature is checked with
// WebCrypto against the log's verifier key, the leaf hash is recomputed from the entry bytes, the
// RFC 9162 inclusion proof is folded up to the signed root, and the chain link
// C[i] = SHA-256(C[i-1] || L[i]) is recomputed (spec/chain.md). A page says "verified" only when
// every check ran and held.
(function () {
  'use strict';

  const utf8 = new TextEncoder();

  /** A check that did not hold; `what` names it ("inclusion proof", "checkpoint signature"). */
  class VerificationError extends Error {
    constructor(what, detail) {
      super(what + ': ' + detail);
      this.what = what;
    }
  }

  /** The browser cannot run a check (no Ed25519 in WebCrypto): never reported as verified. */
  class UnsupportedError extends Error {}

  function hexToBytes(hex) {
    if (typeof hex !== 'string' || !/^(?:[0-9a-f]{2})*$/.test(hex)) {
      throw new VerificationError('encoding', 'not lower-case hex: ' + String(hex).slice(0, 80));
    }
    const out = new Uint8Array(hex.length / 2);
    for (let i = 0; i < out.length; i++) {
      out[i] = parseInt(hex.substr(2 * i, 2), 16);
    }
    return out;
  }

  function bytesToHex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** Strict RFC 4648 §4 base64: decoding then re-encoding must give the same string. */
  function base64ToBytes(s) {
    let bin;
    try {
      bin = atob(s);
    } catch (e) {
      throw new VerificationError('encoding', 'not base64: ' + String(s).slice(0, 80));
    }
    const out = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    if (bytesToBase64(out) !== s) {
      throw new VerificationError('encoding', 'not canonical base64: ' + String(s).slice(0, 80));
    }
    return out;
  }

  function bytesToBase64(bytes) {
    let bin = '';
    for (const b of bytes) {
      bin += String.fromCharCode(b);
    }
    return btoa(bin);
  }

  function concat(...parts) {
    const n = parts.reduce((a, p) => a + p.length, 0);
    const out = new Uint8Array(n);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }

  function equal(a, b) {
    if (a.length !== b.length) {
      return false;
    }
    let d = 0;
    for (let i = 0; i < a.length; i++) {
      d |= a[i] ^ b[i];
    }
    return d === 0;
  }

  async function sha256(bytes) {
    return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  }

  /** RFC 6962 leaf hash SHA-256(0x00 || entry) (spec/hashing.md). */
  function leafHash(entry) {
    return sha256(concat(Uint8Array.of(0), entry));
  }

  /** RFC 6962 interior node SHA-256(0x01 || left || right). */
  function nodeHash(left, right) {
    return sha256(concat(Uint8Array.of(1), left, right));
  }

  /** One step of the linear chain, C[i] = SHA-256(C[i-1] || L[i]), no prefix (spec/chain.md). */
  function chainStep(previous, leaf) {
    return sha256(concat(previous, leaf));
  }

  function bitLength(n) {
    let bits = 0;
    while (n > 0n) {
      bits++;
      n >>= 1n;
    }
    return bits;
  }

  function popCount(n) {
    let c = 0;
    while (n > 0n) {
      c += Number(n & 1n);
      n >>= 1n;
    }
    return c;
  }

  /**
   * The root an RFC 9162 §2.1.3.2 inclusion proof leads to from `leaf` at `index` in a tree of
   * `size` leaves. The audit path splits into `inner` hashes (below the point where the paths to
   * index and to size-1 part) and `border` hashes (left siblings on the right border).
   */
  async function rootFromInclusionProof(index, size, leaf, proof) {
    const i = BigInt(index);
    const n = BigInt(size);
    if (i < 0n || i >= n) {
      throw new VerificationError('inclusion proof', 'index ' + i + ' is not below tree size ' + n);
    }
    const inner = bitLength(i ^ (n - 1n));
    const border = popCount(i >> BigInt(inner));
    if (proof.length !== inner + border) {
      throw new VerificationError(
        'inclusion proof',
        'has ' + proof.length + ' hashes, a proof for index ' + i + ' in size ' + n +
          ' has ' + (inner + border));
    }
    let r = leaf;
    for (let k = 0; k < inner; k++) {
      r = ((i >> BigInt(k)) & 1n) === 1n ? await nodeHash(proof[k], r) : await nodeHash(r, proof[k]);
    }
    for (let k = inner; k < proof.length; k++) {
      r = await nodeHash(proof[k], r);
    }
    return r;
  }

  /** Checks the proof against `root`; throws a VerificationError naming the mismatch. */
  async function checkInclusion(index, size, leaf, proof, root) {
    const computed = await rootFromInclusionProof(index, size, leaf, proof);
    if (!equal(computed, root)) {
      throw new VerificationError(
        'inclusion proof',
        'root mismatch: computed ' + bytesToHex(computed) + ', checkpoint says ' + bytesToHex(root));
    }
  }

  /** Key hash: first 4 bytes of SHA-256(name || "\n" || type || key) (spec/signed-note.md). */
  async function keyHash(name, type, key) {
    const h = await sha256(concat(utf8.encode(name), Uint8Array.of(0x0a, type), key));
    return h.slice(0, 4);
  }

  /** Parses a vkey `<name>+<hash>+<base64(type || key)>` and checks its hash. */
  async function parseVerifierKey(vkey, wantType) {
    const s = vkey.trim();
    const a = s.indexOf('+');
    const b = a < 0 ? -1 : s.indexOf('+', a + 1);
    if (a <= 0 || b < 0) {
      throw new VerificationError('verifier key', 'not name+hash+key: ' + s.slice(0, 80));
    }
    const name = s.slice(0, a);
    const hash = s.slice(a + 1, b);
    const raw = base64ToBytes(s.slice(b + 1));
    if (!/^[0-9a-f]{8}$/.test(hash) || raw.length !== 33 || raw[0] !== wantType) {
      throw new VerificationError(
        'verifier key', 'want type 0x0' + wantType + ' and a 32-byte key: ' + s.slice(0, 80));
    }
    const key = raw.slice(1);
    const computed = bytesToHex(await keyHash(name, wantType, key));
    if (computed !== hash) {
      throw new VerificationError(
        'verifier key', 'key hash mismatch: computed ' + computed + ', key says ' + hash);
    }
    return { name: name, keyHash: hash, type: wantType, publicKey: key };
  }

  /** Splits a signed note into its text and signature lines (spec/signed-note.md). */
  function parseNote(note) {
    const split = note.lastIndexOf('\n\n');
    if (split < 0 || !note.endsWith('\n')) {
      throw new VerificationError('checkpoint', 'not a signed note');
    }
    const text = note.slice(0, split + 1);
    const signatures = [];
    for (const line of note.slice(split + 2, -1).split('\n')) {
      const m = /^\u2014 (\S+) (\S+)$/.exec(line);
      if (!m) {
        throw new VerificationError('checkpoint', 'malformed signature line: ' + line.slice(0, 80));
      }
      const raw = base64ToBytes(m[2]);
      if (raw.length < 5) {
        throw new VerificationError('checkpoint', 'signature line too short: ' + line.slice(0, 80));
      }
      signatures.push({ name: m[1], keyHash: bytesToHex(raw.slice(0, 4)), signature: raw.slice(4) });
    }
    return { text: text, signatures: signatures };
  }

  /** Origin, size, root and the tlog-chain head of a checkpoint body (spec/checkpoint.md). */
  function parseCheckpoint(text) {
    const lines = text.slice(0, -1).split('\n');
    if (lines.length < 3 || !/^(0|[1-9][0-9]*)$/.test(lines[1])) {
      throw new VerificationError('checkpoint', 'malformed checkpoint body');
    }
    const root = base64ToBytes(lines[2]);
    if (root.length !== 32) {
      throw new VerificationError('checkpoint', 'root is not 32 bytes');
    }
    let chainHead = null;
    for (const ext of lines.slice(3)) {
      const m = /^tlog-chain (\S+)$/.exec(ext);
      if (m) {
        chainHead = base64ToBytes(m[1]);
      }
    }
    return { origin: lines[0], size: BigInt(lines[1]), root: root, chainHead: chainHead };
  }

  let ed25519 = null;

  /** Whether WebCrypto here has Ed25519 (Chromium 137+, Firefox 129+, Safari 17+). */
  async function hasEd25519() {
    if (ed25519 === null) {
      try {
        // The public key of RFC 8032 §7.1 test 1.
        await crypto.subtle.importKey(
          'raw',
          hexToBytes('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'),
          { name: 'Ed25519' }, false, ['verify']);
        ed25519 = true;
      } catch (e) {
        ed25519 = false;
      }
    }
    return ed25519;
  }

  async function ed25519Verify(publicKey, message, signature) {
    if (!(await hasEd25519())) {
      throw new UnsupportedError('cannot verify: browser lacks Ed25519');
    }
    const key = await crypto.subtle.importKey(
      'raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
    return crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
  }

  /**
   * Verifies `note` with the log key `vkey` (type 0x01): the signature line with the key's name
   * and hash must be present and verify over the note text, and the origin must be `origin` (by
   * default the key's name: tlog logs sign with a key named after their origin). Returns the
   * parsed checkpoint.
   */
  async function verifyCheckpoint(note, vkey, origin) {
    const key = await parseVerifierKey(vkey, 0x01);
    const parsed = parseNote(note);
    const sig = parsed.signatures.find((s) => s.name === key.name && s.keyHash === key.keyHash);
    if (!sig) {
      throw new VerificationError(
        'checkpoint signature', 'no signature by the log key ' + key.name + '+' + key.keyHash);
    }
    if (sig.signature.length !== 64 ||
        !(await ed25519Verify(key.publicKey, utf8.encode(parsed.text), sig.signature))) {
      throw new VerificationError('checkpoint signature', 'Ed25519 signature does not verify');
    }
    const cp = parseCheckpoint(parsed.text);
    const want = origin === undefined ? key.name : origin;
    if (cp.origin !== want) {
      throw new VerificationError('checkpoint', 'origin ' + cp.origin + ', want ' + want);
    }
    cp.text = parsed.text;
    cp.signatures = parsed.signatures;
    return cp;
  }

  /**
   * Verifies a witness cosignature (type 0x04, spec/cosignature.md) on `text`; returns its
   * timestamp (seconds) or throws.
   */
  async function verifyCosignature(text, signature, witnessKey) {
    if (signature.length !== 72) {
      throw new VerificationError('cosignature', 'want 72 bytes, got ' + signature.length);
    }
    const time = new DataView(signature.buffer, signature.byteOffset, 8).getBigUint64(0);
    if (time >= 1n << 63n) {
      throw new VerificationError('cosignature', 'timestamp out of range');
    }
    const message = utf8.encode('cosignature/v1\ntime ' + time + '\n' + text);
    if (!(await ed25519Verify(witnessKey.publicKey, message, signature.slice(8)))) {
      throw new VerificationError('cosignature', 'Ed25519 signature does not verify');
    }
    return time;
  }

  const PAYLOAD_HEAD = '{"format":"tlog-payload/1","payload":';

  /**
   * Checks a payload record against the entry's payload_sha256 = SHA-256(salt || payload)
   * (spec/ledger.md): the payload and salt are cut from the record byte-exact.
   */
  async function checkPayload(entryObject, record) {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(record);
    const m = /^([\s\S]*),"salt":"([0-9a-f]{64})"\}$/.exec(text.slice(PAYLOAD_HEAD.length));
    if (!text.startsWith(PAYLOAD_HEAD) || !m) {
      throw new VerificationError('payload', 'not a payload record');
    }
    const payloadBytes = utf8.encode(m[1]);
    const computed = bytesToHex(await sha256(concat(hexToBytes(m[2]), payloadBytes)));
    if (computed !== entryObject.payload_sha256) {
      throw new VerificationError(
        'payload', 'commitment mismatch: computed ' + computed + ', entry says ' +
          entryObject.payload_sha256);
    }
    return JSON.parse(m[1]);
  }

  /**
   * Every check of one `/api/v1/entry/{index}` answer, in order; stops at the first failure.
   * Returns {status: 'verified' | 'failed' | 'unsupported', message, checks: [{name, ok, detail}]}.
   */
  async function verifyEntry(answer, vkey) {
    const checks = [];
    const pass = (name, detail) => checks.push({ name: name, ok: true, detail: detail });
    try {
      const cp = await verifyCheckpoint(answer.checkpoint, vkey);
      pass('checkpoint signature', 'Ed25519 by ' + cp.origin + ' over size ' + cp.size);
      if (cp.size !== BigInt(answer.tree_size)) {
        throw new VerificationError('checkpoint', 'signed size ' + cp.size + ' is not the proof\'s ' +
          answer.tree_size);
      }
      const entry = base64ToBytes(answer.entry);
      const leaf = await leafHash(entry);
      if (bytesToHex(leaf) !== answer.leaf_hash) {
        throw new VerificationError(
          'leaf hash', 'computed ' + bytesToHex(leaf) + ', server says ' + answer.leaf_hash);
      }
      pass('leaf hash', 'SHA-256(0x00 || entry) = ' + bytesToHex(leaf));
      const proof = answer.inclusion_proof.map(hexToBytes);
      await checkInclusion(answer.index, cp.size, leaf, proof, cp.root);
      pass('inclusion proof', proof.length + ' hashes lead to the signed root ' + bytesToHex(cp.root));
      const previous = hexToBytes(answer.previous_chain_hash);
      const link = await chainStep(previous, leaf);
      if (bytesToHex(link) !== answer.chain_hash) {
        throw new VerificationError(
          'chain link', 'SHA-256(C[i-1] || L[i]) = ' + bytesToHex(link) + ', server says C[i] = ' +
            answer.chain_hash);
      }
      if (BigInt(answer.index) === 0n && !equal(previous, new Uint8Array(32))) {
        throw new VerificationError('chain link', 'C[-1] must be 32 zero bytes');
      }
      if (BigInt(answer.index) === cp.size - 1n) {
        if (!cp.chainHead || !equal(cp.chainHead, link)) {
          throw new VerificationError('chain link', 'C[i] is not the checkpoint\'s signed chain head');
        }
        pass('chain link', 'C[i] = SHA-256(C[i-1] || L[i]) and is the signed chain head');
      } else {
        pass('chain link', 'C[i] = SHA-256(C[i-1] || L[i]) (C[i-1] itself is the log\'s claim)');
      }
      if (answer.payload_record) {
        const event = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(entry));
        await checkPayload(event, base64ToBytes(answer.payload_record));
        pass('payload', 'SHA-256(salt || payload) matches the entry\'s payload_sha256');
      }
      return { status: 'verified', message: 'verified', checks: checks };
    } catch (e) {
      if (e instanceof UnsupportedError) {
        return { status: 'unsupported', message: e.message, checks: checks };
      }
      const what = e instanceof VerificationError ? e.message : 'error: ' + e;
      const detail = e.what && what.startsWith(e.what + ': ') ? what.slice(e.what.length + 2) : what;
      checks.push({ name: e.what || 'verification', ok: false, detail: detail });
      return { status: 'failed', message: 'verification failed: ' + what, checks: checks };
    }
  }

  window.TlogVerify = Object.freeze({
    VerificationError: VerificationError,
    UnsupportedError: UnsupportedError,
    hexToBytes: hexToBytes,
    bytesToHex: bytesToHex,
    base64ToBytes: base64ToBytes,
    leafHash: leafHash,
    nodeHash: nodeHash,
    chainStep: chainStep,
    rootFromInclusionProof: rootFromInclusionProof,
    checkInclusion: checkInclusion,
    parseVerifierKey: parseVerifierKey,
    parseNote: parseNote,
    parseCheckpoint: parseCheckpoint,
    hasEd25519: hasEd25519,
    verifyCheckpoint: verifyCheckpoint,
    verifyCosignature: verifyCosignature,
    checkPayload: checkPayload,
    verifyEntry: verifyEntry,
  });
})();
