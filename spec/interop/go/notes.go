package main

// Signed notes, keys and checkpoints (spec/signed-note.md, spec/checkpoint.md) against
// golang.org/x/mod/sumdb/note and tlog.ParseTree.

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const (
	algEd25519     = 0x01
	algCosignature = 0x04
)

// newVerifier builds a Go note.Verifier for a vkey: x/mod's own for every type it knows, our
// C2SP cosignature verifier for type 0x04, which x/mod 0.7.0 does not know.
func newVerifier(vkey string) (note.Verifier, error) {
	if keyAlgorithm(vkey) == algCosignature {
		return newCosignatureVerifier(vkey)
	}
	return note.NewVerifier(vkey)
}

// keyAlgorithm returns the type byte of a vkey or private key, or -1 when it has none.
func keyAlgorithm(key string) int {
	// The base64 part may itself contain '+': split at the first two only.
	parts := strings.SplitN(strings.TrimPrefix(key, "PRIVATE+KEY+"), "+", 3)
	if len(parts) != 3 {
		return -1
	}
	b, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(b) == 0 {
		return -1
	}
	return int(b[0])
}

func verifierList(vkeys []string) (note.Verifiers, error) {
	var vs []note.Verifier
	for _, k := range vkeys {
		v, err := newVerifier(k)
		if err != nil {
			return nil, fmt.Errorf("vkey %q: %v", k, err)
		}
		vs = append(vs, v)
	}
	return note.VerifierList(vs...), nil
}

func sigIDs(sigs []note.Signature) []string {
	ids := []string{}
	for _, s := range sigs {
		ids = append(ids, fmt.Sprintf("%s+%08x", s.Name, s.Hash))
	}
	return ids
}

// errorKind maps a note.Open error onto the tlog exception (and reason) it corresponds to.
func errorKind(err error) string {
	var unverified *note.UnverifiedNoteError
	var invalid *note.InvalidSignatureError
	switch {
	case errors.As(err, &unverified):
		return "NoteVerificationException/NO_TRUSTED_SIGNATURE"
	case errors.As(err, &invalid):
		return "NoteVerificationException/INVALID_SIGNATURE"
	default:
		return "NoteFormatException" // errMalformedNote and friends
	}
}

// kindMatches reports whether Go's error corresponds to the vector's error (and reason, if any).
func kindMatches(err error, wantError, wantReason string) bool {
	got := errorKind(err)
	if wantReason == "" {
		return strings.HasPrefix(got, wantError)
	}
	return got == wantError+"/"+wantReason
}

type noteCase struct {
	Name         string
	NoteBase64   string `json:"note_base64"`
	PrefixRepeat *struct {
		String string
		Count  int
	} `json:"prefix_repeat"`
	VerifierKeys []string `json:"verifier_keys"`
	Expect       *struct {
		Text       string
		Verified   []string
		Unverified []string
	}
	Error  string
	Reason string
}

func checkNotes(r *run) {
	g := r.group("note/notes.json", "note.Open")
	defer g.done()
	var v struct{ Cases []noteCase }
	if !g.load(&v) {
		return
	}
	for _, c := range v.Cases {
		c := c
		g.guard(c.Name, func() { checkNote(g, c) })
	}
}

