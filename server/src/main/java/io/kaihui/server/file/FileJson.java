package io.kaihui.server.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kaihui.protocol.FileView;
import java.util.Optional;

/**
 * A {@link FileView} as the body of a stored chat message (of a conversation or a meeting), so
 * that the message tells what file it carries without another query.
 */
public final class FileJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FileJson() {}

  /** The JSON of a file. */
  public static String write(FileView file) {
    try {
      return JSON.writeValueAsString(file);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a FileView is always JSON", e);
    }
  }

  /** The file of a stored body; empty if it is not one (never throws). */
  public static Optional<FileView> read(String json) {
    try {
      return Optional.ofNullable(JSON.readValue(json, FileView.class));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
