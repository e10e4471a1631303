package io.kaihui.media;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadFactory;

/**
 * The one UDP socket of a {@link MediaEngine}: Netty's epoll transport on Linux (NIO
 * elsewhere), read and written on one event loop.
 *
 * <p>Each received datagram is copied into one reusable array and handed to the {@link Receiver}
 * on the loop; writes made while handling a batch of reads are flushed once at the end of the
 * batch ({@code channelReadComplete}).
 */
final class MediaSocket implements AutoCloseable {

  /** Receives datagrams on the socket's event loop. */
  interface Receiver {
    /**
     * Handles one datagram. The array is reused after the call returns.
     *
     * @param buf the datagram's bytes, with at least {@link #HEADROOM} spare bytes after it
     * @param len its length in bytes (it starts at offset 0)
     * @param sender who sent it
     */
    void onDatagram(byte[] buf, int len, InetSocketAddress sender);
  }

  /** Largest datagram read, in bytes; larger ones are truncated by the kernel and dropped. */
  static final int MAX_DATAGRAM = 1500;

  /** Spare bytes after a datagram in the receive array, for in-place SRTP work. */
  static final int HEADROOM = 64;

  /** The receive and send buffer asked of the kernel, in bytes. */
  static final int SOCKET_BUFFER_BYTES = 4 << 20;

  private final EventLoopGroup group;
  private final Channel channel;
  private final byte[] receiveBuffer = new byte[MAX_DATAGRAM + HEADROOM];
  private final MediaEngineCounters counters;
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MediaSocket.class);
  private static final long ERROR_LOG_INTERVAL_NANOS = 60_000_000_000L;

  private boolean inReadBatch;
  private long lastErrorLogNanos = Long.MIN_VALUE / 2;

  MediaSocket(InetSocketAddress bind, Receiver receiver, MediaEngineCounters counters)
      throws InterruptedException {
    this.counters = counters;
    ThreadFactory threads = r -> {
      Thread t = new Thread(r, "kaihui-media");
      t.setDaemon(true);
      return t;
    };
    boolean epoll = Epoll.isAvailable();
    group = new MultiThreadIoEventLoopGroup(1, threads,
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Bootstrap b = new Bootstrap()
        .group(group)
        .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
        .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
        .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES)
        .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(2048))
        .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
          @Override
          protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            inReadBatch = true;
            ByteBuf content = packet.content();
            int len = content.readableBytes();
            counters.increment(MediaCounter.DATAGRAMS_RECEIVED);
            if (len > MAX_DATAGRAM) {
              counters.increment(MediaCounter.DATAGRAMS_OVERSIZED);
              return;
            }
            content.getBytes(content.readerIndex(), receiveBuffer, 0, len);
            receiver.onDatagram(receiveBuffer, len, packet.sender());
          }

          @Override
          public void channelReadComplete(ChannelHandlerContext ctx) {
            inReadBatch = false;
            ctx.flush();
          }

          @Override
          public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A bug in a handler must not close the shared socket: count it, log it now and
            // then (not per packet), and go on with the next datagram.
            counters.increment(MediaCounter.INTERNAL_ERRORS);
            long now = System.nanoTime();
            if (now - lastErrorLogNanos > ERROR_LOG_INTERVAL_NANOS) {
              lastErrorLogNanos = now;
              log.error("media packet handling failed ({} so far)",
                  counters.get(MediaCounter.INTERNAL_ERRORS), cause);
            }
          }
        });
    channel = b.bind(bind).sync().channel();
    warnIfBuffersCapped(epoll);
  }

  /**
   * Linux caps socket buffers at {@code net.core.rmem_max} / {@code wmem_max} (and reports
   * twice the granted size); a capped receive buffer drops media whenever the loop falls behind
   * for a moment, so say so once, with the remedy.
   */
  private void warnIfBuffersCapped(boolean linux) {
    // Linux reports twice what it granted (socket(7), SO_RCVBUF).
    int reportedPerGranted = linux ? 2 : 1;
    int rcv = channel.config().getOption(ChannelOption.SO_RCVBUF) / reportedPerGranted;
    int snd = channel.config().getOption(ChannelOption.SO_SNDBUF) / reportedPerGranted;
    if (rcv < SOCKET_BUFFER_BYTES || snd < SOCKET_BUFFER_BYTES) {
      log.warn("the media socket got {} KB receive and {} KB send buffers, less than the {} KB"
          + " asked for; raise net.core.rmem_max and net.core.wmem_max (docs/operations.md)",
          rcv / 1024, snd / 1024, SOCKET_BUFFER_BYTES / 1024);
    }
  }

  /** The event loop that reads and writes the socket. */
  EventLoop loop() {
    return channel.eventLoop();
  }

  /** The bound local address (with the actual port when 0 was asked for). */
  InetSocketAddress localAddress() {
    return (InetSocketAddress) channel.localAddress();
  }

  /**
   * Sends a datagram; on the loop only. The bytes are copied, so the array may be reused.
   * Within a read batch the write is flushed at the batch's end, otherwise at once.
   */
  void send(byte[] buf, int off, int len, InetSocketAddress to) {
    ByteBuf out = channel.alloc().directBuffer(len);
    out.writeBytes(buf, off, len);
    counters.increment(MediaCounter.DATAGRAMS_SENT);
    if (inReadBatch) {
      channel.write(new DatagramPacket(out, to), channel.voidPromise());
    } else {
      channel.writeAndFlush(new DatagramPacket(out, to), channel.voidPromise());
    }
  }

  /** Sends a datagram from any thread (the DTLS handshake threads); the bytes are copied. */
  void sendFromAnyThread(byte[] buf, int off, int len, InetSocketAddress to) {
    ByteBuf out = channel.alloc().directBuffer(len);
    out.writeBytes(buf, off, len);
    counters.increment(MediaCounter.DATAGRAMS_SENT);
    channel.writeAndFlush(new DatagramPacket(out, to), channel.voidPromise());
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
