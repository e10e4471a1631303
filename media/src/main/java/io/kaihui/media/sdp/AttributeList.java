package io.kaihui.media.sdp;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Predicate;

/**
 * The ordered {@code a=} lines of one level of a description (session or one media section), as a
 * mutable {@link List} of {@link Attribute} with look-ups by name. Order is kept as written, and
 * unknown attributes are kept verbatim, so writing reproduces them.
 *
 * <p>The typed accessors of {@link SessionDescription} and {@link MediaDescription} read and write
 * through this list. Nulls are rejected. Not thread-safe, like the rest of the model.
 */
public final class AttributeList extends AbstractList<Attribute> implements RandomAccess {

  /** Parses one attribute value into a typed view; package-private plumbing for accessors. */
  @FunctionalInterface
  interface ValueParser<T> {
    T parse(String value) throws SdpParseException;
  }

  private final ArrayList<Attribute> items = new ArrayList<>();

  /** Creates an empty list. */
  public AttributeList() {}

  @Override
  public Attribute get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public Attribute set(int index, Attribute element) {
    return items.set(index, Objects.requireNonNull(element, "attribute"));
  }

  @Override
  public void add(int index, Attribute element) {
    items.add(index, Objects.requireNonNull(element, "attribute"));
    modCount++;
  }

  @Override
  public Attribute remove(int index) {
    modCount++;
    return items.remove(index);
  }

  /**
   * Appends {@code a=name:value}, or the flag {@code a=name} when {@code value} is null.
   *
   * @param name the attribute name, an SDP token
   * @param value the value, or null for a flag
   * @throws IllegalArgumentException if the name is not a token or the value holds CR, LF or NUL
   */
  public void add(String name, String value) {
    add(new Attribute(name, value));
  }

  /**
   * The first attribute with a name.
   *
   * @param name the attribute name
   * @return the attribute, or null if there is none
   */
  public Attribute first(String name) {
    for (Attribute a : items) {
      if (a.is(name)) {
        return a;
      }
    }
    return null;
  }

  /**
   * Whether an attribute with this name is present (flag or value).
   *
   * @param name the attribute name
   * @return true if present
   */
  public boolean has(String name) {
    return first(name) != null;
  }

  /**
   * The value of the first attribute with a name.
   *
   * @param name the attribute name
   * @return the value, or null if absent or a flag (use {@link #has(String)} to tell apart)
   */
  public String value(String name) {
    Attribute a = first(name);
    return a == null ? null : a.value();
  }

  /**
   * The values of all attributes with a name, in order (null for flags).
   *
   * @param name the attribute name
   * @return a new list
   */
  public List<String> values(String name) {
    List<String> out = new ArrayList<>();
    for (Attribute a : items) {
      if (a.is(name)) {
        out.add(a.value());
      }
    }
    return out;
  }

  /**
   * Sets an attribute that occurs once: replaces the first one with this name in place, removes any
   * others, or appends when there is none.
   *
   * @param name the attribute name
   * @param value the value, or null for a flag
   * @throws IllegalArgumentException if the name is not a token or the value holds CR, LF or NUL
   */
  public void put(String name, String value) {
    replace(a -> a.is(name), new Attribute(name, value));
  }

  /**
   * Adds the flag {@code a=name} (as {@link #put(String, String)}) or removes every attribute with
   * that name.
   *
   * @param name the attribute name
   * @param present whether the flag should be present
   */
  public void putFlag(String name, boolean present) {
    if (present) {
      put(name, null);
    } else {
      removeNamed(name);
    }
  }

  /**
   * Removes every attribute with a name.
   *
   * @param name the attribute name
   * @return how many were removed
   */
  public int removeNamed(String name) {
    int before = items.size();
    removeIf(a -> a.is(name));
    return before - items.size();
  }

  /**
   * Puts {@code replacement} where the first attribute matching {@code which} is, removes the other
   * matches, or appends when nothing matches.
   */
  void replace(Predicate<Attribute> which, Attribute replacement) {
    int at = -1;
    for (int i = 0; i < items.size(); i++) {
      if (which.test(items.get(i))) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      add(replacement);
      return;
    }
    items.set(at, replacement);
    for (int i = items.size() - 1; i > at; i--) {
      if (which.test(items.get(i))) {
        remove(i);
      }
    }
  }

  /**
   * Parses the first attribute with a name.
   *
   * @return the typed value, or null if absent
   * @throws IllegalStateException if the attribute was added by hand and is malformed (a parsed
   *     description never has malformed known attributes)
   */
  <T> T parseFirst(String name, ValueParser<T> parser) {
    Attribute a = first(name);
    return a == null ? null : parseOne(a, parser);
  }

  /**
   * Parses every attribute with a name, in order.
   *
   * @return a new list
   * @throws IllegalStateException as {@link #parseFirst(String, ValueParser)}
   */
  <T> List<T> parseAll(String name, ValueParser<T> parser) {
    List<T> out = new ArrayList<>();
    for (Attribute a : items) {
      if (a.is(name)) {
        out.add(parseOne(a, parser));
      }
    }
    return out;
  }

  private static <T> T parseOne(Attribute a, ValueParser<T> parser) {
    try {
      return parser.parse(a.value());
    } catch (SdpParseException e) {
      throw new IllegalStateException("malformed a=" + a.name() + ": " + e.reason(), e);
    }
  }
}
