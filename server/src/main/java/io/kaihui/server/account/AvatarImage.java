package io.kaihui.server.account;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded picture into the stored avatar: a {@value #SIDE}×{@value #SIDE} PNG cut from
 * the middle of the picture.
 *
 * <p>The upload is untrusted and small files can hide huge images (a "decompression bomb": a
 * few kilobytes of PNG claiming 50,000 × 50,000 pixels, 10 GB once decoded). So the image's
 * size is read from its header first, and anything over {@value #MAX_SIDE} pixels a side or
 * {@value #MAX_PIXELS} pixels in all is refused before a single pixel is decoded. Only the
 * centred square is decoded, and a square over {@value #MAX_DECODED_SIDE} pixels a side is
 * decoded subsampled, so a decode holds at most about 2048 × 2048 pixels; at most
 * {@code maxConcurrentDecodes} decodes run at once. The square is then scaled down by
 * successive halvings with bilinear filtering (each one a 2 × 2 average) and a last bicubic step,
 * which keeps fine detail without the aliasing of a one-step resize.
 *
 * <p>Readable formats are PNG, JPEG and GIF (the first frame), and WebP when an ImageIO plugin
 * for it is on the class path. The format is told from the file's own bytes; the declared
 * content type only has to be one of the supported ones. The PNG written carries no metadata of
 * the upload (no EXIF location). Thread-safe.
 */
public final class AvatarImage {

  /** Side of the stored avatar, in pixels. */
  public static final int SIDE = 256;

  /** Largest upload accepted, in bytes (5 MiB). */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  /** Most pixels (width × height) an upload's image may have. */
  public static final long MAX_PIXELS = 40_000_000L;

  /** Longest side an upload's image may have, in pixels. */
  public static final int MAX_SIDE = 8192;

  /** Longest side decoded; a larger square is decoded subsampled to at most this. */
  static final int MAX_DECODED_SIDE = 2048;

  private static final Set<String> BASE_TYPES = Set.of("image/png", "image/jpeg", "image/gif");

  private final Semaphore decoders;
  private final Set<String> contentTypes;

  /**
   * Creates the converter.
   *
   * @param maxConcurrentDecodes how many uploads may be decoded at once, at least 1; each holds
   *     up to about 32 MB while it runs
   */
  public AvatarImage(int maxConcurrentDecodes) {
    this.decoders = new Semaphore(Math.max(1, maxConcurrentDecodes), true);
    Set<String> types = new LinkedHashSet<>(BASE_TYPES);
    if (ImageIO.getImageReadersByMIMEType("image/webp").hasNext()) {
      types.add("image/webp");
    }
    this.contentTypes = Set.copyOf(types);
  }

  /** The content types accepted: PNG, JPEG, GIF, and WebP when a reader for it is installed. */
  public Set<String> contentTypes() {
    return contentTypes;
  }

  /**
   * Whether uploads of a content type are accepted, so that a wrong one is refused before its
   * body is read.
   *
   * @param contentType a {@code Content-Type} header, parameters allowed; may be null
   * @return true for PNG, JPEG, GIF and (with a reader for it) WebP
   */
  public boolean accepts(String contentType) {
    return contentTypes.contains(mediaType(contentType));
  }

  /**
   * Converts an upload.
   *
   * @param file the uploaded bytes
   * @param contentType the upload's {@code Content-Type}, parameters allowed
   * @return the avatar as PNG bytes, {@value #SIDE}×{@value #SIDE}
   * @throws AccountException {@code avatar_too_large} (over {@value #MAX_BYTES} bytes, or an
   *     image over the size limits), {@code avatar_invalid} (an unsupported content type, not an
   *     image of a supported format, or a broken one)
   */
  public byte[] toPng(byte[] file, String contentType) throws AccountException {
    if (!accepts(contentType)) {
      throw invalid("an avatar is a PNG, JPEG or GIF image"
          + (contentTypes.contains("image/webp") ? " or WebP" : ""));
    }
    if (file.length > MAX_BYTES) {
      throw new AccountException(AccountException.AVATAR_TOO_LARGE,
          "an avatar file is at most " + MAX_BYTES + " bytes");
    }
    BufferedImage square = decodeSquare(file);
    return writePng(resize(square, SIDE));
  }

  /** The media type of a Content-Type header, lower case, without parameters; "" when null. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim().toLowerCase(Locale.ROOT);
    return type.equals("image/jpg") || type.equals("image/pjpeg") ? "image/jpeg" : type;
  }

  /** Reads the header, checks the size, then decodes the centred square. */
  private BufferedImage decodeSquare(byte[] file) throws AccountException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(file))) {
      ImageReader reader = readerFor(in);
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1) {
          throw invalid("the image is empty");
        }
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
          throw new AccountException(AccountException.AVATAR_TOO_LARGE, "an avatar image is at"
              + " most " + MAX_SIDE + " pixels a side and " + MAX_PIXELS + " pixels in all");
        }
        int side = Math.min(width, height);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(new Rectangle((width - side) / 2, (height - side) / 2, side, side));
        int step = (side + MAX_DECODED_SIDE - 1) / MAX_DECODED_SIDE;
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        decoders.acquireUninterruptibly();
        try {
          return reader.read(0, param);
        } finally {
          decoders.release();
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      // ImageIO's readers throw IIOException for broken files, and some of them runtime
      // exceptions (IndexOutOfBounds, IllegalArgument, IllegalState) for malicious ones.
      throw invalid("the image cannot be read");
    }
  }

  private ImageReader readerFor(ImageInputStream in) throws AccountException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    while (readers.hasNext()) {
      ImageReader r = readers.next();
      if (r.getOriginatingProvider() != null && r.getOriginatingProvider().getMIMETypes() != null) {
        for (String mime : r.getOriginatingProvider().getMIMETypes()) {
          if (contentTypes.contains(mediaType(mime))) {
            return r;
          }
        }
      }
      r.dispose();
    }
    throw invalid("the file is not a PNG, JPEG or GIF image");
  }

  /**
   * Scales a square image to {@code side}×{@code side}: halvings with bilinear filtering while
   * the image is at least twice the target, then one bicubic step. Alpha is kept if present.
   *
   * @param image a square image (a differing width and height are stretched)
   * @param side the target side
   * @return a new {@code TYPE_INT_ARGB} or {@code TYPE_INT_RGB} image
   */
  static BufferedImage resize(BufferedImage image, int side) {
    int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB
        : BufferedImage.TYPE_INT_RGB;
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage current = draw(image, w, h, type, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    while (w / 2 >= side && h / 2 >= side) {
      w /= 2;
      h /= 2;
      current = draw(current, w, h, type, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }
    if (w != side || h != side) {
      current = draw(current, side, side, type, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }
    return current;
  }

  private static BufferedImage draw(BufferedImage source, int width, int height, int type,
      Object interpolation) {
    BufferedImage out = new BufferedImage(width, height, type);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING,
          RenderingHints.VALUE_COLOR_RENDER_QUALITY);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static byte[] writePng(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    // A memory-cached stream: ImageIO.write would cache in a temporary file.
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), writer.getDefaultWriteParam());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write PNG to memory", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static AccountException invalid(String message) {
    return new AccountException(AccountException.AVATAR_INVALID, message);
  }
}
