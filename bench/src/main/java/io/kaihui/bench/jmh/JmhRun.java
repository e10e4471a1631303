package io.kaihui.bench.jmh;

import io.kaihui.e2e.NetworkNamespace;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the JMH benchmarks of this package (all, or those matching the arguments, as JMH's own
 * {@code Main} takes them), inside a loopback-only network namespace when this process may make
 * one, since {@link ForwardBench} speaks ICE.
 *
 * <pre>
 * ./mvnw -B -q -pl bench compile exec:exec -Dbench=jmh.JmhRun -Dbench.args="SrtpBench -rf csv"
 * </pre>
 */
public final class JmhRun {

  private JmhRun() {}

  /** Runs JMH, here or in a namespace; exits with its status. */
  public static void main(String[] args) throws Exception {
    List<String> jmh = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), "org.openjdk.jmh.Main"));
    jmh.addAll(args.length == 0 ? List.of("io.kaihui.bench.jmh.*") : List.of(args));
    try (NetworkNamespace ns = NetworkNamespace.create()) {
      System.exit(new ProcessBuilder(ns == null ? jmh : ns.wrap(jmh)).inheritIO().start()
          .waitFor());
    }
  }
}
