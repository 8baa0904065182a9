/**
 * Control mappings (spec/compliance.md, "Control mapping"): which events and collectors evidence
 * which controls of a framework. {@link dev.tlog.compliance.mapping.MappingParser} reads the YAML
 * files strictly; {@link dev.tlog.compliance.mapping.DefaultMappings} holds one per framework.
 * Values are immutable; parsers are bounded and throw {@link
 * dev.tlog.compliance.mapping.MappingException} naming the key. No I/O beyond class resources.
 */
package dev.tlog.compliance.mapping;
