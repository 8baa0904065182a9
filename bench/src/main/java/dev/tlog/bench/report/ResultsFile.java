package dev.tlog.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON-lines results file: each {@link #append} adds one figure, stamped with the machine, and
 * echoes it to stdout. Other figures of the same run (the raw limits) are found with {@link #find}.
 */
public final class ResultsFile {
  private final Path path;
  private final Machine machine;
  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public ResultsFile(Path path, Machine machine) {
    this.path = path;
    this.machine = machine;
  }

  public Path path() {
    return path;
  }

  /** Appends {@code figure} (with this run's machine) as one line. */
  public synchronized void append(Figure figure) {
    Figure stamped = figure.machine() == null ? figure.on(machine.withCurrentLoad()) : figure;
    try {
      String line = json.writeValueAsString(stamped);
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          path,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      System.out.println("  " + line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + path, e);
    }
  }

  /** Every figure in the file, in order; an absent file has none. */
  public List<Figure> readAll() {
    return readAll(path, json);
  }

  /** Every figure in the results file at {@code path}, in order; an absent file has none. */
  public static List<Figure> read(Path path) {
    return readAll(
        path,
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
  }

  private static List<Figure> readAll(Path path, ObjectMapper json) {
    List<Figure> out = new ArrayList<>();
    if (!Files.exists(path)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(parse(json, line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return out;
  }

  /** Parses one JSON line into a figure. */
  public Figure parse(String line) {
    return parse(json, line);
  }

  private static Figure parse(ObjectMapper json, String line) {
    try {
      return json.readValue(line, Figure.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("not a figure: " + line, e);
    }
  }

  /** The value of the last figure called {@code name}, if the file has one. */
  public Optional<Double> find(String name) {
    Double found = null;
    for (Figure f : readAll()) {
      if (f.name().equals(name)) {
        found = f.value();
      }
    }
    return Optional.ofNullable(found);
  }
}
