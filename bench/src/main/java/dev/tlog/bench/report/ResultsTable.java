package dev.tlog.bench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints figures as an aligned, human-readable table: one row per figure. */
public final class ResultsTable {
  private static final String[] HEADER = {
    "name",
    "value",
    "unit",
    "p50 ms",
    "p99 ms",
    "p99.9 ms",
    "vs raw",
    "B/entry",
    "RSS MiB",
    "load",
    "counts"
  };

  private final List<Figure> figures;

  public ResultsTable(List<Figure> figures) {
    this.figures = List.copyOf(figures);
  }

  /** Writes the table, columns padded to their widest cell. */
  public void print(PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    figures.forEach(f -> rows.add(row(f)));
    int[] width = new int[HEADER.length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        boolean left = i == 0 || i == 2 || i == r.length - 1;
        String cell = left ? pad(r[i], width[i], true) : pad(r[i], width[i], false);
        line.append(cell).append(i < r.length - 1 ? "  " : "");
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String[] row(Figure f) {
    return new String[] {
      f.name(),
      number(f.value()),
      f.unit(),
      ms(f.p50Ms()),
      ms(f.p99Ms()),
      ms(f.p999Ms()),
      f.ratioToRaw() == null ? "" : String.format(Locale.ROOT, "%.4f", f.ratioToRaw()),
      f.bytesPerEntry() == null ? "" : String.format(Locale.ROOT, "%.1f", f.bytesPerEntry()),
      f.rssBytes() == null ? "" : String.valueOf(f.rssBytes() / (1024 * 1024)),
      f.machine() == null ? "" : String.format(Locale.ROOT, "%.1f", f.machine().loadAvg1m()),
      counts(f.counts())
    };
  }

  private static String counts(Map<String, Long> counts) {
    if (counts == null || counts.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    new TreeMap<>(counts)
        .forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return b.toString();
  }

  private static String number(double v) {
    if (v >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String ms(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String pad(String s, int w, boolean left) {
    String fill = " ".repeat(Math.max(0, w - s.length()));
    return left ? s + fill : fill + s;
  }
}
