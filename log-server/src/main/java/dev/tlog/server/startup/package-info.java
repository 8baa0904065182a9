/** Startup checks that refuse to serve a log whose stored tree, chain and checkpoints disagree. */
package dev.tlog.server.startup;
