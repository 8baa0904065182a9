/**
 * Waiting for Vert.x futures from the threads that start and stop our programs (never from an event
 * loop).
 */
package dev.tlog.runtime.vertx;
