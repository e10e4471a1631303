package io.kaihui.media;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * Settings of a {@link MediaEngine}.
 *
 * @param bindAddress the local address of the UDP socket; {@code null} for the wildcard address
 * @param port the UDP port for all transports (default 10000; 0 picks a free port, for tests)
 * @param announcedAddresses the addresses put into ICE host candidates, in order of preference;
 *     empty means "every address of this host" as {@link HostAddresses#discover()} finds them
 * @param consentTimeout a transport with no valid STUN request for this long is closed
 *     (RFC 7675 §5.1 says 30 s)
 */
public record MediaEngineConfig(
    InetAddress bindAddress, int port, List<InetAddress> announcedAddresses,
    Duration consentTimeout) {

  /** The default UDP port for media. */
  public static final int DEFAULT_PORT = 10000;

  /** Validates the settings. */
  public MediaEngineConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("UDP port out of range: " + port);
    }
    announcedAddresses = List.copyOf(announcedAddresses);
    if (consentTimeout.isNegative() || consentTimeout.isZero()) {
      throw new IllegalArgumentException("consent timeout must be positive: " + consentTimeout);
    }
  }

  /** The defaults: wildcard address, port 10000, every host address announced, 30 s consent. */
  public static MediaEngineConfig defaults() {
    return new MediaEngineConfig(null, DEFAULT_PORT, List.of(), Duration.ofSeconds(30));
  }
}
