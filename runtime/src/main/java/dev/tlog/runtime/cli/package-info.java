/** Command-line flags the log server and the witness share, as picocli mixins. */
package dev.tlog.runtime.cli;
