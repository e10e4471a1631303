package io.kaihui.server.file;

import io.kaihui.protocol.FileView;
import io.kaihui.server.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files: resumable uploads (the tus 1.0 model: an upload has a length fixed at creation and an
 * offset that only grows), content stored once per SHA-256 and counted by the files that name
 * it, instant transfer of content the server already holds, and who may read a file.
 *
 * <p>On disk, under the directory given: {@code partial/<upload id>} holds the bytes of an
 * upload so far, and its length <em>is</em> the upload's offset, so that an upload interrupted by
 * a closed tab or a killed server resumes from what actually arrived. {@code
 * blobs/<aa>/<sha256>} holds finished content. An upload is hashed as its bytes arrive; on its
 * last byte the hash is compared with the one announced at creation, and only then is the file
 * moved (atomically) among the blobs and its row written. A mismatch deletes the upload.
 *
 * <p>Memory stays flat whatever the size: bytes are streamed through a 64 KiB buffer and the
 * running SHA-256 of each active upload is the only state kept (rebuilt from the partial file
 * after a restart).
 */
public final class FileService {

  private static final Logger log = LoggerFactory.getLogger(FileService.class);

  /** The longest file name, in code points. */
  public static final int MAX_NAME_CODE_POINTS = 255;
  /** The media type of a file that has none. */
  public static final String OCTET_STREAM = "application/octet-stream";

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final Pattern MEDIA_TYPE = Pattern.compile(
      "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}");
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final String FILE_COLUMNS =
      "id, owner_id, sha256, name, media_type, size_bytes, created_ms";

  /**
   * The limits of files.
   *
   * @param maxFileBytes the largest file, in bytes
   * @param quotaBytes what one person's files and unfinished uploads may add up to, in bytes
   * @param partialTtl how long an upload may stay without new bytes before it is deleted
   */
  public record Limits(long maxFileBytes, long quotaBytes, Duration partialTtl) {}

  /**
   * An upload under way.
   *
   * @param id its id, the last part of its URL
   * @param ownerId who uploads it
   * @param lengthBytes the length announced at creation
   * @param offsetBytes how many bytes have arrived
   * @param sha256 the hash the content must have
   * @param name the file name
   * @param mediaType the media type
   */
  public record Upload(String id, long ownerId, long lengthBytes, long offsetBytes,
      String sha256, String name, String mediaType) {}

  /** The running hash of an upload and how many of its bytes it covers. */
  private static final class Running {
    MessageDigest digest = sha256();
    long covered;
  }

  private final Jdbi jdbi;
  private final Path partialDir;
  private final Path blobDir;
  private final Clock clock;
  private final Limits limits;
  private final BiPredicate<Long, String> sharedWith;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, ReentrantLock> writing = new ConcurrentHashMap<>();
  private final Map<String, Running> hashes = new ConcurrentHashMap<>();
  /** Held while blobs gain or lose references, so that none is deleted as it is named again. */
  private final Object blobs = new Object();
  /** Held from a quota check to the row it allows, so that two requests cannot both pass. */
  private final Object quota = new Object();
  private final boolean instantFromOthers;

