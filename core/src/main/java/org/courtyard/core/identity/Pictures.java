package org.courtyard.core.identity;

import java.util.List;

/** The pictures young learners choose from, and the animal avatars shown on the class grid. */
public final class Pictures {
  public record Picture(String name, String symbol) {}

  public static final List<Picture> SECRETS = List.of(
      new Picture("cat", "🐱"), new Picture("dog", "🐶"), new Picture("sun", "☀️"),
      new Picture("star", "⭐"), new Picture("apple", "🍎"), new Picture("car", "🚗"),
      new Picture("fish", "🐟"), new Picture("tree", "🌳"), new Picture("ball", "⚽"),
      new Picture("moon", "🌙"), new Picture("house", "🏠"), new Picture("flower", "🌼"));

  public static final List<Picture> AVATARS = List.of(
      new Picture("fox", "🦊"), new Picture("owl", "🦉"), new Picture("frog", "🐸"),
      new Picture("bear", "🐻"), new Picture("lion", "🦁"), new Picture("panda", "🐼"),
      new Picture("rabbit", "🐰"), new Picture("tiger", "🐯"), new Picture("penguin", "🐧"),
      new Picture("koala", "🐨"), new Picture("monkey", "🐵"), new Picture("unicorn", "🦄"));

  public static final int SEQUENCE_LENGTH = 3;

  private Pictures() {}

  public static boolean isSecret(String name) { return SECRETS.stream().anyMatch(p -> p.name().equals(name)); }

  public static String avatarSymbol(String name) {
    return AVATARS.stream().filter(p -> p.name().equals(name)).map(Picture::symbol).findFirst().orElse("🙂");
  }

  public static String secretSymbol(String name) {
    return SECRETS.stream().filter(p -> p.name().equals(name)).map(Picture::symbol).findFirst().orElse("?");
  }

  /** The stored form of a sequence, e.g. "cat,sun,tree"; validated so only known pictures are hashed. */
  public static String sequence(List<String> names) {
    if (names.size() != SEQUENCE_LENGTH || !names.stream().allMatch(Pictures::isSecret)) {
      throw new IllegalArgumentException("Choose " + SEQUENCE_LENGTH + " pictures.");
    }
    return String.join(",", names);
  }
}
