package dev.tlog.spec;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes vector files deterministically: same content, same bytes (two-space indent, LF line ends,
 * fields in insertion order, trailing newline).
 */
public final class VectorWriter {
  private final Path root;
  private final ObjectMapper mapper = new ObjectMapper();

  public VectorWriter(Path root) {
    this.root = root;
  }

  /** A new empty JSON object. */
  public ObjectNode object() {
    return mapper.createObjectNode();
  }

  /** A new empty JSON array. */
  public ArrayNode array() {
    return mapper.createArrayNode();
  }

  /** Writes {@code node} to {@code relativePath} under the vectors root. */
  public void write(String relativePath, JsonNode node) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    try {
      String json = mapper.writer(printer).writeValueAsString(node) + "\n";
      Path file = root.resolve(relativePath);
      Files.createDirectories(file.getParent());
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
