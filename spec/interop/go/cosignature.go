package main

// C2SP tlog-cosignature v1 (spec/cosignature.md). x/mod 0.7.0 knows only type 0x01 keys, so
// this file implements the type 0x04 verifier from the C2SP text with Go's crypto/ed25519 and
// plugs it into note.Open through the note.Verifier interface (as transparency-dev/formats does).

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
)

// cosignatureKeyHash is the first 4 bytes of SHA-256(name || "\n" || 0x04 || public key).
func cosignatureKeyHash(name string, pub ed25519.PublicKey) uint32 {
	h := sha256.New()
	h.Write([]byte(name + "\n"))
	h.Write([]byte{algCosignature})
	h.Write(pub)
	return binary.BigEndian.Uint32(h.Sum(nil))
}

// cosignedMessage is what a v1 cosignature signs: "cosignature/v1\ntime <t>\n" + checkpoint body.
func cosignedMessage(timestamp uint64, body string) []byte {
	return []byte("cosignature/v1\ntime " + strconv.FormatUint(timestamp, 10) + "\n" + body)
}

// cosignatureTimestamp returns the timestamp of a signature-line payload (key hash excluded)
// of the v1 shape: exactly 8 + 64 bytes, timestamp at most 2^63-1.
func cosignatureTimestamp(sig []byte) (uint64, bool) {
	if len(sig) != 8+ed25519.SignatureSize {
		return 0, false
	}
	t := binary.BigEndian.Uint64(sig)
	return t, t>>63 == 0
}

type cosignatureVerifier struct {
	name string
	hash uint32
	pub  ed25519.PublicKey
}

func newCosignatureVerifier(vkey string) (*cosignatureVerifier, error) {
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 || len(parts[1]) != 8 {
		return nil, errors.New("malformed cosigner vkey")
	}
	key, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(key) != 1+ed25519.PublicKeySize || key[0] != algCosignature {
		return nil, errors.New("not a type 0x04 Ed25519 key")
	}
	v := &cosignatureVerifier{name: parts[0], pub: ed25519.PublicKey(key[1:])}
	v.hash = cosignatureKeyHash(v.name, v.pub)
	if parts[1] != fmt.Sprintf("%08x", v.hash) {
		return nil, fmt.Errorf("key hash %s, computed %08x", parts[1], v.hash)
	}
	return v, nil
}

func (v *cosignatureVerifier) Name() string    { return v.name }
func (v *cosignatureVerifier) KeyHash() uint32 { return v.hash }

// Verify is called by note.Open with the note text and the signature bytes after the key hash.
func (v *cosignatureVerifier) Verify(msg, sig []byte) bool {
	t, ok := cosignatureTimestamp(sig)
	return ok && ed25519.Verify(v.pub, cosignedMessage(t, string(msg)), sig[8:])
}

// cosignerVerifierKey derives the vkey of a type 0x04 private key.
func cosignerVerifierKey(skey string) (string, error) {
	if !strings.HasPrefix(skey, "PRIVATE+KEY+") || strings.Count(skey, "+") < 4 {
		return "", errors.New("malformed private key")
	}
	name, seed := splitPrivateKey(skey)
	pub := ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)
	h := cosignatureKeyHash(name, pub)
	if !strings.HasPrefix(skey, fmt.Sprintf("PRIVATE+KEY+%s+%08x+", name, h)) {
		return "", errors.New("private key's key hash does not match its public key")
	}
	return fmt.Sprintf("%s+%08x+%s", name, h, base64.StdEncoding.EncodeToString(append([]byte{algCosignature}, pub...))), nil
}

