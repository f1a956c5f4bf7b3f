package org.courtyard.api.service;

import java.time.Clock;
import org.courtyard.api.data.Database;

/**
 * Every core service a tool may use, in one injectable bundle, so a tool's route classes take their
 * own store and this rather than repeating six constructor parameters each. Each service can still be
 * injected on its own.
 * <pre>
 * &#64;Inject
 * ForumRoutes(ForumStore store, ToolServices core) { this.store = store; this.core = core; }
 * ...
 * core.notifications().notify(author, "New reply", url);
 * </pre>
 *
 * @since 2.0.0
 */
public interface ToolServices {
  Database database();

  /** The core's clock (tests move it on); use it for every "now". */
  Clock clock();

  Directory directory();

  Relationships relationships();

  Permissions permissions();

  Events events();

  HtmlSanitizer sanitizer();

  FileStore files();

  Uploads uploads();

  Notifications notifications();

  ActivityLog activity();

  Results results();
}
