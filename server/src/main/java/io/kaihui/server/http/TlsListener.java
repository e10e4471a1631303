package io.kaihui.server.http;

import java.nio.file.Path;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS listener: Jetty's TLS connector with a PKCS#12 keystore (TLS 1.2 and 1.3 only).
 *
 * @param host the address to bind
 * @param port the port (0 for a free one)
 * @param keystore the PKCS#12 keystore holding the certificate and key
 * @param password the keystore's password
 */
public record TlsListener(String host, int port, Path keystore, String password) {

  /** Makes the connector; Javalin calls this while building the Jetty server. */
  Connector connector(Server server, HttpConfiguration plain) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(keystore.toString());
    ssl.setKeyStorePassword(password);
    ssl.setKeyStoreType("PKCS12");
    ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    HttpConfiguration https = new HttpConfiguration(plain);
    // The self-signed certificate is used by IP address, so do not insist on SNI host names.
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector connector = new ServerConnector(server,
        new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }

  /** The HTTPS port of a started Javalin, or -1 when it has none. */
  public static int boundPort(io.javalin.Javalin app) {
    return boundPort(app, true);
  }

  /** The plain-HTTP port of a started Javalin, or -1 when it has none. */
  public static int boundPlainPort(io.javalin.Javalin app) {
    return boundPort(app, false);
  }

  private static int boundPort(io.javalin.Javalin app, boolean secure) {
    for (Connector c : app.jettyServer().server().getConnectors()) {
      if (c instanceof ServerConnector sc
          && (sc.getDefaultConnectionFactory() instanceof SslConnectionFactory) == secure) {
        return sc.getLocalPort();
      }
    }
    return -1;
  }
}
