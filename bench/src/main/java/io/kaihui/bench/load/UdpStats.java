package io.kaihui.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The UDP counters of this network namespace from {@code /proc/net/snmp} (the {@code Udp:}
 * lines, as {@code nstat} shows them): datagrams the kernel dropped because a socket's receive
 * or send buffer was full. Inside the load run's own namespace they count only the run's
 * sockets, server and participants alike.
 *
 * @param receiveBufferErrors {@code RcvbufErrors}: datagrams dropped at a full receive buffer
 * @param sendBufferErrors {@code SndbufErrors}: datagrams not sent for a full send buffer
 */
public record UdpStats(long receiveBufferErrors, long sendBufferErrors) {

  /**
   * Reads the counters now.
   *
   * @throws IllegalStateException if /proc/net/snmp is missing or does not parse
   */
  public static UdpStats now() {
    try {
      return parse(Files.readString(Path.of("/proc/net/snmp")));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/net/snmp: " + e.getMessage(), e);
    }
  }

  /**
   * Parses the file's contents: a header line and a value line, both starting {@code Udp:}.
   *
   * @throws IllegalStateException if they are not there or lack the two counters
   */
  static UdpStats parse(String snmp) {
    String[] names = null;
    for (String line : snmp.split("\n")) {
      if (!line.startsWith("Udp: ")) {
        continue;
      }
      String[] fields = line.substring(5).trim().split("\\s+");
      if (names == null) {
        names = fields;
        continue;
      }
      if (fields.length != names.length) {
        throw new IllegalStateException("Udp header and values differ in length: " + line);
      }
      long rcv = -1;
      long snd = -1;
      for (int i = 0; i < names.length; i++) {
        try {
          if (names[i].equals("RcvbufErrors")) {
            rcv = Long.parseLong(fields[i]);
          } else if (names[i].equals("SndbufErrors")) {
            snd = Long.parseLong(fields[i]);
          }
        } catch (NumberFormatException e) {
          throw new IllegalStateException("not a number in " + line, e);
        }
      }
      if (rcv < 0 || snd < 0) {
        throw new IllegalStateException("no RcvbufErrors/SndbufErrors in " + String.join(" ",
            names));
      }
      return new UdpStats(rcv, snd);
    }
    throw new IllegalStateException("no Udp: lines in /proc/net/snmp");
  }

  /**
   * Datagrams the kernel dropped at the receive buffers of one process's UDP sockets, over each
   * socket's life: the {@code drops} column of {@code /proc/net/udp} and {@code udp6} for the
   * sockets among the process's file descriptors ({@code /proc/<pid>/fd}, {@code socket:[inode]}).
   *
   * @param pid the process, e.g. the server
   * @throws IllegalStateException if /proc cannot be read
   */
  public static long socketDrops(long pid) {
    Set<String> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid),
        "fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // Closed meanwhile.
        }
      }
      long drops = 0;
      for (String table : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
        Path file = Path.of(table);
        if (Files.exists(file)) {
          drops += socketDrops(Files.readString(file), inodes);
        }
      }
      return drops;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the sockets of " + pid + ": " + e, e);
    }
  }

  /**
   * Sums the {@code drops} column (the last) of a {@code /proc/net/udp} table over the sockets
   * whose inode (the tenth column) is given.
   *
   * @throws IllegalStateException if a line does not parse
   */
  static long socketDrops(String table, Set<String> inodes) {
    long drops = 0;
    String[] lines = table.split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].trim().split("\\s+");
      if (f.length < 13) {
        if (lines[i].isBlank()) {
          continue;
        }
        throw new IllegalStateException("not a /proc/net/udp line: " + lines[i]);
      }
      if (inodes.contains(f[9])) {
        try {
          drops += Long.parseLong(f[f.length - 1]);
        } catch (NumberFormatException e) {
          throw new IllegalStateException("drops is not a number: " + lines[i], e);
        }
      }
    }
    return drops;
  }

  /** The drops counted since {@code earlier}: receive plus send buffer errors. */
  public long dropsSince(UdpStats earlier) {
    return receiveBufferErrors - earlier.receiveBufferErrors
        + sendBufferErrors - earlier.sendBufferErrors;
  }
}
