package io.kaihui.server.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.protocol.FileView;
import io.kaihui.server.file.FileService.Limits;
import io.kaihui.server.file.FileService.Upload;
import io.kaihui.server.store.Database;
import io.kaihui.server.store.DatabaseVendor;
import io.kaihui.server.testing.MutableClock;
import io.kaihui.server.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Resumable uploads, content stored once, instant transfer, who may read a file, and the checks
 * of names, media types and hashes, on H2, MariaDB, PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseVendor.class)
class FileServiceTest {

  @Parameter
  DatabaseVendor vendor;

  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final long MALLORY = 3;

  private static final long MIB = 1024 * 1024;
  private static final Limits LIMITS = new Limits(MIB, 3 * MIB, Duration.ofHours(1));
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @TempDir
  Path dir;

  private TestDatabase db;
  private Database database;
  private FileService files;
  private final MutableClock clock = new MutableClock();
  /** Who may read what because it was sent to them: "userId:fileId". */
  private final Set<String> shared = ConcurrentHashMap.newKeySet();
  /** Every question sharedWith was asked: "userId:fileId". */
  private final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    db = TestDatabase.create(vendor);
    database = db.open();
    for (Object[] p : new Object[][] {{ALICE, "alice", "Alice"}, {BOB, "bob", "王小明"},
        {MALLORY, "mallory", "Mallory"}}) {
      database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO users (id, username,"
              + " username_key, display_name, password_hash, created_ms, updated_ms)"
              + " VALUES (:id, :u, :u, :d, 'x', 0, 0)")
          .bind("id", (Long) p[0]).bind("u", (String) p[1]).bind("d", (String) p[2])
          .execute());
    }
    files = service();
  }

  @AfterEach
  void stop() {
    db.close();
  }

  /** A service on the test's directory and database; a second one is a restarted server. */
  private FileService service() {
    return service(true);
  }

  private FileService service(boolean instantFromOthers) {
    return new FileService(database, dir, clock, LIMITS, (userId, fileId) -> {
      asked.add(userId + ":" + fileId);
      return shared.contains(userId + ":" + fileId);
    }, instantFromOthers);
  }

  // ---- helpers ----

  private static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] data) {
    return HexFormat.of().formatHex(sha256(data));
  }

  private static InputStream in(byte[] data, int from, int to) {
    return new ByteArrayInputStream(data, from, to - from);
  }

  private static void refused(int status, String code, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(FileException.class, e -> {
      assertThat(e.code()).as("code").isEqualTo(code);
      assertThat(e.status()).as("status of " + code).isEqualTo(status);
    });
  }

  private Path partial(String id) {
    return dir.resolve("partial").resolve(id);
  }

  private List<Path> blobFiles() throws IOException {
    try (Stream<Path> all = Files.walk(dir.resolve("blobs"))) {
      return all.filter(Files::isRegularFile).toList();
    }
  }

  private List<Path> partialFiles() throws IOException {
    try (Stream<Path> all = Files.list(dir.resolve("partial"))) {
      return all.toList();
    }
  }

  private long refCount(String sha256) {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT ref_count FROM blobs"
            + " WHERE sha256 = :sha").bind("sha", sha256).mapTo(Long.class).one());
  }

  /** Uploads a whole file in one chunk. */
  private FileView upload(FileService service, long owner, byte[] content, String name)
      throws Exception {
    Upload u = service.create(owner, content.length, hex(content), name, "application/pdf");
    Upload done = service.append(owner, u.id(), 0, content.length,
        new ByteArrayInputStream(content), null);
    assertThat(done.offsetBytes()).isEqualTo(content.length);
    return service.file(u.id()).orElseThrow();
  }

  /** Gives up to {@code step} bytes a read: a body arriving in small network packets. */
  private static final class Trickle extends ByteArrayInputStream {
    private final int step;

    Trickle(byte[] data, int step) {
      super(data);
      this.step = step;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, step));
    }
  }

  /** Gives bytes {@code from..breakAt} of data, {@code step} a read, then breaks off. */
  private static final class Broken extends InputStream {
    private final byte[] data;
    private final int breakAt;
    private final int step;
    private int pos;

    Broken(byte[] data, int from, int breakAt, int step) {
      this.data = data;
      this.pos = from;
      this.breakAt = breakAt;
      this.step = step;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= breakAt) {
        throw new IOException("connection reset by peer");
      }
      int n = Math.min(Math.min(len, step), breakAt - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  // ---- uploads ----

  @Test
  void anUploadInChunksBecomesAFileWithItsContentStoredOnce() throws Exception {
    byte[] content = bytes(200_000, 1); // several 64 KiB buffers
    String sha = hex(content);
    Upload u = files.create(ALICE, content.length, sha.toUpperCase(), "报告 (1).pdf",
        "Application/PDF");
    assertThat(u.id()).matches("[A-Za-z0-9_-]{22}");
    assertThat(u.ownerId()).isEqualTo(ALICE);
    assertThat(u.offsetBytes()).isZero();
    assertThat(u.lengthBytes()).isEqualTo(200_000);
    assertThat(u.sha256()).isEqualTo(sha);
    assertThat(u.mediaType()).isEqualTo("application/pdf");
    assertThat(files.upload(ALICE, u.id())).contains(u);
    assertThat(files.upload(BOB, u.id())).as("a stranger's upload is not found").isEmpty();
    assertThat(files.usedBytes(ALICE)).as("an unfinished upload counts").isEqualTo(200_000);
    assertThat(partial(u.id())).exists();

    int[] cuts = {0, 70_000, 140_001, 200_000};
    for (int i = 0; i + 1 < cuts.length; i++) {
      clock.advance(Duration.ofSeconds(1));
      Upload after = files.append(ALICE, u.id(), cuts[i], cuts[i + 1] - cuts[i],
          in(content, cuts[i], cuts[i + 1]), null);
      assertThat(after.offsetBytes()).isEqualTo(cuts[i + 1]);
      assertThat(after.id()).isEqualTo(u.id());
      if (i + 2 < cuts.length) {
        assertThat(files.upload(ALICE, u.id()).orElseThrow().offsetBytes())
            .isEqualTo(cuts[i + 1]);
        assertThat(Files.readAllBytes(partial(u.id())))
            .isEqualTo(Arrays.copyOf(content, cuts[i + 1]));
        assertThat(files.file(u.id())).as("not a file before its last byte").isEmpty();
      }
    }

    FileView file = files.file(u.id()).orElseThrow();
    assertThat(file.id()).isEqualTo(u.id());
    assertThat(file.name()).isEqualTo("报告 (1).pdf");
    assertThat(file.sizeBytes()).isEqualTo(200_000);
    assertThat(file.sha256()).isEqualTo(sha);
    assertThat(file.mediaType()).isEqualTo("application/pdf");
    assertThat(file.createdMs()).isEqualTo(clock.millis());
    assertThat(files.owner(u.id())).isEqualTo(ALICE);
    Path content0 = files.content(file);
    assertThat(content0).isEqualTo(dir.resolve("blobs").resolve(sha.substring(0, 2))
        .resolve(sha));
    assertThat(Files.readAllBytes(content0)).isEqualTo(content);
    assertThat(files.upload(ALICE, u.id())).isEmpty();
    assertThat(db.count("uploads")).isZero();
    assertThat(db.count("files")).isEqualTo(1);
    assertThat(refCount(sha)).isEqualTo(1);
    assertThat(partial(u.id())).doesNotExist();
    assertThat(blobFiles()).containsExactly(content0);
    assertThat(files.usedBytes(ALICE)).as("counted once, as a file").isEqualTo(200_000);
    // The upload is over: more bytes find nothing.
    refused(404, FileException.NOT_FOUND, () -> files.append(ALICE, u.id(), 200_000, 0,
        new ByteArrayInputStream(new byte[0]), null));
  }

  @Test
  void aBrokenStreamKeepsWhatArrivedAndTheUploadResumesAfterARestart() throws Exception {
    byte[] content = bytes(300_000, 2);
    String sha = hex(content);
    Upload u = files.create(ALICE, content.length, sha, "video.mp4", "video/mp4");
    files.append(ALICE, u.id(), 0, 10_000, in(content, 0, 10_000), null);

    // The tab closes after 50 000 more bytes, arriving 7 000 at a time.
    assertThatThrownBy(() -> files.append(ALICE, u.id(), 10_000, 290_000,
        new Broken(content, 10_000, 60_000, 7_000), null))
        .isInstanceOf(IOException.class).hasMessageContaining("connection reset");
    assertThat(files.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isEqualTo(60_000);
    assertThat(Files.readAllBytes(partial(u.id()))).isEqualTo(Arrays.copyOf(content, 60_000));

    // The server restarts: the running hash in memory is gone.
    FileService restarted = service();
    assertThat(restarted.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isEqualTo(60_000);
    refused(409, FileException.OFFSET_MISMATCH, () -> restarted.append(ALICE, u.id(), 10_000,
        -1, in(content, 10_000, 20_000), null));
    // It breaks off again, more than a buffer in, and resumes on the same server.
    assertThatThrownBy(() -> restarted.append(ALICE, u.id(), 60_000, -1,
        new Broken(content, 60_000, 200_000, 65_536), null)).isInstanceOf(IOException.class);
    assertThat(restarted.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isEqualTo(200_000);
    Upload done = restarted.append(ALICE, u.id(), 200_000, 100_000,
        in(content, 200_000, 300_000), null);
    assertThat(done.offsetBytes()).isEqualTo(300_000);

    FileView file = restarted.file(u.id()).orElseThrow();
    assertThat(file.sha256()).isEqualTo(sha);
    assertThat(Files.readAllBytes(restarted.content(file))).isEqualTo(content);
    assertThat(db.count("uploads")).isZero();
    assertThat(refCount(sha)).isEqualTo(1);
  }

  /**
   * "The upload completes with its last byte", even when the stream breaks off just after it
   * (a body without Content-Length whose connection drops before its end): otherwise the
   * upload stands at its full length and no file, and a tus client, told by HEAD that the
   * offset is the length, believes it finished and sends a message naming a file that does not
   * exist.
   */
  @Test
  void aStreamThatBreaksOffAfterItsLastByteStillCompletesTheUpload() throws Exception {
    byte[] content = bytes(5_000, 3);
    Upload u = files.create(ALICE, content.length, hex(content), "a.bin", null);
    try {
      files.append(ALICE, u.id(), 0, -1, new Broken(content, 0, 5_000, 1_000), null);
    } catch (IOException brokenOff) {
      // either answer is fine, as long as the last byte completed the upload
    }
    assertThat(files.upload(ALICE, u.id())).as("the upload is over with its last byte")
        .isEmpty();
    assertThat(files.file(u.id())).as("the file of the upload's id").isPresent();
    assertThat(files.file(u.id()).orElseThrow().sha256()).isEqualTo(hex(content));
    assertThat(db.count("uploads")).isZero();
  }

  @Test
  void aServerKilledAfterTheLastByteCompletesTheUploadOnAnEmptyChunk() throws Exception {
    byte[] content = bytes(5_000, 3);
    Upload u = files.create(ALICE, content.length, hex(content), "a.bin", null);
    Files.write(partial(u.id()), content); // on disk, then killed before completing
    FileService restarted = service();
    assertThat(restarted.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isEqualTo(5_000);
    refused(413, FileException.BEYOND_LENGTH, () -> restarted.append(ALICE, u.id(), 5_000, 1,
        new ByteArrayInputStream(new byte[1]), null));
    Upload done = restarted.append(ALICE, u.id(), 5_000, 0,
        new ByteArrayInputStream(new byte[0]), null);
    assertThat(done.offsetBytes()).isEqualTo(5_000);
    FileView file = restarted.file(u.id()).orElseThrow();
    assertThat(file.sha256()).isEqualTo(hex(content));
    assertThat(Files.readAllBytes(restarted.content(file))).isEqualTo(content);
    assertThat(db.count("uploads")).isZero();
  }

  @Test
  void aChunkWithAWrongChecksumLeavesNothingAndARightOneIsKept() throws Exception {
    byte[] content = bytes(150_000, 4);
    Upload u = files.create(ALICE, content.length, hex(content), "a.bin", null);
    byte[] first = Arrays.copyOf(content, 100_000);
    byte[] corrupted = first.clone();
    corrupted[99_999] ^= 1;

    // The bytes were corrupted on the way: the checksum of what was meant does not match.
    refused(460, FileException.CHECKSUM_MISMATCH, () -> files.append(ALICE, u.id(), 0,
        100_000, new ByteArrayInputStream(corrupted), sha256(first)));
    assertThat(files.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isZero();
    assertThat(Files.size(partial(u.id()))).isZero();
    // A checksum breaking off halfway cannot be checked: nothing of it is kept either.
    assertThatThrownBy(() -> files.append(ALICE, u.id(), 0, 100_000,
        new Broken(content, 0, 80_000, 10_000), sha256(first))).isInstanceOf(IOException.class);
    assertThat(files.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isZero();

    Upload kept = files.append(ALICE, u.id(), 0, 100_000, new ByteArrayInputStream(first),
        sha256(first));
    assertThat(kept.offsetBytes()).isEqualTo(100_000);
    assertThat(files.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isEqualTo(100_000);

    // The last chunk refused: no completion, the first chunk stays.
    byte[] rest = Arrays.copyOfRange(content, 100_000, 150_000);
    byte[] wrong = sha256(rest);
    wrong[0] ^= 1;
    refused(460, FileException.CHECKSUM_MISMATCH, () -> files.append(ALICE, u.id(), 100_000,
        -1, new ByteArrayInputStream(rest), wrong));
    assertThat(files.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isEqualTo(100_000);
    assertThat(files.file(u.id())).isEmpty();
    assertThat(Files.readAllBytes(partial(u.id()))).isEqualTo(first);

    files.append(ALICE, u.id(), 100_000, -1, new ByteArrayInputStream(rest), sha256(rest));
    FileView file = files.file(u.id()).orElseThrow();
    assertThat(file.sha256()).isEqualTo(hex(content));
    assertThat(Files.readAllBytes(files.content(file))).isEqualTo(content);
  }

  @Test
  void aWrongOffsetOrBytesBeyondTheLengthAreRefusedAndNothingOfThemIsKept() throws Exception {
    byte[] content = bytes(1_000, 5);
    Upload u = files.create(ALICE, content.length, hex(content), "a.bin", null);
    files.append(ALICE, u.id(), 0, 300, in(content, 0, 300), null);

    refused(409, FileException.OFFSET_MISMATCH,
        () -> files.append(ALICE, u.id(), 0, 300, in(content, 0, 300), null));
    refused(409, FileException.OFFSET_MISMATCH,
        () -> files.append(ALICE, u.id(), 301, 10, in(content, 301, 311), null));
    assertThat(files.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isEqualTo(300);

    // Content-Length says more than is left.
    byte[] tooMany = Arrays.copyOf(Arrays.copyOfRange(content, 300, 1_000), 750);
    refused(413, FileException.BEYOND_LENGTH, () -> files.append(ALICE, u.id(), 300, 750,
        new ByteArrayInputStream(tooMany), null));
    assertThat(files.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isEqualTo(300);
    // No Content-Length, and more bytes than are left, 100 a read, so some were written first.
    refused(413, FileException.BEYOND_LENGTH, () -> files.append(ALICE, u.id(), 300, -1,
        new Trickle(tooMany, 100), null));
    assertThat(files.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isEqualTo(300);
    assertThat(Files.readAllBytes(partial(u.id()))).isEqualTo(Arrays.copyOf(content, 300));
    // A Content-Length that fits over a body that does not.
    refused(413, FileException.BEYOND_LENGTH, () -> files.append(ALICE, u.id(), 300, 700,
        new Trickle(tooMany, 64), null));
    assertThat(files.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isEqualTo(300);

    // A stranger, or no upload at all.
    refused(404, FileException.NOT_FOUND,
        () -> files.append(MALLORY, u.id(), 300, -1, in(content, 300, 1_000), null));
    refused(404, FileException.NOT_FOUND,
        () -> files.append(ALICE, null, 300, -1, in(content, 300, 1_000), null));
    assertThat(files.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isEqualTo(300);

    // The running hash was restored each time: the rest completes with the right hash.
    files.append(ALICE, u.id(), 300, -1, new Trickle(Arrays.copyOfRange(content, 300, 1_000),
        100), null);
    FileView file = files.file(u.id()).orElseThrow();
    assertThat(Files.readAllBytes(files.content(file))).isEqualTo(content);
  }

  @Test
  void contentOfAnotherHashIsDeletedOnItsLastByte() throws Exception {
    byte[] content = bytes(5_000, 6);
    String announced = hex(bytes(5_000, 7));
    Upload u = files.create(ALICE, content.length, announced, "a.bin", null);
    files.append(ALICE, u.id(), 0, 2_000, in(content, 0, 2_000), null);
    refused(460, FileException.HASH_MISMATCH,
        () -> files.append(ALICE, u.id(), 2_000, 3_000, in(content, 2_000, 5_000), null));
    assertThat(files.upload(ALICE, u.id())).isEmpty();
    assertThat(files.file(u.id())).isEmpty();
    assertThat(partial(u.id())).doesNotExist();
    assertThat(db.count("uploads")).isZero();
    assertThat(db.count("files")).isZero();
    assertThat(db.count("blobs")).isZero();
    assertThat(blobFiles()).isEmpty();
    assertThat(partialFiles()).isEmpty();
    assertThat(files.usedBytes(ALICE)).isZero();
    refused(404, FileException.NOT_FOUND,
        () -> files.append(ALICE, u.id(), 5_000, 0, new ByteArrayInputStream(new byte[0]), null));
  }

  @Test
  void withoutInstantFromOthersOnlyContentOneMayReadGoesInstantly() throws Exception {
    FileService strict = service(false);
    byte[] content = bytes(30_000, 31);
    String sha = hex(content);
    FileView alices = upload(strict, ALICE, content, "contract.pdf");
    // Mallory names the hash of Alice's file: as if the server did not hold it.
    refused(404, FileException.CONTENT_UNKNOWN,
        () -> strict.instant(MALLORY, sha, 30_000, "guess.pdf", null));
    // Alice herself, and Bob once it was sent to him, may send it again at once.
    assertThat(strict.instant(ALICE, sha, 30_000, "again.pdf", null).sha256()).isEqualTo(sha);
    shared.add(BOB + ":" + alices.id());
    assertThat(strict.instant(BOB, sha, 30_000, "fwd.pdf", null).sha256()).isEqualTo(sha);
    assertThat(refCount(sha)).isEqualTo(3);
  }

  @Test
  void theSameContentIsStoredOnceAndSentAgainInstantly() throws Exception {
    byte[] content = bytes(80_000, 8);
    String sha = hex(content);
    FileView alices = upload(files, ALICE, content, "alice.pdf");
    FileView bobs = upload(files, BOB, content, "bob.pdf");
    assertThat(bobs.id()).isNotEqualTo(alices.id());
    assertThat(files.content(bobs)).isEqualTo(files.content(alices));
    assertThat(blobFiles()).containsExactly(files.content(alices));
    assertThat(partialFiles()).isEmpty();
    assertThat(refCount(sha)).isEqualTo(2);
    assertThat(db.count("blobs")).isEqualTo(1);

    // Unknown content, or known content of another size: the same answer.
    refused(404, FileException.CONTENT_UNKNOWN,
        () -> files.instant(MALLORY, hex(bytes(80_000, 9)), 80_000, "x.pdf", null));
    refused(404, FileException.CONTENT_UNKNOWN,
        () -> files.instant(MALLORY, sha, 79_999, "x.pdf", null));
    refused(404, FileException.CONTENT_UNKNOWN,
        () -> files.instant(MALLORY, sha, 80_001, "x.pdf", null));
    assertThat(db.count("files")).isEqualTo(2);
    assertThat(refCount(sha)).isEqualTo(2);

    clock.advance(Duration.ofMinutes(1));
    FileView copy = files.instant(MALLORY, sha.toUpperCase(), 80_000, "副本.pdf", "");
    assertThat(copy.id()).matches("[A-Za-z0-9_-]{22}").isNotIn(alices.id(), bobs.id());
    assertThat(copy.sha256()).isEqualTo(sha);
    assertThat(copy.sizeBytes()).isEqualTo(80_000);
    assertThat(copy.name()).isEqualTo("副本.pdf");
    assertThat(copy.mediaType()).isEqualTo(FileService.OCTET_STREAM);
    assertThat(copy.createdMs()).isEqualTo(clock.millis());
    assertThat(files.file(copy.id())).contains(copy);
    assertThat(files.owner(copy.id())).isEqualTo(MALLORY);
    assertThat(files.usedBytes(MALLORY)).isEqualTo(80_000);
    assertThat(refCount(sha)).isEqualTo(3);
    assertThat(blobFiles()).hasSize(1);
    assertThat(Files.readAllBytes(files.content(copy))).isEqualTo(content);
    assertThat(db.count("files")).isEqualTo(3);
  }

  @Test
  void anEmptyFileIsCompleteAtCreation() throws Exception {
    assertThat(hex(new byte[0])).isEqualTo(EMPTY_SHA256);
    Upload u = files.create(ALICE, 0, EMPTY_SHA256, "empty.txt", "text/plain");
    assertThat(u.lengthBytes()).isZero();
    assertThat(files.upload(ALICE, u.id())).isEmpty();
    FileView file = files.file(u.id()).orElseThrow();
    assertThat(file.sizeBytes()).isZero();
    assertThat(file.name()).isEqualTo("empty.txt");
    assertThat(file.mediaType()).isEqualTo("text/plain");
    assertThat(file.sha256()).isEqualTo(EMPTY_SHA256);
    assertThat(files.content(file)).isRegularFile();
    assertThat(Files.size(files.content(file))).isZero();
    assertThat(partial(u.id())).doesNotExist();
    assertThat(db.count("uploads")).isZero();
    assertThat(refCount(EMPTY_SHA256)).isEqualTo(1);

    Upload again = files.create(BOB, 0, EMPTY_SHA256, "empty.txt", null);
    assertThat(files.file(again.id())).isPresent();
    assertThat(refCount(EMPTY_SHA256)).isEqualTo(2);

    // An empty file announced with another hash is refused at once, and nothing stays.
    refused(460, FileException.HASH_MISMATCH,
        () -> files.create(ALICE, 0, hex(new byte[] {1}), "one.txt", null));
    assertThat(db.count("uploads")).isZero();
    assertThat(db.count("files")).isEqualTo(2);
    assertThat(partialFiles()).isEmpty();
  }

  @Test
  void filesAndUnfinishedUploadsCountAgainstTheQuotaAndTheLargestFileIsLimited()
      throws Exception {
    refused(413, FileException.FILE_TOO_LARGE,
        () -> files.create(ALICE, MIB + 1, hex(new byte[1]), "big.bin", null));
    refused(400, FileException.BAD_UPLOAD,
        () -> files.create(ALICE, -1, hex(new byte[1]), "minus.bin", null));
    assertThat(db.count("uploads")).isZero();

    byte[] big = bytes((int) MIB, 10); // exactly the largest file
    FileView file = upload(files, ALICE, big, "big.bin");
    refused(413, FileException.FILE_TOO_LARGE,
        () -> files.instant(ALICE, file.sha256(), MIB + 1, "big.bin", null));
    assertThat(files.usedBytes(ALICE)).isEqualTo(MIB);
    Upload second = files.create(ALICE, MIB, hex(bytes((int) MIB, 11)), "2.bin", null);
    assertThat(files.usedBytes(ALICE)).isEqualTo(2 * MIB);
    files.create(ALICE, MIB - 10, hex(bytes(10, 12)), "3.bin", null);
    assertThat(files.usedBytes(ALICE)).isEqualTo(3 * MIB - 10);

    refused(413, FileException.QUOTA_EXCEEDED,
        () -> files.create(ALICE, 11, hex(bytes(11, 13)), "4.bin", null));
    refused(413, FileException.QUOTA_EXCEEDED,
        () -> files.instant(ALICE, file.sha256(), MIB, "again.bin", null));
    // Up to the quota exactly is fine.
    files.create(ALICE, 10, hex(bytes(10, 14)), "4.bin", null);
    assertThat(files.usedBytes(ALICE)).isEqualTo(3 * MIB);
    refused(413, FileException.QUOTA_EXCEEDED,
        () -> files.create(ALICE, 1, hex(bytes(1, 15)), "5.bin", null));
    // An empty file takes nothing, so it still fits.
    Upload empty = files.create(ALICE, 0, EMPTY_SHA256, "nothing.bin", null);
    assertThat(files.file(empty.id())).isPresent();
    assertThat(files.usedBytes(ALICE)).isEqualTo(3 * MIB);
    assertThat(db.count("uploads")).isEqualTo(3);

    // Another person has a quota of their own.
    assertThat(files.usedBytes(BOB)).isZero();
    files.instant(BOB, file.sha256(), MIB, "bobs.bin", null);
    assertThat(files.usedBytes(BOB)).isEqualTo(MIB);

    // Cancelling an upload gives its room back.
    files.terminate(ALICE, second.id());
    assertThat(files.usedBytes(ALICE)).isEqualTo(2 * MIB);
    files.instant(ALICE, file.sha256(), MIB, "again.bin", null);
    assertThat(files.usedBytes(ALICE)).isEqualTo(3 * MIB);
    assertThat(refCount(file.sha256())).isEqualTo(3);
  }

  // ---- reading ----

  @Test
  void theOwnerAndThoseItWasSentToMayReadAFileAndGarbageIdsFindNothing() throws Exception {
    FileView file = upload(files, ALICE, bytes(1_000, 16), "a.pdf");
    String f = file.id();
    assertThat(files.mayRead(ALICE, f)).isTrue();
    assertThat(files.mayRead(BOB, f)).isFalse();
    assertThat(files.mayRead(MALLORY, f)).isFalse();
    shared.add(BOB + ":" + f);
    assertThat(files.mayRead(BOB, f)).isTrue();
    assertThat(files.mayRead(MALLORY, f)).isFalse();
    assertThat(files.mayRead(MALLORY, "A".repeat(22))).as("no such file").isFalse();

    Upload u = files.create(ALICE, 10, hex(new byte[10]), "b.bin", null);
    String unknown = "A".repeat(22); // well formed, but no file's
    List<String> garbage = new ArrayList<>(Arrays.asList("", null, "../x", ".".repeat(22),
        "a".repeat(500), "../" + f.substring(3), f + "x", f.substring(1), f + "/../" + f,
        f.substring(0, 21) + "=", f.substring(0, 21) + "\u0000", " " + f.substring(1)));
    // Even if the conversations said yes to a malformed id, it would be no file.
    garbage.stream().filter(g -> g != null).forEach(g -> shared.add(MALLORY + ":" + g));
    garbage.add(unknown);
    asked.clear();
    for (String g : garbage) {
      String what = g == null ? "null" : "\"" + g + "\"";
      assertThat(files.file(g)).as(what).isEmpty();
      assertThat(files.owner(g)).as(what).isEqualTo(-1);
      assertThat(files.mayRead(ALICE, g)).as(what).isFalse();
      assertThat(files.mayRead(MALLORY, g)).as(what).isFalse();
      assertThat(files.upload(ALICE, g)).as(what).isEmpty();
      refused(404, FileException.NOT_FOUND, () -> files.terminate(ALICE, g));
      refused(404, FileException.NOT_FOUND,
          () -> files.append(ALICE, g, 0, -1, new ByteArrayInputStream(new byte[10]), null));
    }
    assertThat(asked).as("only well-formed ids reach the conversations")
        .containsExactly(ALICE + ":" + unknown, MALLORY + ":" + unknown);
    // Nothing was harmed.
    assertThat(files.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isZero();
    assertThat(files.file(f)).contains(file);
    assertThat(db.count("files")).isEqualTo(1);
  }

  /**
   * Ids are base64url, where case matters (128 random bits): an id differing from a file's or
   * an upload's in case only names neither, on every database, whatever its collation
   * (MariaDB's utf8mb4_unicode_ci compares without case).
   */
  @Test
  void anIdDifferingOnlyInCaseNamesNothing() throws Exception {
    FileView file = upload(files, ALICE, bytes(100, 21), "a.bin");
    String f = swapCase(file.id());
    assertThat(f).isNotEqualTo(file.id());
    assertThat(files.file(f)).as("file(%s) for %s", f, file.id()).isEmpty();
    assertThat(files.owner(f)).isEqualTo(-1);
    assertThat(files.mayRead(ALICE, f)).isFalse();

    byte[] content = bytes(100, 22);
    Upload u = files.create(ALICE, 100, hex(content), "b.bin", null);
    String other = swapCase(u.id());
    assertThat(files.upload(ALICE, other)).isEmpty();
    refused(404, FileException.NOT_FOUND,
        () -> files.append(ALICE, other, 0, -1, in(content, 0, 50), null));
    refused(404, FileException.NOT_FOUND, () -> files.terminate(ALICE, other));
    assertThat(files.upload(ALICE, u.id())).as("the real upload is untouched").isPresent();
  }

  private static String swapCase(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return b.toString();
  }

  // ---- field checks ----

  @Test
  void namesAreCheckedAndLongChineseAndEmojiNamesAreStoredWhole() throws Exception {
    assertThat(FileService.name("报告 (1).pdf")).isEqualTo("报告 (1).pdf");
    StringBuilder mixed = new StringBuilder();
    for (int i = 0; i < FileService.MAX_NAME_CODE_POINTS; i++) {
      mixed.appendCodePoint(i % 3 == 0 ? 0x1F389 : 0x4E00 + i); // 🎉 and CJK ideographs
    }
    String emoji = "😀".repeat(FileService.MAX_NAME_CODE_POINTS); // 510 UTF-16 units
    for (String name : List.of(mixed.toString(), emoji)) {
      assertThat(name.codePointCount(0, name.length())).isEqualTo(255);
      assertThat(FileService.name(name)).isEqualTo(name);
      // And the database keeps it whole.
      Upload u = files.create(ALICE, 0, EMPTY_SHA256, name, null);
      assertThat(files.file(u.id()).orElseThrow().name()).isEqualTo(name);
    }
    assertThat(FileService.name("a..b")).isEqualTo("a..b");
    assertThat(FileService.name(".bashrc")).isEqualTo(".bashrc");

    List<String> bad = Arrays.asList(null, "", " ", " \t\n ", "文".repeat(256),
        "😀".repeat(256), "a".repeat(256), "a/b", "/etc/passwd", "a\\b", "..\\x", ".", "..",
        "a\u0000b", "\u0000", "evil\u202Egpj.exe", "bell\u0007", "lone \uD800 half",
        "\uDC00", "x\uD83D", "zero\u200Bwidth");
    for (String name : bad) {
      assertThatThrownBy(() -> FileService.name(name)).as(String.valueOf(name))
          .isInstanceOfSatisfying(FileException.class, e -> {
            assertThat(e.code()).isEqualTo(FileException.BAD_NAME);
            assertThat(e.status()).isEqualTo(400);
          });
    }
    // create refuses them before anything is stored.
    long before = db.count("files");
    refused(400, FileException.BAD_NAME, () -> files.create(ALICE, 10, hex(new byte[10]),
        "a/b", null));
    refused(400, FileException.BAD_NAME, () -> files.instant(ALICE, EMPTY_SHA256, 0,
        "evil\u202Egpj.exe", null));
    assertThat(db.count("uploads")).isZero();
    assertThat(db.count("files")).isEqualTo(before);
    assertThat(partialFiles()).isEmpty();
  }

  @Test
  void mediaTypesAndHashesAreChecked() throws Exception {
    assertThat(FileService.mediaType(null)).isEqualTo("application/octet-stream");
    assertThat(FileService.mediaType("")).isEqualTo("application/octet-stream");
    assertThat(FileService.mediaType("IMAGE/PNG")).isEqualTo("image/png");
    assertThat(FileService.mediaType("image/svg+xml")).isEqualTo("image/svg+xml");
    assertThat(FileService.mediaType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    for (String type : List.of("text/html; charset=utf-8", "x", "/png", "image/", "image/png ",
        " image/png", "text/html\r\nX-Evil: 1", "image/png/x", "图片/png")) {
      refused(400, FileException.BAD_UPLOAD, () -> FileService.mediaType(type));
    }

    String sha = hex(new byte[] {42});
    assertThat(FileService.hash(sha)).isEqualTo(sha);
    assertThat(FileService.hash(sha.toUpperCase())).isEqualTo(sha);
    for (String hash : Arrays.asList(null, "", "g".repeat(64), "a".repeat(63), "a".repeat(65),
        sha.substring(1) + " ", "0x" + sha.substring(2), sha + "\n", "../" + sha.substring(3))) {
      refused(400, FileException.BAD_UPLOAD, () -> FileService.hash(hash));
    }
    refused(400, FileException.BAD_UPLOAD, () -> files.create(ALICE, 1, "a".repeat(63),
        "a.bin", null));
    refused(400, FileException.BAD_UPLOAD, () -> files.create(ALICE, 1, sha, "a.bin",
        "text/html; charset=utf-8"));
    refused(400, FileException.BAD_UPLOAD, () -> files.instant(ALICE, "xyz", 1, "a.bin", null));
    assertThat(db.count("uploads")).isZero();
    assertThat(partialFiles()).isEmpty();
  }

  // ---- cleaning up ----

  @Test
  void uploadsWithoutNewBytesForTheirTimeArePurged() throws Exception {
    byte[] content = bytes(100, 17);
    Upload stale = files.create(ALICE, 100, hex(content), "stale.bin", null);
    files.append(ALICE, stale.id(), 0, 50, in(content, 0, 50), null);
    Upload busy = files.create(BOB, 100, hex(content), "busy.bin", null);
    clock.advance(Duration.ofMinutes(30));
    files.append(BOB, busy.id(), 0, 10, in(content, 0, 10), null); // bytes arrive: touched
    clock.advance(Duration.ofMinutes(31)); // stale idle 61 min, busy 31
    Upload fresh = files.create(ALICE, 100, hex(content), "fresh.bin", null);
    assertThat(files.purgeAbandoned()).isEqualTo(1);
    assertThat(files.upload(ALICE, stale.id())).isEmpty();
    assertThat(partial(stale.id())).doesNotExist();
    assertThat(files.upload(BOB, busy.id()).orElseThrow().offsetBytes()).isEqualTo(10);
    assertThat(files.upload(ALICE, fresh.id())).isPresent();
    assertThat(partial(fresh.id())).exists();
    assertThat(files.usedBytes(ALICE)).isEqualTo(100);
    refused(404, FileException.NOT_FOUND,
        () -> files.append(ALICE, stale.id(), 50, -1, in(content, 50, 100), null));

    clock.advance(Duration.ofMinutes(30)); // busy idle 61 min, fresh 30
    assertThat(files.purgeAbandoned()).isEqualTo(1);
    assertThat(files.upload(BOB, busy.id())).isEmpty();
    assertThat(partial(busy.id())).doesNotExist();
    assertThat(files.upload(ALICE, fresh.id())).isPresent();
    assertThat(files.purgeAbandoned()).isZero();
    assertThat(db.count("uploads")).isEqualTo(1);
    assertThat(partialFiles()).containsExactly(partial(fresh.id()));
    // A finished file is never purged.
    FileView kept = upload(files, ALICE, bytes(10, 18), "kept.bin");
    clock.advance(Duration.ofDays(30));
    assertThat(files.purgeAbandoned()).isEqualTo(1); // fresh
    assertThat(files.file(kept.id())).isPresent();
    assertThat(files.content(kept)).isRegularFile();
    assertThat(partialFiles()).isEmpty();
  }

  @Test
  void anUploadIsCancelledByItsOwnerOnly() throws Exception {
    byte[] content = bytes(1_000, 19);
    Upload u = files.create(ALICE, 1_000, hex(content), "a.bin", null);
    files.append(ALICE, u.id(), 0, 400, in(content, 0, 400), null);
    refused(404, FileException.NOT_FOUND, () -> files.terminate(MALLORY, u.id()));
    assertThat(files.upload(ALICE, u.id()).orElseThrow().offsetBytes()).isEqualTo(400);
    assertThat(partial(u.id())).exists();

    files.terminate(ALICE, u.id());
    assertThat(files.upload(ALICE, u.id())).isEmpty();
    assertThat(partial(u.id())).doesNotExist();
    assertThat(db.count("uploads")).isZero();
    assertThat(files.usedBytes(ALICE)).isZero();
    refused(404, FileException.NOT_FOUND, () -> files.terminate(ALICE, u.id()));
    refused(404, FileException.NOT_FOUND,
        () -> files.append(ALICE, u.id(), 400, -1, in(content, 400, 1_000), null));

    // A finished file is no upload to cancel.
    FileView file = upload(files, ALICE, content, "done.bin");
    refused(404, FileException.NOT_FOUND, () -> files.terminate(ALICE, file.id()));
    assertThat(files.file(file.id())).isPresent();
  }

  @Test
  void whileOneRequestWritesAnUploadAnotherIsToldItIsBusy() throws Exception {
    byte[] content = bytes(1_000, 20);
    Upload u = files.create(ALICE, 1_000, hex(content), "a.bin", null);
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    InputStream slow = new InputStream() {
      private int pos;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (pos == 500) {
          reading.countDown();
          try {
            if (!release.await(30, TimeUnit.SECONDS)) {
              throw new IOException("not released");
            }
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
          return -1;
        }
        int n = Math.min(len, 500 - pos);
        System.arraycopy(content, pos, b, off, n);
        pos += n;
        return n;
      }
    };
    CompletableFuture<Upload> first = CompletableFuture.supplyAsync(() -> {
      try {
        return files.append(ALICE, u.id(), 0, -1, slow, null);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    try {
      assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
      refused(423, FileException.UPLOAD_BUSY,
          () -> files.append(ALICE, u.id(), 0, -1, in(content, 0, 1_000), null));
      refused(423, FileException.UPLOAD_BUSY, () -> files.terminate(ALICE, u.id()));
      assertThat(files.purgeAbandoned()).isZero();
      clock.advance(Duration.ofHours(2));
      assertThat(files.purgeAbandoned()).as("not while bytes are arriving").isZero();
    } finally {
      release.countDown();
    }
    assertThat(first.get(30, TimeUnit.SECONDS).offsetBytes()).isEqualTo(500);
    files.append(ALICE, u.id(), 500, 500, in(content, 500, 1_000), null);
    assertThat(Files.readAllBytes(files.content(files.file(u.id()).orElseThrow())))
        .isEqualTo(content);
  }
}
