package io.kaihui.protocol;

/**
 * REST: the body of {@code POST /api/v1/meetings}, which only a signed-in person may send; they
 * become the meeting's host.
 *
 * @param title the title, 1 to 100 characters after trimming; null or blank for the default
 *     ("&lt;host's display name&gt;'s meeting")
 * @param allowGuests whether people without an account may join by link; absent (null) means
 *     false
 */
public record MeetingCreate(String title, Boolean allowGuests) {

  /** Whether guests may join; false when {@code allowGuests} was absent. */
  public boolean guestsAllowed() {
    return Boolean.TRUE.equals(allowGuests);
  }
}
