package io.kaihui.media.srtp;

import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jitsi.utils.logging2.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logger jitsi-srtp requires, bridged to SLF4J. jitsi-srtp logs at debug and info level
 * from inside its per-packet methods (every replayed or unauthentic packet, and the replay
 * window after each accepted one), so those levels are dropped here: the session counts
 * failures instead ({@link SrtpFailure}). Warnings and errors, which only configuration
 * mistakes cause, go to SLF4J.
 */
final class JitsiSrtpLogger implements Logger {

  /** The one instance; it has no state. */
  static final JitsiSrtpLogger INSTANCE = new JitsiSrtpLogger();

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SrtpSession.class);

  private JitsiSrtpLogger() {}

  @Override
  public Logger createChildLogger(String name, Map<String, String> context) {
    return this;
  }

  @Override
  public Logger createChildLogger(String name) {
    return this;
  }

  @Override
  public void setUseParentHandlers(boolean useParentHandlers) {}

  @Override
  public void addHandler(Handler handler) {}

  @Override
  public void removeHandler(Handler handler) {}

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public void trace(Object msg) {}

  @Override
  public void trace(Supplier<String> msgSupplier) {}

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public void debug(Object msg) {}

  @Override
  public void debug(Supplier<String> msgSupplier) {}

  @Override
  public boolean isInfoEnabled() {
    return false;
  }

  @Override
  public void info(Object msg) {}

  @Override
  public void info(Supplier<String> msgSupplier) {}

  @Override
  public boolean isWarnEnabled() {
    return LOG.isWarnEnabled();
  }

  @Override
  public void warn(Object msg) {
    LOG.warn("jitsi-srtp: {}", msg);
  }

  @Override
  public void warn(Supplier<String> msgSupplier) {
    if (LOG.isWarnEnabled()) {
      LOG.warn("jitsi-srtp: {}", msgSupplier.get());
    }
  }

  @Override
  public void warn(Object msg, Throwable t) {
    LOG.warn("jitsi-srtp: {}", msg, t);
  }

  @Override
  public void error(Object msg) {
    LOG.error("jitsi-srtp: {}", msg);
  }

  @Override
  public void error(Supplier<String> msgSupplier) {
    if (LOG.isErrorEnabled()) {
      LOG.error("jitsi-srtp: {}", msgSupplier.get());
    }
  }

  @Override
  public void error(Object msg, Throwable t) {
    LOG.error("jitsi-srtp: {}", msg, t);
  }

  @Override
  public void setLevelError() {}

  @Override
  public void setLevelWarn() {}

  @Override
  public void setLevelInfo() {}

  @Override
  public void setLevelDebug() {}

  @Override
  public void setLevelTrace() {}

  @Override
  public void setLevelAll() {}

  @Override
  public void setLevelOff() {}

  @Override
  public void setLevel(Level level) {}

  @Override
  public Level getLevel() {
    return Level.WARNING;
  }

  @Override
  public void addContext(Map<String, String> addedContext) {}

  @Override
  public void addContext(String key, String value) {}
}
