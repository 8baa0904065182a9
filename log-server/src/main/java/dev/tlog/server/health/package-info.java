/** The log server's readiness checks behind {@code GET /readyz} (spec/api.md, "Health"). */
package dev.tlog.server.health;
