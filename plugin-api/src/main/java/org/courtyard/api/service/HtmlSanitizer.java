package org.courtyard.api.service;

/**
 * Cleans HTML written by users: keeps text formatting, lists, links (http, https, mailto; opened
 * with rel=nofollow noopener), images from the school's own files, tables; drops scripts, styles,
 * event handlers and anything else. Run it on the way in and store the result.
 */
public interface HtmlSanitizer {
  String sanitize(String untrustedHtml);

  /** Plain text to safe HTML paragraphs (escaped, line breaks kept). */
  String textToHtml(String plainText);
}
