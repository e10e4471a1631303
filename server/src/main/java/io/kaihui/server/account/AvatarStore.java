package io.kaihui.server.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored avatars: one PNG per account in {@code <data dir>/avatars}, named
 * {@code <userId>-<16 hex digits>.png}. The name is the account's {@link User#avatarRef()}; a new
 * upload gets a new random name, so that a URL naming it can be cached for good, and the
 * previous file is deleted once the account points at the new one. A file is written under a
 * temporary name and moved into place atomically, so a reader never sees half an image.
 * Thread-safe; uploads of one account are serialized.
 */
public final class AvatarStore {

  private static final Logger log = LoggerFactory.getLogger(AvatarStore.class);

  private static final Pattern REF = Pattern.compile("(\\d{1,16})-([0-9a-f]{16})\\.png");

  private final Path directory;
  private final AccountService accounts;
  private final AvatarImage images;
  private final SecureRandom random = new SecureRandom();
  private final Object[] locks = new Object[64];

  /**
   * Creates the store.
   *
   * @param directory where the PNG files live; created when the first one is written
   * @param accounts records which file is whose
   * @param images converts uploads
   */
  public AvatarStore(Path directory, AccountService accounts, AvatarImage images) {
    this.directory = directory;
    this.accounts = accounts;
    this.images = images;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /** The directory of the files. */
  public Path directory() {
    return directory;
  }

  /** The image converter, for the content types it accepts. */
  public AvatarImage images() {
    return images;
  }

  /**
   * Stores an uploaded picture as an account's avatar, replacing the previous one.
   *
   * @param userId the account
   * @param file the uploaded bytes
   * @param contentType the upload's {@code Content-Type}
   * @return the account, now with the new {@link User#avatarRef()}
   * @throws AccountException {@code avatar_invalid} or {@code avatar_too_large} (see
   *     {@link AvatarImage#toPng}), or {@code user_not_found}; nothing is stored then
   * @throws UncheckedIOException if the file cannot be written
   */
  public User replace(long userId, byte[] file, String contentType) throws AccountException {
    byte[] png = images.toPng(file, contentType);
    synchronized (lock(userId)) {
      User before = accounts.find(userId).orElseThrow(AvatarStore::notFound);
      String ref = userId + "-" + HexFormat.of().toHexDigits(random.nextLong()) + ".png";
      write(ref, png);
      User after;
      try {
        after = accounts.updateAvatar(userId, ref);
      } catch (AccountException | RuntimeException e) {
        delete(ref);
        throw e;
      }
      if (before.avatarRef() != null) {
        delete(before.avatarRef());
      }
      log.info("user {} has a new avatar {}", userId, ref);
      return after;
    }
  }

  /**
   * Removes an account's avatar: it shows initials again.
   *
   * @param userId the account
   * @return the account without an avatar
   * @throws AccountException {@code user_not_found}
   */
  public User remove(long userId) throws AccountException {
    synchronized (lock(userId)) {
      User before = accounts.find(userId).orElseThrow(AvatarStore::notFound);
      User after = accounts.updateAvatar(userId, null);
      if (before.avatarRef() != null) {
        delete(before.avatarRef());
      }
      return after;
    }
  }

  /**
   * The file of an avatar reference.
   *
   * @param avatarRef a reference as stored; null or malformed finds nothing
   * @return the PNG file, or empty if the reference is not one this store makes or the file is
   *     gone
   */
  public Optional<Path> file(String avatarRef) {
    if (avatarRef == null || !REF.matcher(avatarRef).matches()) {
      return Optional.empty();
    }
    Path p = directory.resolve(avatarRef);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * Where an account's avatar is served, carrying its version so that it can be cached for good.
   *
   * @param userId the account
   * @param avatarRef its avatar reference, or null
   * @return {@code /api/v1/users/<id>/avatar?v=<version>}, or null without an avatar
   */
  public static String url(long userId, String avatarRef) {
    return avatarRef == null ? null : "/api/v1/users/" + userId + "/avatar?v=" + version(avatarRef);
  }

  /**
   * The version of an avatar reference, for cache-busting URLs: its random part.
   *
   * @param avatarRef a reference
   * @return 16 hex digits, or the whole reference when it is not one this store makes
   */
  public static String version(String avatarRef) {
    var m = REF.matcher(avatarRef);
    return m.matches() ? m.group(2) : avatarRef;
  }

  private void write(String ref, byte[] png) {
    try {
      Files.createDirectories(directory);
      Path tmp = Files.createTempFile(directory, ".upload-", ".tmp");
      try {
        Files.write(tmp, png);
        try {
          Files.move(tmp, directory.resolve(ref), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, directory.resolve(ref), StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store avatar " + ref, e);
    }
  }

  private void delete(String ref) {
    if (!REF.matcher(ref).matches()) {
      return;
    }
    try {
      Files.deleteIfExists(directory.resolve(ref));
    } catch (IOException e) {
      log.warn("cannot delete old avatar {}: {}", ref, e.toString());
    }
  }

  private Object lock(long userId) {
    return locks[(int) Math.floorMod(userId, (long) locks.length)];
  }

  private static AccountException notFound() {
    return new AccountException(AccountException.USER_NOT_FOUND, "no such account");
  }
}
