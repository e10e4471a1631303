package io.kaihui.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AvatarImageTest {

  private final AvatarImage images = new AvatarImage(2);

  /** Red, green and blue thirds from left to right. */
  static BufferedImage thirds(int width, int height, int type) {
    BufferedImage img = new BufferedImage(width, height, type);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 3, height);
    g.setColor(Color.GREEN);
    g.fillRect(width / 3, 0, width / 3, height);
    g.setColor(Color.BLUE);
    g.fillRect(2 * width / 3, 0, width - 2 * width / 3, height);
    g.dispose();
    return img;
  }

  static byte[] encode(BufferedImage img, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(img, format, out)).isTrue();
    return out.toByteArray();
  }

  static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img).isNotNull();
    return img;
  }

  /** A PNG whose header claims the size, followed by an IDAT of random bytes. */
  static byte[] pngClaiming(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
        .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array());
    byte[] garbage = new byte[64];
    new Random(1).nextBytes(garbage);
    chunk(out, "IDAT", garbage);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** A GIF whose screen and first image claim the size, with a garbage image. */
  static byte[] gifClaiming(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put("GIF89a".getBytes(StandardCharsets.US_ASCII));
    b.putShort((short) width).putShort((short) height).put((byte) 0).put((byte) 0)
        .put((byte) 0);
    b.put((byte) 0x2c).putShort((short) 0).putShort((short) 0).putShort((short) width)
        .putShort((short) height).put((byte) 0);
    b.put((byte) 2).put((byte) 3).put((byte) 0x4c).put((byte) 0x01).put((byte) 0xff)
        .put((byte) 0).put((byte) 0x3b);
    return Arrays.copyOf(b.array(), b.position());
  }

  /** A real JPEG with the size in its SOF0 header patched. */
  static byte[] jpegClaiming(int width, int height) throws IOException {
    byte[] jpeg = encode(thirds(32, 32, BufferedImage.TYPE_INT_RGB), "jpeg");
    for (int i = 0; i + 8 < jpeg.length; i++) {
      if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
        ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
        return jpeg;
      }
    }
    throw new AssertionError("no SOF0 in the JPEG ImageIO wrote");
  }

  private String codeOf(byte[] file, String type) {
    try {
      images.toPng(file, type);
      return "ok";
    } catch (AccountException e) {
      return e.code();
    }
  }

  @Test
  void cropsTheMiddleSquareAndScalesTo256() throws Exception {
    for (String format : List.of("png", "jpeg", "gif")) {
      byte[] file = encode(thirds(600, 400, BufferedImage.TYPE_INT_RGB), format);
      BufferedImage out = decode(images.toPng(file, "image/" + format));
      assertThat(out.getWidth()).as(format).isEqualTo(AvatarImage.SIDE);
      assertThat(out.getHeight()).as(format).isEqualTo(AvatarImage.SIDE);
      // Columns 100..500 of 600: a quarter red, a half green, a quarter blue.
      assertThat(near(out.getRGB(10, 128), Color.RED)).as(format).isTrue();
      assertThat(near(out.getRGB(128, 128), Color.GREEN)).as(format).isTrue();
      assertThat(near(out.getRGB(245, 128), Color.BLUE)).as(format).isTrue();
    }
  }

  @Test
  void aTallPictureLosesItsTopAndBottom() throws Exception {
    BufferedImage tall = new BufferedImage(100, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = tall.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, 100, 300);
    g.setColor(Color.WHITE);
    g.fillRect(0, 100, 100, 100);
    g.dispose();
    BufferedImage out = decode(images.toPng(encode(tall, "png"), "image/png"));
    assertThat(near(out.getRGB(0, 0), Color.WHITE)).isTrue();
    assertThat(near(out.getRGB(255, 255), Color.WHITE)).isTrue();
  }

  @Test
  void smallPicturesAreScaledUpAndBigOnesDecodedSubsampled() throws Exception {
    BufferedImage small = decode(images.toPng(
        encode(thirds(9, 30, BufferedImage.TYPE_INT_RGB), "png"), "image/png"));
    assertThat(small.getWidth()).isEqualTo(256);
    BufferedImage big = decode(images.toPng(
        encode(thirds(4500, 4400, BufferedImage.TYPE_INT_RGB), "png"), "image/png"));
    assertThat(big.getWidth()).isEqualTo(256);
    assertThat(near(big.getRGB(128, 128), Color.GREEN)).isTrue();
    assertThat(near(big.getRGB(2, 128), Color.RED)).isTrue();
  }

  @Test
  void transparencyIsKept() throws Exception {
    BufferedImage img = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillOval(0, 0, 300, 300);
    g.dispose();
    BufferedImage out = decode(images.toPng(encode(img, "png"), "image/png"));
    assertThat(out.getColorModel().hasAlpha()).isTrue();
    assertThat(out.getRGB(0, 0) >>> 24).isZero();
    assertThat(out.getRGB(128, 128) >>> 24).isEqualTo(255);
  }

  @Test
  void contentTypes() throws Exception {
    byte[] png = encode(thirds(40, 40, BufferedImage.TYPE_INT_RGB), "png");
    byte[] jpeg = encode(thirds(40, 40, BufferedImage.TYPE_INT_RGB), "jpeg");
    assertThat(images.contentTypes()).contains("image/png", "image/jpeg", "image/gif");
    assertThat(images.accepts("IMAGE/PNG; charset=binary")).isTrue();
    assertThat(images.accepts("image/jpg")).isTrue();
    for (String t : new String[] {null, "", "text/plain", "image/svg+xml", "image/bmp",
        "application/octet-stream", "image/png2"}) {
      assertThat(images.accepts(t)).as("%s", t).isFalse();
      assertThat(codeOf(png, t)).as("%s", t).isEqualTo("avatar_invalid");
    }
    // The bytes decide the format; the declared type only has to be a supported one.
    assertThat(codeOf(jpeg, "image/png")).isEqualTo("ok");
    // A format ImageIO reads but avatars do not take.
    assertThat(codeOf(encode(thirds(40, 40, BufferedImage.TYPE_INT_RGB), "bmp"), "image/png"))
        .isEqualTo("avatar_invalid");
  }

  @Test
  void decompressionBombsAreRefusedFromTheHeaderAlone() throws Exception {
    // The image data after each header is garbage: decoding it would fail as avatar_invalid,
    // so avatar_too_large shows that the header was refused before any decoding.
    assertThat(codeOf(pngClaiming(50_000, 50_000), "image/png")).isEqualTo("avatar_too_large");
    assertThat(codeOf(pngClaiming(8000, 8000), "image/png")).isEqualTo("avatar_too_large");
    assertThat(codeOf(pngClaiming(8193, 16), "image/png")).isEqualTo("avatar_too_large");
    assertThat(codeOf(pngClaiming(16, Integer.MAX_VALUE), "image/png"))
        .isIn("avatar_too_large", "avatar_invalid");
    assertThat(codeOf(gifClaiming(65_535, 65_535), "image/gif")).isEqualTo("avatar_too_large");
    assertThat(codeOf(jpegClaiming(65_000, 65_000), "image/jpeg")).isEqualTo("avatar_too_large");
    // Within the limits the same garbage is simply not an image.
    assertThat(codeOf(pngClaiming(6000, 6000), "image/png")).isEqualTo("avatar_invalid");
    assertThat(codeOf(pngClaiming(0, 0), "image/png")).isEqualTo("avatar_invalid");
  }

  @Test
  void oversizedFilesAreRefusedUnread() {
    byte[] file = new byte[AvatarImage.MAX_BYTES + 1];
    assertThatThrownBy(() -> images.toPng(file, "image/png"))
        .isInstanceOf(AccountException.class)
        .extracting(e -> ((AccountException) e).code()).isEqualTo("avatar_too_large");
  }

  @Test
  void randomBytesAreRefusedCleanly() {
    Random random = new Random(20260101);
    byte[][] prefixes = {{}, {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
        {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, "GIF89a".getBytes(StandardCharsets.US_ASCII)};
    for (int i = 0; i < 3000; i++) {
      byte[] prefix = prefixes[i % prefixes.length];
      byte[] file = Arrays.copyOf(prefix, prefix.length + random.nextInt(600));
      byte[] tail = new byte[file.length - prefix.length];
      random.nextBytes(tail);
      System.arraycopy(tail, 0, file, prefix.length, tail.length);
      assertThat(codeOf(file, "image/png")).isIn("avatar_invalid", "avatar_too_large");
    }
  }

  @Test
  void truncatedAndMutatedImagesNeverThrowAnythingElse() throws Exception {
    Random random = new Random(7);
    for (String format : List.of("png", "jpeg", "gif")) {
      byte[] good = encode(thirds(60, 45, BufferedImage.TYPE_INT_RGB), format);
      for (int n = 0; n < good.length; n += Math.max(1, good.length / 150)) {
        convertOrRefuse(Arrays.copyOf(good, n), "image/" + format);
      }
      for (int i = 0; i < 400; i++) {
        byte[] bad = good.clone();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
        }
        convertOrRefuse(bad, "image/" + format);
      }
    }
  }

  /** Converts, expecting either a 256×256 PNG or a refusal with an avatar code. */
  private void convertOrRefuse(byte[] file, String type) throws IOException {
    byte[] png;
    try {
      png = images.toPng(file, type);
    } catch (AccountException e) {
      assertThat(e.code()).isIn("avatar_invalid", "avatar_too_large");
      return;
    }
    assertThat(decode(png).getWidth()).isEqualTo(256);
  }

  @Test
  void resizeKeepsSquaresSquare() {
    BufferedImage out = AvatarImage.resize(thirds(1030, 1030, BufferedImage.TYPE_INT_RGB), 256);
    assertThat(out.getWidth()).isEqualTo(256);
    assertThat(out.getHeight()).isEqualTo(256);
    assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    if (!near(out.getRGB(128, 128), Color.GREEN)) {
      fail("the middle is not green: %08x", out.getRGB(128, 128));
    }
  }

  private static boolean near(int argb, Color c) {
    Color got = new Color(argb, true);
    return Math.abs(got.getRed() - c.getRed()) < 24 && Math.abs(got.getGreen() - c.getGreen()) < 24
        && Math.abs(got.getBlue() - c.getBlue()) < 24;
  }
}
