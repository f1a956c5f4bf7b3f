package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import java.util.List;
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
    // Q&A answers a learner may not see yet are left out, as on the discussion page.
    List<ForumStore.Hit> posts = ForumRoutes.seen(store, req, store.latest(req.space(), 30));
    return Page.of("forum/widget", Map.of("posts", posts.subList(0, Math.min(5, posts.size())).stream()
        .map(h -> ForumRoutes.hitModel(req, h, null)).toList()));
  }
}