func checkCosignatures(r *run) {
	var v struct {
		Sign []struct {
			Name           string
			PrivateKey     string `json:"private_key"`
			CheckpointBody string `json:"checkpoint_body"`
			Timestamp      string
			Expect         struct {
				VerifierKey   string `json:"verifier_key"`
				KeyHash       string `json:"key_hash"`
				SignedMessage string `json:"signed_message"`
				SignatureLine string `json:"signature_line"`
			}
		}
		Verify []struct {
			Name        string
			Note        string
			CosignerKey string `json:"cosigner_key"`
			Expect      *struct{ Timestamp string }
			Error       string
			Reason      string
		}
		Timestamps []struct {
			Name            string
			SignatureBase64 string  `json:"signature_base64"`
			ExpectTimestamp *string `json:"expect_timestamp"`
		}
	}
	g := r.group("cosignature/cosignatures.json", "sign: crypto/ed25519, byte-identical")
	if !g.load(&v) {
		g.done()
		return
	}
	for _, c := range v.Sign {
		c := c
		g.guard(c.Name, func() {
			vkey, err := cosignerVerifierKey(c.PrivateKey)
			if err != nil || vkey != c.Expect.VerifierKey {
				g.fail(c.Name, "vkey %q (%v), vector %q", vkey, err, c.Expect.VerifierKey)
				return
			}
			t, err := strconv.ParseUint(c.Timestamp, 10, 63)
			if err != nil {
				g.fail(c.Name, "timestamp %q: %v", c.Timestamp, err)
				return
			}
			msg := cosignedMessage(t, c.CheckpointBody)
			if string(msg) != c.Expect.SignedMessage {
				g.fail(c.Name, "signed message: Go %q, vector %q", msg, c.Expect.SignedMessage)
				return
			}
			name, seed := splitPrivateKey(c.PrivateKey)
			hash := cosignatureKeyHash(name, ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey))
			payload := binary.BigEndian.AppendUint32(nil, hash)
			payload = binary.BigEndian.AppendUint64(payload, t)
			payload = append(payload, ed25519.Sign(ed25519.NewKeyFromSeed(seed), msg)...)
			line := "— " + name + " " + base64.StdEncoding.EncodeToString(payload) + "\n"
			if fmt.Sprintf("%08x", hash) != c.Expect.KeyHash || line != c.Expect.SignatureLine {
				g.fail(c.Name, "signature line: Go %q, vector %q", line, c.Expect.SignatureLine)
				return
			}
			// And the line must open, through note.Open, with the verifier key.
			cv, err := newCosignatureVerifier(vkey)
			if err == nil {
				_, err = note.Open([]byte(c.CheckpointBody+"\n"+c.Expect.SignatureLine), note.VerifierList(cv))
			}
			if err != nil {
				g.fail(c.Name, "note.Open with the cosigner key: %v", err)
				return
			}
			g.ok(c.Name)
		})
	}
	g.done()

	g = r.group("cosignature/cosignatures.json", "verify: note.Open + C2SP type 0x04 verifier")
	for _, c := range v.Verify {
		c := c
		g.guard(c.Name, func() {
			known, err := verifierList([]string{c.CosignerKey})
			if err != nil {
				g.fail(c.Name, "%v", err)
				return
			}
			n, err := note.Open([]byte(c.Note), known)
			if c.Expect == nil {
				if err != nil && !kindMatches(err, c.Error, c.Reason) {
					g.fail(c.Name, "Go rejects it as %s (%v); vector says %s %s", errorKind(err), err, c.Error, c.Reason)
					return
				}
				g.rejected(c.Name, err != nil, "note.Open accepted the cosignature")
				return
			}
			if err != nil || len(n.Sigs) != 1 {
				g.fail(c.Name, "note.Open: %v", err)
				return
			}
			raw, _ := base64.StdEncoding.DecodeString(n.Sigs[0].Base64)
			t, _ := cosignatureTimestamp(raw[4:])
			if fmt.Sprint(t) != c.Expect.Timestamp {
				g.fail(c.Name, "timestamp %d, vector %s", t, c.Expect.Timestamp)
				return
			}
			g.ok(c.Name)
		})
	}
	g.done()

	g = r.group("cosignature/cosignatures.json", "timestamps: v1 payload shape")
	defer g.done()
	for _, c := range v.Timestamps {
		c := c
		g.guard(c.Name, func() {
			raw, err := base64.StdEncoding.DecodeString(c.SignatureBase64)
			if err != nil || len(raw) < 4 {
				g.fail(c.Name, "payload does not decode: %v", err)
				return
			}
			t, ok := cosignatureTimestamp(raw[4:])
			switch {
			case c.ExpectTimestamp == nil && ok:
				g.fail(c.Name, "Go reads timestamp %d from a payload the vector calls malformed", t)
			case c.ExpectTimestamp != nil && (!ok || fmt.Sprint(t) != *c.ExpectTimestamp):
				g.fail(c.Name, "Go reads %d (valid shape %v), vector %s", t, ok, *c.ExpectTimestamp)
			default:
				g.ok(c.Name)
			}
		})
	}
}
