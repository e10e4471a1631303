package io.kaihui.media;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Finds the addresses of this host that browsers may reach, for ICE host candidates. */
public final class HostAddresses {

  private HostAddresses() {}

  /**
   * Returns the addresses of every interface that is up: non-loopback addresses first (IPv4
   * before IPv6, link-local IPv6 left out because browsers cannot use it without a scope), then
   * loopback, so that one server works on a laptop, on a LAN and inside a loopback-only
   * network namespace.
   *
   * @return the addresses, never empty (falls back to 127.0.0.1)
   */
  public static List<InetAddress> discover() {
    List<InetAddress> v4 = new ArrayList<>();
    List<InetAddress> v6 = new ArrayList<>();
    List<InetAddress> loopback = new ArrayList<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp()) {
          continue;
        }
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          if (a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            continue;
          }
          if (a.isLoopbackAddress()) {
            loopback.add(a);
          } else if (a instanceof Inet4Address) {
            v4.add(a);
          } else {
            v6.add(a);
          }
        }
      }
    } catch (SocketException e) {
      // No interface list: loopback below is still usable.
    }
    List<InetAddress> all = new ArrayList<>(v4);
    all.addAll(v6);
    loopback.sort((a, b) -> Boolean.compare(!(a instanceof Inet4Address), !(b instanceof Inet4Address)));
    all.addAll(loopback);
    if (all.isEmpty()) {
      all.add(InetAddress.getLoopbackAddress());
    }
    return List.copyOf(all);
  }
}
