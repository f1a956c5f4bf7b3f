package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import java.util.Map;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.Widget;

/** The space page's box of the newest visible posts. */
final class LatestPostsWidget implements Widget {
  private final ForumStore store;

  @Inject
  LatestPostsWidget(ForumStore store) { this.store = store; }

  @Override
  public Page render(ToolRequest req) {
    return Page.of("forum/widget", Map.of("posts", store.latest(req.space(), 5)));
  }
}
