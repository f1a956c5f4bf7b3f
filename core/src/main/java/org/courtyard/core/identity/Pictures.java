package org.courtyard.core.identity;

import java.util.List;
import org.courtyard.core.i18n.Refusal;

/** The pictures young learners choose from, and the animal avatars shown on the class grid. */
public final class Pictures {
  public record Picture(String name, String symbol) {}

  public static final List<Picture> SECRETS = List.of(
      new Picture("cat", "🐱"), new Picture("dog", "🐶"), new Picture("sun", "☀️"),
      new Picture("star", "⭐"), new Picture("apple", "🍎"), new Picture("car", "🚗"),
      new Picture("fish", "🐟"), new Picture("tree", "🌳"), new Picture("ball", "⚽"),
      new Picture("moon", "🌙"), new Picture("house", "🏠"), new Picture("flower", "🌼"), new Picture("bird", "🐦"),
      new Picture("boat", "⛵"), new Picture("cake", "🎂"), new Picture("rainbow", "🌈"));

  public static final List<Picture> AVATARS = List.of(
      new Picture("fox", "🦊"), new Picture("owl", "🦉"), new Picture("frog", "🐸"),
      new Picture("bear", "🐻"), new Picture("lion", "🦁"), new Picture("panda", "🐼"),
      new Picture("rabbit", "🐰"), new Picture("tiger", "🐯"), new Picture("penguin", "🐧"),
      new Picture("koala", "🐨"), new Picture("monkey", "🐵"), new Picture("unicorn", "🦄"));

  /**
   * Four picks from sixteen pictures: 16^4 = 65,536 sequences (three from twelve gave 1,728). With the
   * daily limit of wrong tries per class page, a stranger who knows a class's link has under 1 in
   * 10,000 chance a day of getting into any child's account (docs/DESIGN.md has the arithmetic).
   */
  public static final int SEQUENCE_LENGTH = 4;
  /** Sequences chosen before four picks; they still work, but only on a device the teacher set up. */
  public static final int OLD_SEQUENCE_LENGTH = 3;

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
      throw new Refusal("pictures.chooseCount", "count", SEQUENCE_LENGTH);
    }
    // The sixteen "same picture four times" sequences are the first anyone would guess.
    if (names.stream().distinct().count() == 1) throw new Refusal("pictures.twoDifferent");
    return String.join(",", names);
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /** Four pictures picked at random (what the arithmetic in docs/DESIGN.md assumes), never one picture four times. */
  public static List<String> random() {
    while (true) {
      List<String> out = new java.util.ArrayList<>();
      for (int i = 0; i < SEQUENCE_LENGTH; i++) out.add(SECRETS.get(RANDOM.nextInt(SECRETS.size())).name());
      if (out.stream().distinct().count() > 1) return out;
    }
  }

  /** A sequence tried at sign-in: a new four-picture one, or an old three-picture one. */
  static String attempt(List<String> names) {
    if ((names.size() != SEQUENCE_LENGTH && names.size() != OLD_SEQUENCE_LENGTH) || !names.stream().allMatch(Pictures::isSecret)) {
      throw new Refusal("pictures.chooseCount", "count", SEQUENCE_LENGTH);
    }
    return String.join(",", names);
  }
}
