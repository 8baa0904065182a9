/**
 * Collection schedules and their slots (spec/compliance.md, "Schedules"): the server's scheduler
 * runs a collector at each slot and a report counts the slots due in a period, from the same {@link
 * dev.tlog.compliance.schedule.Schedule}. Immutable values, no I/O; {@link
 * dev.tlog.compliance.schedule.ScheduleException} for a text that does not parse.
 */
package dev.tlog.compliance.schedule;