func checkNote(g *group, c noteCase) {
	body, err := base64.StdEncoding.DecodeString(c.NoteBase64)
	if err != nil {
		panic("bad note_base64 in " + c.Name)
	}
	msg := body
	if c.PrefixRepeat != nil {
		msg = append(bytes.Repeat([]byte(c.PrefixRepeat.String), c.PrefixRepeat.Count), body...)
	}
	known, err := verifierList(c.VerifierKeys)
	if err != nil {
		g.fail(c.Name, "Go rejects a verifier key of the vector: %v", err)
		return
	}
	n, err := note.Open(msg, known)
	if c.Expect == nil {
		switch {
		case err == nil:
			g.rejected(c.Name, false, fmt.Sprintf("note.Open verified %v", sigIDs(n.Sigs)))
		case kindMatches(err, c.Error, c.Reason):
			g.rejected(c.Name, true, "")
		case g.documentedStricter(c.Name):
			// Go rejects the note, but only for another defect than the one the case is about.
			g.rejected(c.Name, false, fmt.Sprintf("rejects it only as %s (%v)", errorKind(err), err))
		default:
			g.fail(c.Name, "Go rejects it, but as %s (%v); vector says %s %s", errorKind(err), err, c.Error, c.Reason)
		}
		return
	}
	switch {
	case err != nil:
		g.fail(c.Name, "note.Open: %v", err)
	case n.Text != c.Expect.Text:
		g.fail(c.Name, "text: Go %q, vector %q", n.Text, c.Expect.Text)
	case fmt.Sprint(sigIDs(n.Sigs)) != fmt.Sprint(c.Expect.Verified):
		g.fail(c.Name, "verified: Go %v, vector %v", sigIDs(n.Sigs), c.Expect.Verified)
	case fmt.Sprint(sigIDs(n.UnverifiedSigs)) != fmt.Sprint(nonNil(c.Expect.Unverified)):
		g.fail(c.Name, "unverified: Go %v, vector %v", sigIDs(n.UnverifiedSigs), c.Expect.Unverified)
	default:
		g.ok(c.Name)
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// checkNoteSigning re-signs each text with Go's note.Sign; Ed25519 is deterministic, so the
// note must be byte-identical to ours, and it must open with the derived verifier keys.
func checkNoteSigning(r *run) {
	g := r.group("note/sign.json", "note.Sign byte-identical, note.Open")
	defer g.done()
	var v struct {
		Cases []struct {
			Name        string
			PrivateKeys []string `json:"private_keys"`
			Text        string
			ExpectNote  string `json:"expect_note"`
		}
	}
	if !g.load(&v) {
		return
	}
	for _, c := range v.Cases {
		c := c
		g.guard(c.Name, func() {
			var signers []note.Signer
			var vkeys []string
			for _, skey := range c.PrivateKeys {
				s, err := note.NewSigner(skey)
				if err != nil {
					g.fail(c.Name, "note.NewSigner: %v", err)
					return
				}
				signers = append(signers, s)
				vkeys = append(vkeys, ed25519VerifierKey(skey))
			}
			msg, err := note.Sign(&note.Note{Text: c.Text}, signers...)
			if err != nil {
				g.fail(c.Name, "note.Sign: %v", err)
				return
			}
			if string(msg) != c.ExpectNote {
				g.fail(c.Name, "note differs:\n Go:     %q\n vector: %q", msg, c.ExpectNote)
				return
			}
			known, err := verifierList(vkeys)
			if err != nil {
				g.fail(c.Name, "%v", err)
				return
			}
			n, err := note.Open([]byte(c.ExpectNote), known)
			if err != nil || len(n.Sigs) != len(signers) {
				g.fail(c.Name, "note.Open of our note: %v", err)
				return
			}
			g.ok(c.Name)
		})
	}
}

// ed25519VerifierKey derives the vkey of a type 0x01 private key with Go's
// note.NewEd25519VerifierKey (the private key string has already passed note.NewSigner).
func ed25519VerifierKey(skey string) string {
	name, seed := splitPrivateKey(skey)
	pub := ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)
	vkey, err := note.NewEd25519VerifierKey(name, pub)
	if err != nil {
		panic(err)
	}
	return vkey
}

// splitPrivateKey returns the name and the 32-byte seed of a well-formed PRIVATE+KEY string.
func splitPrivateKey(skey string) (name string, seed []byte) {
	parts := strings.SplitN(strings.TrimPrefix(skey, "PRIVATE+KEY+"), "+", 3)
	key, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(key) != 1+ed25519.SeedSize {
		panic("not a well-formed private key")
	}
	return parts[0], key[1:]
}

func checkNoteKeys(r *run) {
	g := r.group("note/keys.json", "note.NewVerifier, note.NewSigner")
	defer g.done()
	var v struct {
		VerifierKeys []struct {
			Name   string
			Vkey   string
			Expect *struct {
				Name            string
				KeyHash         string `json:"key_hash"`
				Algorithm       int
				PublicKeyBase64 string `json:"public_key_base64"`
			}
			Error string
		} `json:"verifier_keys"`
		PrivateKeys []struct {
			Name       string
			Skey       string
			ExpectVkey string `json:"expect_vkey"`
			Error      string
		} `json:"private_keys"`
	}
	if !g.load(&v) {
		return
	}
	for _, c := range v.VerifierKeys {
		c := c
		g.guard(c.Name, func() {
			if c.Expect == nil {
				_, err := note.NewVerifier(c.Vkey)
				g.rejected(c.Name, err != nil, "note.NewVerifier accepted "+c.Vkey)
				return
			}
			if c.Expect.Algorithm == algCosignature {
				// x/mod 0.7.0 rejects type 0x04 as an unknown algorithm; use our C2SP verifier.
				cv, err := newCosignatureVerifier(c.Vkey)
				if err != nil || cv.Name() != c.Expect.Name || fmt.Sprintf("%08x", cv.KeyHash()) != c.Expect.KeyHash ||
					base64.StdEncoding.EncodeToString(cv.pub) != c.Expect.PublicKeyBase64 {
					g.fail(c.Name, "cosignature vkey: %v", err)
					return
				}
				g.ok(c.Name)
				return
			}
			nv, err := note.NewVerifier(c.Vkey)
			if err != nil {
				g.fail(c.Name, "note.NewVerifier: %v", err)
				return
			}
			pub, _ := base64.StdEncoding.DecodeString(c.Expect.PublicKeyBase64)
			again, err := note.NewEd25519VerifierKey(c.Expect.Name, pub)
			switch {
			case nv.Name() != c.Expect.Name || fmt.Sprintf("%08x", nv.KeyHash()) != c.Expect.KeyHash:
				g.fail(c.Name, "Go parses %s+%08x, vector says %s+%s", nv.Name(), nv.KeyHash(), c.Expect.Name, c.Expect.KeyHash)
			case c.Expect.Algorithm != algEd25519 || err != nil || again != c.Vkey:
				g.fail(c.Name, "note.NewEd25519VerifierKey gives %q (%v)", again, err)
			default:
				g.ok(c.Name)
			}
		})
	}
	for _, c := range v.PrivateKeys {
		c := c
		id := "private " + c.Name
		g.guard(id, func() {
			if c.Error != "" {
				_, err := note.NewSigner(c.Skey)
				g.rejected(id, err != nil, "note.NewSigner accepted it")
				return
			}
			if keyAlgorithm(c.Skey) == algCosignature {
				vkey, err := cosignerVerifierKey(c.Skey)
				if err != nil || vkey != c.ExpectVkey {
					g.fail(id, "cosigner vkey: derived %q (%v), vector %q", vkey, err, c.ExpectVkey)
					return
				}
				g.ok(id)
				return
			}
			s, err := note.NewSigner(c.Skey)
			if err != nil {
				g.fail(id, "note.NewSigner: %v", err)
				return
			}
			if got := ed25519VerifierKey(c.Skey); got != c.ExpectVkey {
				g.fail(id, "derived vkey %q, vector %q", got, c.ExpectVkey)
				return
			}
			known, err := verifierList([]string{c.ExpectVkey})
			if err != nil {
				g.fail(id, "%v", err)
				return
			}
			msg, err := note.Sign(&note.Note{Text: "interop\n"}, s)
			if err == nil {
				_, err = note.Open(msg, known)
			}
			if err != nil {
				g.fail(id, "sign with the key, open with the vkey: %v", err)
				return
			}
			g.ok(id)
		})
	}
}

type signedCheckpointCase struct {
	Name    string
	Note    string
	Origin  string
	LogKeys []string `json:"log_keys"`
	Expect  *struct {
		Size    string
		RootHex string `json:"root_hex"`
	}
	Error  string
	Reason string
}

// parseCheckpointWithGo parses a checkpoint body's size and root lines with Go's tlog.ParseTree,
// which implements exactly the C2SP size and root rules but insists on the sumdb origin: the
// origin line is replaced by "go.sum database tree" first. Extension lines are not examined.
func parseCheckpointWithGo(body string) (origin string, tree tlog.Tree, err error) {
	i := strings.IndexByte(body, '\n')
	if i < 0 {
		return "", tlog.Tree{}, errors.New("no newline")
	}
	tree, err = tlog.ParseTree([]byte("go.sum database tree" + body[i:]))
	return body[:i], tree, err
}

func checkSignedCheckpoints(r *run) {
	g := r.group("checkpoint/signed.json", "note.Open + tlog.ParseTree")
	defer g.done()
	var v struct{ Cases []signedCheckpointCase }
	if !g.load(&v) {
		return
	}
	for _, c := range v.Cases {
		c := c
		g.guard(c.Name, func() {
			known, err := verifierList(c.LogKeys)
			if err != nil {
				g.fail(c.Name, "%v", err)
				return
			}
			n, err := note.Open([]byte(c.Note), known)
			switch c.Error {
			case "NoteFormatException", "NoteVerificationException":
				if err != nil && !kindMatches(err, c.Error, c.Reason) {
					g.fail(c.Name, "Go rejects it as %s (%v); vector says %s", errorKind(err), err, c.Error)
					return
				}
				g.rejected(c.Name, err != nil, "note.Open accepted it")
				return
			}
			if err != nil {
				g.fail(c.Name, "note.Open: %v", err)
				return
			}
			if want := c.Note[:strings.LastIndex(c.Note, "\n\n")+1]; n.Text != want {
				g.fail(c.Name, "note.Open text %q, ours %q", n.Text, want)
				return
			}
			origin, tree, perr := parseCheckpointWithGo(n.Text)
			if origin == "go.sum database tree" {
				// The real sumdb format: tlog.ParseTree applies unchanged.
				if t2, err2 := tlog.ParseTree([]byte(n.Text)); err2 != nil || t2 != tree {
					g.fail(c.Name, "tlog.ParseTree on the sumdb note: %v", err2)
					return
				}
			}
			switch c.Error {
			case "CheckpointFormatException":
				g.rejected(c.Name, perr != nil, "tlog.ParseTree accepted the size and root")
			case "WrongOriginException":
				// The note is valid; comparing the origin is the caller's job in Go as in tlog.
				if origin == c.Origin {
					g.fail(c.Name, "origin %q equals the expected one", origin)
					return
				}
				g.ok(c.Name)
			case "":
				switch {
				case perr != nil:
					g.fail(c.Name, "tlog.ParseTree: %v", perr)
				case origin != c.Origin || fmt.Sprint(tree.N) != c.Expect.Size || hashHex(tree.Hash) != c.Expect.RootHex:
					g.fail(c.Name, "Go reads %q %d %s, vector %q %s %s", origin, tree.N, hashHex(tree.Hash), c.Origin, c.Expect.Size, c.Expect.RootHex)
				default:
					g.ok(c.Name)
				}
			default:
				g.fail(c.Name, "unknown error class %q in vectors", c.Error)
			}
		})
	}
}

// bodyCasesOutsideParseTree are checkpoint/bodies.json errors in lines tlog.ParseTree does not
// look at (it fixes the origin and ignores extension lines).
var bodyCasesOutsideParseTree = map[string]bool{
	"empty-origin": true, "carriage-return": true, "empty-extension-line": true,
}

func checkCheckpointBodies(r *run) {
	g := r.group("checkpoint/bodies.json", "tlog.ParseTree (size and root lines)")
	defer g.done()
	var v struct {
		Cases []struct {
			Name   string
			Body   string
			Expect *struct {
				Size    string
				RootHex string `json:"root_hex"`
			}
			Error      string
			ErrorStage string `json:"error_stage"`
		}
	}
	if !g.load(&v) {
		return
	}
	for _, c := range v.Cases {
		c := c
		g.guard(c.Name, func() {
			if c.ErrorStage == "chain_head" || bodyCasesOutsideParseTree[c.Name] {
				g.skip(c.Name, "the defect is in the origin or an extension line, which tlog.ParseTree does not parse")
				return
			}
			_, tree, err := parseCheckpointWithGo(c.Body)
			if c.Expect == nil {
				g.rejected(c.Name, err != nil, fmt.Sprintf("tlog.ParseTree read size %d", tree.N))
				return
			}
			if err != nil || fmt.Sprint(tree.N) != c.Expect.Size || hashHex(tree.Hash) != c.Expect.RootHex {
				g.fail(c.Name, "tlog.ParseTree: %d %s (%v)", tree.N, hashHex(tree.Hash), err)
				return
			}
			g.ok(c.Name)
		})
	}
}
