package org.courtyard.plugins.quiz;

import java.util.List;

/**
 * A question in the bank. Which fields matter depends on the type: {@code choices} are the options
 * (choice types), the accepted answers (short answer), the pairs (matching: text ↔ match) or the items
 * in their right order (ordering); {@code number}/{@code tolerance} serve numeric questions and
 * {@code gapText} ("The [cat|kitten] sat") fill-in-the-gaps.
 */
record Question(long id, long spaceId, Long categoryId, String categoryName, QuestionType type, String title, String prompt,
                double points, boolean caseSensitive, Double number, Double tolerance, String gapText, String feedback,
                Media image, Media audio, List<Choice> choices) {

  record Choice(String text, boolean correct, String match) {}

  /** A stored file and its checked content type. */
  record Media(String key, String contentType) {}

  Question withId(long newId) {
    return new Question(newId, spaceId, categoryId, categoryName, type, title, prompt, points, caseSensitive, number, tolerance, gapText,
        feedback, image, audio, choices);
  }

  Question withMedia(Media newImage, Media newAudio) {
    return new Question(id, spaceId, categoryId, categoryName, type, title, prompt, points, caseSensitive, number, tolerance, gapText,
        feedback, newImage, newAudio, choices);
  }

  Question inCategory(Long newCategoryId, String name) {
    return new Question(id, spaceId, newCategoryId, name, type, title, prompt, points, caseSensitive, number, tolerance, gapText,
        feedback, image, audio, choices);
  }

  /** The matching pairs' left-hand sides that are real (a blank left is an extra, wrong right-hand option). */
  int pairs() { return (int) choices.stream().filter(c -> !c.text().isEmpty()).count(); }
}
