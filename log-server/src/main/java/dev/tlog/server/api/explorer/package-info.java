/**
 * The web explorer (spec/api.md, "Explorer JSON API"): a read-only JSON API under {@code /api/v1/}
 * and static HTML, CSS and JavaScript pages under {@code /explorer/}, mounted on the log's HTTP
 * router next to the tiles.
 *
 * <p>The JSON API reuses the log's read paths ({@code LogReads} for entries and proofs, the
 * ledger's {@code EventQueries} for events, the same code as {@code LedgerService.Query}); nothing
 * here answers from a second implementation. The server is not trusted by the pages: the browser
 * recomputes leaf hashes, inclusion proofs and chain links and checks the checkpoint's Ed25519
 * signature itself ({@code explorer/verify.js}).
 *
 * <p>Threading: handlers run on the event loop and move every LMDB or index read to a Vert.x worker
 * thread. Exceptions are the log's typed ones ({@code dev.tlog.server.errors}) and are turned into
 * HTTP statuses by {@code HttpErrors} only.
 */
package dev.tlog.server.api.explorer;
