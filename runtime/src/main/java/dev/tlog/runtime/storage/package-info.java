/** The data directory lock: one owner process per directory. */
package dev.tlog.runtime.storage;
