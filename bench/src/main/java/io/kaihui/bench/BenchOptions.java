package io.kaihui.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * A benchmark's command-line options, {@code --name=value} each.
 *
 * @param values option name (without dashes) → value
 */
public record BenchOptions(Map<String, String> values) {

  /**
   * Parses arguments; blank ones are ignored.
   *
   * @throws IllegalArgumentException for an argument not of the form {@code --name=value}
   */
  public static BenchOptions parse(String... args) {
    Map<String, String> values = new HashMap<>();
    for (String arg : args) {
      if (arg.isBlank()) {
        continue;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 3) {
        throw new IllegalArgumentException("expected --name=value, not " + arg);
      }
      values.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    return new BenchOptions(Map.copyOf(values));
  }

  /**
   * The integer option {@code name}, or {@code otherwise} when absent.
   *
   * @throws IllegalArgumentException if present but not an integer
   */
  public int integer(String name, int otherwise) {
    String v = values.get(name);
    if (v == null) {
      return otherwise;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " needs an integer, not " + v, e);
    }
  }

  /**
   * The boolean option {@code name} ("true" or "false"), or {@code otherwise} when absent.
   *
   * @throws IllegalArgumentException if present but neither
   */
  public boolean bool(String name, boolean otherwise) {
    String v = values.get(name);
    if (v == null) {
      return otherwise;
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("--" + name + " is true or false, not " + v);
    }
    return Boolean.parseBoolean(v);
  }
}
