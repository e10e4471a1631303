package io.kaihui.bench;

import com.microsoft.playwright.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a benchmark ran on, to print beside its figures.
 *
 * @param cores logical processors available to the JVM
 * @param cpuModel the first "model name" of /proc/cpuinfo ("unknown" without it)
 * @param chromium Chromium's version
 * @param jdk the JDK running the benchmark: vendor and version
 */
public record Machine(int cores, String cpuModel, String chromium, String jdk) {

  /** Describes this machine and the given browser. */
  public static Machine describe(Browser browser) {
    return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(),
        browser.version(), System.getProperty("java.vendor") + " " + Runtime.version());
  }

  /** One line for the report. */
  public String line() {
    return "machine: " + cores + " cores, " + cpuModel + "; Chromium " + chromium + "; JDK " + jdk;
  }

  private static String readCpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