  /**
   * Creates the service and its directories.
   *
   * @param database the database
   * @param dir where files live (in the data directory)
   * @param clock the time of creation and of idleness
   * @param limits the limits
   * @param sharedWith whether a person may read a file because it was sent into a conversation
   *     they are in (person id, file id)
   * @param instantFromOthers whether instant transfer makes a file of content someone else
   *     uploaded (true, the default), or only of content the sender may already read
   * @throws UncheckedIOException if the directories cannot be made
   */
  public FileService(Database database, Path dir, Clock clock, Limits limits,
      BiPredicate<Long, String> sharedWith, boolean instantFromOthers) {
    this.instantFromOthers = instantFromOthers;
    this.jdbi = database.jdbi();
    this.partialDir = dir.resolve("partial");
    this.blobDir = dir.resolve("blobs");
    this.clock = clock;
    this.limits = limits;
    this.sharedWith = sharedWith;
    try {
      Files.createDirectories(partialDir);
      Files.createDirectories(blobDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the file directories under " + dir, e);
    }
  }

  /** The limits. */
  public Limits limits() {
    return limits;
  }

  // ---- uploads ----

  /**
   * Starts an upload (tus creation). An empty file is complete at once.
   *
   * @param ownerId who uploads
   * @param lengthBytes the file's size
   * @param sha256 SHA-256 of the content, 64 hex digits, checked when the last byte arrives
   * @param name the file name
   * @param mediaType the media type; null or empty for {@value #OCTET_STREAM}
   * @return the upload
   * @throws FileException {@code bad_upload}, {@code bad_name}, {@code file_too_large},
   *     {@code quota_exceeded}, or {@code hash_mismatch} for an empty file of another hash
   */
  public Upload create(long ownerId, long lengthBytes, String sha256, String name,
      String mediaType) throws FileException {
    String hash = hash(sha256);
    String fileName = name(name);
    String type = mediaType(mediaType);
    String id = newId();
    long now = clock.millis();
    synchronized (quota) {
      checkSize(ownerId, lengthBytes);
      try {
        Files.write(partial(id), new byte[0], StandardOpenOption.CREATE_NEW);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create an upload file", e);
      }
      jdbi.useHandle(h -> h.createUpdate("INSERT INTO uploads (id, owner_id, length_bytes,"
              + " sha256, name, media_type, created_ms, touched_ms) VALUES (:id, :owner,"
              + " :length, :sha, :name, :type, :now, :now)")
          .bind("id", id).bind("owner", ownerId).bind("length", lengthBytes).bind("sha", hash)
          .bind("name", fileName).bind("type", type).bind("now", now).execute());
    }
    Upload upload = new Upload(id, ownerId, lengthBytes, 0, hash, fileName, type);
    if (lengthBytes == 0) {
      complete(upload, new Running());
    }
    return upload;
  }

  /**
   * An upload of its owner, with the offset it stands at.
   *
   * @return the upload, or empty if there is none of this id that is the asker's
   */
  public Optional<Upload> upload(long ownerId, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> h.createQuery("SELECT id, owner_id, length_bytes, sha256, name,"
            + " media_type FROM uploads WHERE id = :id AND owner_id = :owner")
        .bind("id", id).bind("owner", ownerId)
        .map((rs, ctx) -> new Upload(rs.getString("id"), rs.getLong("owner_id"),
            rs.getLong("length_bytes"), 0, rs.getString("sha256"), rs.getString("name"),
            rs.getString("media_type")))
        .list())
        .stream().filter(u -> u.id().equals(id)).findFirst()
        .flatMap(u -> {
          try {
            return Optional.of(new Upload(u.id(), u.ownerId(), u.lengthBytes(),
                Files.size(partial(u.id())), u.sha256(), u.name(), u.mediaType()));
          } catch (NoSuchFileException e) {
            return Optional.empty(); // completed or deleted a moment ago
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * Appends bytes at an offset (tus PATCH). The bytes that arrive are kept even when the
   * stream breaks off, so that the client resumes after them; with a checksum, a chunk is kept
   * whole or not at all. The upload completes with its last byte.
   *
   * @param ownerId who uploads
   * @param id the upload
   * @param offset where the client believes the upload stands ({@code Upload-Offset})
   * @param declaredLength the body's {@code Content-Length}, or -1 if not given
   * @param body the bytes
   * @param checksum the SHA-256 the chunk must have (tus checksum extension), or null
   * @return the upload after the bytes, with the file's id (the upload's) when complete
   * @throws FileException {@code file_not_found}, {@code offset_mismatch}, {@code
   *     beyond_length}, {@code checksum_mismatch}, {@code hash_mismatch}, {@code upload_busy}
   * @throws IOException if reading the body fails (what arrived before is kept)
   */
  public Upload append(long ownerId, String id, long offset, long declaredLength,
      InputStream body, byte[] checksum) throws FileException, IOException {
    Upload found = upload(ownerId, id).orElseThrow(FileService::notFound); // no lock for none
    ReentrantLock lock = writing.computeIfAbsent(id, k -> new ReentrantLock());
    if (!lock.tryLock()) {
      throw new FileException(423, FileException.UPLOAD_BUSY,
          "another request is writing this upload; try again");
    }
    boolean finished = false;
    try {
      // Cancelling, purging and completing hold this lock and remove the bytes last (or move
      // them): with the lock held, bytes still there mean the upload is, and their length is
      // its offset.
      Upload upload;
      try {
        upload = new Upload(found.id(), found.ownerId(), found.lengthBytes(),
            Files.size(partial(id)), found.sha256(), found.name(), found.mediaType());
      } catch (NoSuchFileException e) {
        throw notFound();
      }
      if (offset != upload.offsetBytes()) {
        throw new FileException(409, FileException.OFFSET_MISMATCH, "the upload stands at "
            + upload.offsetBytes() + " bytes, not " + offset);
      }
      long room = upload.lengthBytes() - offset;
      if (declaredLength > room) {
        throw new FileException(413, FileException.BEYOND_LENGTH, "the chunk of "
            + declaredLength + " bytes goes past the upload's length of "
            + upload.lengthBytes());
      }
      Running running = running(upload);
      MessageDigest before = cloneOf(running.digest);
      MessageDigest chunk = checksum == null ? null : sha256();
      long written = 0;
      try (FileChannel out = FileChannel.open(partial(id), StandardOpenOption.WRITE)) {
        out.position(offset);
        byte[] buffer = new byte[BUFFER_BYTES];
        try {
          for (int n = read(body, buffer); n >= 0; n = read(body, buffer)) {
            if (written + n > room) {
              throw new FileException(413, FileException.BEYOND_LENGTH,
                  "more bytes than the upload's length of " + upload.lengthBytes()
                  + "; nothing of this chunk was kept");
            }
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
            while (bytes.hasRemaining()) {
              out.write(bytes);
            }
            running.digest.update(buffer, 0, n);
            if (chunk != null) {
              chunk.update(buffer, 0, n);
            }
            written += n;
            running.covered = offset + written;
          }
          if (chunk != null && !MessageDigest.isEqual(chunk.digest(), checksum)) {
            throw new FileException(460, FileException.CHECKSUM_MISMATCH,
                "the chunk does not match its Upload-Checksum; nothing of it was kept");
          }
        } catch (FileException e) {
          undo(out, id, offset, running, before);
          throw e;
        } catch (BrokenOff e) {
          // The stream broke off (a closed tab, a lost network): what arrived stays, unless
          // the chunk had a checksum, which can no longer be checked. When the last byte had
          // arrived, the upload is complete all the same.
          if (chunk != null) {
            undo(out, id, offset, running, before);
            throw e;
          }
          out.force(false);
          if (offset + written != upload.lengthBytes()) {
            throw e;
          }
        } finally {
          touch(id);
        }
        out.force(false);
      }
      Upload after = new Upload(id, ownerId, upload.lengthBytes(), offset + written,
          upload.sha256(), upload.name(), upload.mediaType());
      if (after.offsetBytes() == after.lengthBytes()) {
        finished = true;
        complete(after, running);
      }
      return after;
    } finally {
      if (finished) {
        forget(id, lock); // completed, or deleted for its hash: nobody writes it again
      } else {
        lock.unlock();
      }
    }
  }

  /** The request body broke off: the client went away. (Other I/O errors are the server's.) */
  public static final class BrokenOff extends IOException {
    BrokenOff(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private static int read(InputStream body, byte[] buffer) throws BrokenOff {
    try {
      return body.read(buffer);
    } catch (IOException e) {
      throw new BrokenOff(e);
    }
  }

  /** Unlocks an upload's lock and drops it, once nobody can write the upload any more. */
  private void forget(String id, ReentrantLock lock) {
    writing.remove(id, lock);
    lock.unlock();
  }

  /**
   * Whether an upload is in the middle of completing: its row is there but its bytes have just
   * moved among the blobs (tus clients asking now should ask again, not start over).
   */
  public boolean completing(long ownerId, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return false;
    }
    return jdbi.withHandle(h -> h.createQuery("SELECT id FROM uploads WHERE id = :id"
            + " AND owner_id = :owner").bind("id", id).bind("owner", ownerId)
        .mapTo(String.class).list()).contains(id);
  }

  /**
   * Deletes an upload and its bytes (tus termination).
   *
   * @throws FileException {@code file_not_found} if it is not the asker's, or is complete
   */
  public void terminate(long ownerId, String id) throws FileException {
    Upload upload = upload(ownerId, id).orElseThrow(FileService::notFound);
    ReentrantLock lock = writing.computeIfAbsent(id, k -> new ReentrantLock());
    if (!lock.tryLock()) {
      throw new FileException(423, FileException.UPLOAD_BUSY,
          "another request is writing this upload; try again");
    }
    try {
      delete(upload.id());
      log.info("user {} cancelled upload {}", ownerId, id);
    } finally {
      forget(id, lock);
    }
  }

  /**
   * Deletes the uploads that had no new bytes for {@link Limits#partialTtl()}.
   *
   * @return how many were deleted
   */
  public int purgeAbandoned() {
    long cutoff = clock.millis() - limits.partialTtl().toMillis();
    var ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM uploads WHERE touched_ms < :cutoff")
        .bind("cutoff", cutoff).mapTo(String.class).list());
    int purged = 0;
    for (String id : ids) {
      ReentrantLock lock = writing.computeIfAbsent(id, k -> new ReentrantLock());
      if (lock.tryLock()) {
        try {
          // Bytes may have arrived since the list was made: only a row still idle goes.
          int gone = jdbi.withHandle(h -> h.createUpdate("DELETE FROM uploads WHERE id = :id"
                  + " AND touched_ms < :cutoff").bind("id", id).bind("cutoff", cutoff).execute());
          if (gone > 0) {
            hashes.remove(id);
            deleteBytes(id);
            purged++;
          }
        } finally {
          forget(id, lock);
        }
      }
    }
    if (purged > 0) {
      log.info("deleted {} abandoned upload(s)", purged);
    }
    return purged;
  }

  // ---- files ----

  /**
   * Instant transfer: a new file of content the server already holds, from its hash alone.
   *
   * @return the file
   * @throws FileException {@code content_unknown} when no content has this hash and size (the
   *     same answer whoever holds it), or the checks of {@link #create}
   */
  public FileView instant(long ownerId, String sha256, long sizeBytes, String name,
      String mediaType) throws FileException {
    String hash = hash(sha256);
    String fileName = name(name);
    String type = mediaType(mediaType);
    if (!instantFromOthers && !readsContent(ownerId, hash)) {
      throw new FileException(404, FileException.CONTENT_UNKNOWN,
          "the server does not hold this content for you; upload it");
    }
    synchronized (quota) {
      checkSize(ownerId, sizeBytes);
      return instantLocked(ownerId, hash, sizeBytes, fileName, type);
    }
  }

  /** Whether someone may already read a file of this content. */
  private boolean readsContent(long userId, String sha256) {
    List<String> ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM files"
        + " WHERE sha256 = :sha").bind("sha", sha256).mapTo(String.class).list());
    return ids.stream().anyMatch(id -> mayRead(userId, id));
  }

  private FileView instantLocked(long ownerId, String hash, long sizeBytes, String fileName,
      String type) throws FileException {
    synchronized (blobs) {
      boolean known = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM blobs"
              + " WHERE sha256 = :sha AND size_bytes = :size AND ref_count > 0")
          .bind("sha", hash).bind("size", sizeBytes).mapTo(Integer.class).one() > 0);
      if (!known || !Files.isRegularFile(blob(hash))) {
        throw new FileException(404, FileException.CONTENT_UNKNOWN,
            "the server does not hold this content; upload it");
      }
      FileView file = new FileView(newId(), fileName, sizeBytes, type, hash, clock.millis());
      jdbi.useTransaction(h -> {
        h.createUpdate("UPDATE blobs SET ref_count = ref_count + 1 WHERE sha256 = :sha")
            .bind("sha", hash).execute();
        insertFile(h, ownerId, file);
      });
      log.info("user {} sent {} bytes instantly as file {}", ownerId, sizeBytes, file.id());
      return file;
    }
  }

  /**
   * A file by its id, whoever asks (check {@link #mayRead} first).
   *
   * @return the file, or empty if the id names none
   */
  public Optional<FileView> file(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> h.createQuery("SELECT " + FILE_COLUMNS + " FROM files"
            + " WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new FileView(rs.getString("id"), rs.getString("name"),
            rs.getLong("size_bytes"), rs.getString("media_type"), rs.getString("sha256"),
            rs.getLong("created_ms")))
        .list())
        .stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /**
   * Who sent a file.
   *
   * @return the owner's id, or -1 if the id names no file
   */
  public long owner(String fileId) {
    if (fileId == null || !ID.matcher(fileId).matches()) {
      return -1;
    }
    return jdbi.withHandle(h -> h.createQuery("SELECT id, owner_id FROM files WHERE id = :id")
        .bind("id", fileId)
        .map((rs, ctx) -> rs.getString("id").equals(fileId) ? rs.getLong("owner_id") : -1L)
        .list()).stream().filter(o -> o >= 0).findFirst().orElse(-1L);
  }

  /**
   * Whether someone may read a file: its sender, and the people of a conversation it was sent
   * into.
   */
  public boolean mayRead(long userId, String fileId) {
    if (fileId == null || !ID.matcher(fileId).matches()) {
      return false;
    }
    return owner(fileId) == userId || sharedWith.test(userId, fileId);
  }

  /**
   * Where a file's content is.
   *
   * @param file a file
   * @return the path of its content (read only)
   */
  public Path content(FileView file) {
    return blob(file.sha256());
  }

  /** What one person's files and unfinished uploads add up to, in bytes. */
  public long usedBytes(long ownerId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(size_bytes), 0) FROM files"
            + " WHERE owner_id = :owner").bind("owner", ownerId).mapTo(Long.class).one()
        + h.createQuery("SELECT COALESCE(SUM(length_bytes), 0) FROM uploads"
            + " WHERE owner_id = :owner").bind("owner", ownerId).mapTo(Long.class).one());
  }

  // ---- field checks, public for the HTTP layer's parsing ----

  /**
   * Checks a SHA-256 given as hex.
   *
   * @return it in lower case
   * @throws FileException {@code bad_upload} unless 64 hex digits
   */
  public static String hash(String sha256) throws FileException {
    if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
      throw new FileException(400, FileException.BAD_UPLOAD,
          "sha256 must be 64 hexadecimal digits");
    }
    return sha256.toLowerCase(Locale.ROOT);
  }

  /**
   * Checks a file name: 1..255 code points, no {@code /} or {@code \}, not {@code .} or
   * {@code ..}, no control or format characters (such as U+202E, which turns text around to
   * disguise an extension), no lone surrogates.
   *
   * @return the name
   * @throws FileException {@code bad_name}
   */
  public static String name(String name) throws FileException {
    if (name == null || name.isBlank()) {
      throw badName("a file needs a name");
    }
    if (name.codePointCount(0, name.length()) > MAX_NAME_CODE_POINTS) {
      throw badName("a file name has at most " + MAX_NAME_CODE_POINTS + " characters");
    }
    if (name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
        || name.indexOf('\\') >= 0) {
      throw badName("a file name is not a path");
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT
          || type == Character.SURROGATE) {
        throw badName("a file name has no control or invisible formatting characters");
      }
      i += Character.charCount(c);
    }
    return name;
  }

  /**
   * Checks a media type ({@code type/subtype}, no parameters).
   *
   * @return it in lower case, or {@value #OCTET_STREAM} for null or empty
   * @throws FileException {@code bad_upload}
   */
  public static String mediaType(String mediaType) throws FileException {
    if (mediaType == null || mediaType.isEmpty()) {
      return OCTET_STREAM;
    }
    if (!MEDIA_TYPE.matcher(mediaType).matches()) {
      throw new FileException(400, FileException.BAD_UPLOAD,
          "a media type is type/subtype, as image/png");
    }
    return mediaType.toLowerCase(Locale.ROOT);
  }

  // ---- inside ----

  private void checkSize(long ownerId, long sizeBytes) throws FileException {
    if (sizeBytes < 0) {
      throw new FileException(400, FileException.BAD_UPLOAD, "a length is not negative");
    }
    if (sizeBytes > limits.maxFileBytes()) {
      throw new FileException(413, FileException.FILE_TOO_LARGE, "a file has at most "
          + limits.maxFileBytes() + " bytes");
    }
    long used = usedBytes(ownerId);
    if (used + sizeBytes > limits.quotaBytes()) {
      throw new FileException(413, FileException.QUOTA_EXCEEDED, "your files take " + used
          + " of your " + limits.quotaBytes() + " bytes; this one needs " + sizeBytes);
    }
  }

  /** The running hash of an upload, rebuilt from its partial file if it does not cover it. */
  private Running running(Upload upload) throws IOException {
    Running running = hashes.computeIfAbsent(upload.id(), k -> new Running());
    if (running.covered != upload.offsetBytes()) {
      running.digest = sha256();
      try (InputStream in = Files.newInputStream(partial(upload.id()))) {
        byte[] buffer = new byte[BUFFER_BYTES];
        long left = upload.offsetBytes();
        while (left > 0) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
          if (n < 0) {
            break;
          }
          running.digest.update(buffer, 0, n);
          left -= n;
        }
      }
      running.covered = upload.offsetBytes();
    }
    return running;
  }

  /** Drops what a refused chunk wrote. */
  private void undo(FileChannel out, String id, long offset, Running running,
      MessageDigest before) {
    try {
      out.truncate(offset);
      out.force(false);
      running.digest = before;
      running.covered = offset;
    } catch (IOException e) {
      hashes.remove(id); // rebuilt from whatever the file holds next time
      log.warn("could not cut upload {} back to {} bytes", id, offset, e);
    }
  }

  private void touch(String id) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE uploads SET touched_ms = :now WHERE id = :id")
        .bind("now", clock.millis()).bind("id", id).execute());
  }

  /** The last byte arrived: check the hash, then move the content among the blobs. */
  private void complete(Upload upload, Running running) throws FileException {
    String actual = HexFormat.of().formatHex(running.digest.digest());
    hashes.remove(upload.id());
    if (!actual.equals(upload.sha256())) {
      delete(upload.id());
      log.info("upload {} of user {} deleted: its content hashes to {}, not the {} announced",
          upload.id(), upload.ownerId(), actual, upload.sha256());
      throw new FileException(460, FileException.HASH_MISMATCH, "the file's SHA-256 is "
          + actual + ", not the " + upload.sha256() + " announced; nothing was kept");
    }
    FileView file = new FileView(upload.id(), upload.name(), upload.lengthBytes(),
        upload.mediaType(), upload.sha256(), clock.millis());
    synchronized (blobs) {
      Path target = blob(upload.sha256());
      try {
        if (Files.isRegularFile(target)) {
          Files.delete(partial(upload.id())); // the same content, stored before
        } else {
          Files.createDirectories(target.getParent());
          Files.move(partial(upload.id()), target, StandardCopyOption.ATOMIC_MOVE);
          // The rename reaches the disk before the row that names it.
          try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
          } catch (IOException e) {
            log.debug("cannot sync directory {}: {}", target.getParent(), e.getMessage());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot store upload " + upload.id(), e);
      }
      jdbi.useTransaction(h -> {
        int counted = h.createUpdate("UPDATE blobs SET ref_count = ref_count + 1"
                + " WHERE sha256 = :sha").bind("sha", upload.sha256()).execute();
        if (counted == 0) {
          h.createUpdate("INSERT INTO blobs (sha256, size_bytes, ref_count, created_ms)"
                  + " VALUES (:sha, :size, 1, :now)")
              .bind("sha", upload.sha256()).bind("size", upload.lengthBytes())
              .bind("now", file.createdMs()).execute();
        }
        insertFile(h, upload.ownerId(), file);
        h.createUpdate("DELETE FROM uploads WHERE id = :id").bind("id", upload.id()).execute();
      });
    }
    log.info("user {} uploaded file {} ({} bytes)", upload.ownerId(), file.id(),
        file.sizeBytes());
  }

  private static void insertFile(Handle h, long ownerId, FileView file) {
    h.createUpdate("INSERT INTO files (" + FILE_COLUMNS + ") VALUES (:id, :owner, :sha, :name,"
            + " :type, :size, :now)")
        .bind("id", file.id()).bind("owner", ownerId).bind("sha", file.sha256())
        .bind("name", file.name()).bind("type", file.mediaType()).bind("size", file.sizeBytes())
        .bind("now", file.createdMs()).execute();
  }

  private void delete(String uploadId) {
    hashes.remove(uploadId);
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM uploads WHERE id = :id")
        .bind("id", uploadId).execute());
    deleteBytes(uploadId);
  }

  private void deleteBytes(String uploadId) {
    try {
      Files.deleteIfExists(partial(uploadId));
    } catch (IOException e) {
      log.warn("could not delete the bytes of upload {}", uploadId, e);
    }
  }

  private Path partial(String id) {
    return partialDir.resolve(id);
  }

  private Path blob(String sha256) {
    return blobDir.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  private String newId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static FileException notFound() {
    return new FileException(404, FileException.NOT_FOUND, "no such upload or file");
  }

  private static FileException badName(String message) {
    return new FileException(400, FileException.BAD_NAME, message);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static MessageDigest cloneOf(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the SHA-256 of the JDK can be cloned", e);
    }
  }
}
