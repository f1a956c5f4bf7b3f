package org.courtyard.core.i18n;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The reader of the request this thread is answering, for a service a tool calls without handing over
 * its request: the shared uploads service refuses a file in the reader's language, because
 * {@code Uploads.accept(upload, field, ...)} in the plugin API has no request to ask. Set by the core
 * for the length of each request ({@code Web.run}, as {@code RequestMemo} is); outside one (a job, a
 * test calling the service directly) the words are English.
 */
public final class ReaderWords {
  /** What a service needs of the reader: their language, and words in it (with their school's own wording). */
  public interface Reader {
    String language();

    String t(Words words);

    /** The locale for lists and numbers; English as in the UK ("a, b or c"). */
    default Locale locale() { return "en".equals(language()) ? Locale.UK : Locale.forLanguageTag(language()); }
  }

  /** Whoever reads English words from the shipped bundle: no request. */
  public static final Reader ENGLISH = new Reader() {
    @Override public String language() { return "en"; }

    @Override public String t(Words words) { return words.english(); }
  };

  private static final ThreadLocal<Reader> CURRENT = new ThreadLocal<>();

  private ReaderWords() {}

  /** Runs {@code work} with {@code reader} as this thread's reader, then puts back whoever was before. */
  public static <T> T run(Reader reader, Callable<T> work) throws Exception {
    Reader outer = CURRENT.get();
    CURRENT.set(reader);
    try {
      return work.call();
    } finally {
      if (outer == null) CURRENT.remove();
      else CURRENT.set(outer);
    }
  }

  /** This request's reader, or {@link #ENGLISH} outside a request. */
  public static Reader current() {
    Reader r = CURRENT.get();
    return r == null ? ENGLISH : r;
  }
}
