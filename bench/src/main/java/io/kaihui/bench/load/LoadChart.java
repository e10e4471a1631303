package io.kaihui.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws load results (the CSV of {@link LoadRun}) as an SVG bar chart of one column: one group
 * of bars per scenario, one bar per server, each labelled with its value.
 *
 * <pre>
 * java -cp ... io.kaihui.bench.load.LoadChart results.csv cpu_us_per_packet "server CPU µs per forwarded packet" out.svg
 * </pre>
 */
public final class LoadChart {

  private static final int WIDTH = 760;
  private static final int BAR_AREA = 300;
  private static final String[] COLOURS = {"#1f6feb", "#e5534b", "#57ab5a", "#c69026"};

  private LoadChart() {}

  /** Arguments: the CSV, the column, the chart's title, the SVG to write. */
  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: LoadChart <csv> <column> <title> <svg>");
    }
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    Files.writeString(Path.of(args[3]), svg(lines, args[1], args[2]));
  }

  /**
   * The chart.
   *
   * @param csv the CSV's lines, header first
   * @param column the column to draw
   * @param title the chart's title
   * @return the SVG document
   * @throws IllegalArgumentException if the column is not in the header
   */
  static String svg(List<String> csv, String column, String title) {
    List<String> header = List.of(csv.get(0).split(","));
    int col = header.indexOf(column);
    if (col < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + header);
    }
    int server = header.indexOf("server");
    Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
    List<String> servers = new ArrayList<>();
    double max = 0;
    for (String line : csv.subList(1, csv.size())) {
      String[] v = line.split(",");
      String label = label(header, v);
      double value = Double.parseDouble(v[col]);
      groups.computeIfAbsent(label, k -> new LinkedHashMap<>()).put(v[server], value);
      if (!servers.contains(v[server])) {
        servers.add(v[server]);
      }
      max = Math.max(max, value);
    }
    int groupWidth = (WIDTH - 80) / Math.max(1, groups.size());
    int barWidth = Math.max(6, (groupWidth - 16) / Math.max(1, servers.size()));
    StringBuilder s = new StringBuilder();
    int height = BAR_AREA + 150;
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, height));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\""
        + " text-anchor=\"middle\">%s</text>%n", WIDTH / 2, escape(title)));
    int baseline = 40 + BAR_AREA;
    s.append(String.format(Locale.ROOT, "<line x1=\"60\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
        + " stroke=\"#888\"/>%n", baseline, WIDTH - 10, baseline));
    int g = 0;
    for (Map.Entry<String, Map<String, Double>> e : groups.entrySet()) {
      int x0 = 70 + g * groupWidth;
      for (int i = 0; i < servers.size(); i++) {
        Double value = e.getValue().get(servers.get(i));
        if (value == null) {
          continue;
        }
        int h = max == 0 ? 0 : (int) Math.round(value / max * BAR_AREA);
        int x = x0 + i * barWidth;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
            + " fill=\"%s\"/>%n", x, baseline - h, barWidth - 2, h,
            COLOURS[i % COLOURS.length]));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\""
            + " font-size=\"9\">%s</text>%n", x + barWidth / 2, baseline - h - 3,
            format(value)));
      }
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\""
          + " transform=\"rotate(-35 %d %d)\">%s</text>%n", x0 + groupWidth / 2,
          baseline + 14, x0 + groupWidth / 2, baseline + 14, escape(e.getKey())));
      g++;
    }
    for (int i = 0; i < servers.size(); i++) {
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\""
          + " fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n", 70 + i * 100, height - 18,
          COLOURS[i % COLOURS.length], 84 + i * 100, height - 9, escape(servers.get(i))));
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static String label(List<String> header, String[] v) {
    String scenario = v[header.indexOf("scenario")];
    return switch (scenario) {
      case "webinar" -> "webinar 1→" + v[header.indexOf("subscribers")];
      case "meetings" -> v[header.indexOf("meetings")] + "×" + v[header.indexOf("publishers")];
      default -> "meeting of " + v[header.indexOf("publishers")];
    };
  }

  private static String format(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
