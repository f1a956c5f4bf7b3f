package org.courtyard.plugins.signs;

import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.Widget;

/** The space page's box with the sign of the week, playable where it is. */
final class SignOfTheWeekWidget implements Widget {
  private final SignStore store;

  @Inject
  SignOfTheWeekWidget(SignStore store) { this.store = store; }

  @Override
  public Page render(ToolRequest req) {
    Map<String, Object> m = new HashMap<>();
    store.week(req.space().id()).ifPresent(s -> m.put("week", SignsRoutes.card(req, s)));
    return Page.of("signs/widget", m);
  }
}
