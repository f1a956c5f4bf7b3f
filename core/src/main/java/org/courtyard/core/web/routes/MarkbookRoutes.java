package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.courtyard.api.Role;
import org.courtyard.api.UserKind;
import org.courtyard.api.UserRef;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.Results;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.identity.User;
import org.courtyard.core.permissions.CapabilityRegistry;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.services.ResultStore;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * A space's markbook, {@code /s/:space/results}: the results every tool handed in, a row per learner
 * and a column per piece of work. Teachers ({@code space.results}) see every learner and can take a
 * CSV; a learner sees their own row and a parent their children's.
 */
public final class MarkbookRoutes {
  private final Web web;
  private final SpaceStore spaces;
  private final PermissionService permissions;
  private final ResultStore results;
  private final Directory directory;
  private final java.time.Clock clock;

  @Inject
  public MarkbookRoutes(Web web, SpaceStore spaces, PermissionService permissions, ResultStore results, Directory directory, java.time.Clock clock) {
    this.clock = clock;
    this.web = web;
    this.spaces = spaces;
    this.permissions = permissions;
    this.results = results;
    this.directory = directory;
  }

  public void mount(Router r) {
    r.get("/s/:space/results").handler(web.page(this::show));
    r.get("/s/:space/results.csv").handler(web.page(this::csv));
  }

  private record Grid(List<Map<String, Object>> columns, List<UserRef> learners, Map<String, Results.Result> cells) {
    String cell(long learnerId, String column) {
      Results.Result r = cells.get(learnerId + "/" + column);
      if (r == null) return "";
      String score = r.score() == null ? "" : number(r.score()) + (r.outOf() == null ? "" : " / " + number(r.outOf()));
      if (r.grade() == null || r.grade().isBlank()) return score;
      return score.isEmpty() ? r.grade() : score + " (" + r.grade() + ")";
    }

    private static String number(double d) { return d == Math.rint(d) ? String.valueOf((long) d) : String.format(java.util.Locale.ROOT, "%.1f", d); }
  }

  /** The learners this user may see results of, and the columns that have a result for any of them. */
  private Grid grid(User user, Space space) {
    List<UserRef> learners;
    boolean teacher = permissions.can(user, CapabilityRegistry.SPACE_RESULTS.id(), space);
    java.time.Instant now = clock.instant();
    if (teacher) {
      learners = directory.members(space.id()).stream()
          .filter(m -> m.role() == Role.MEMBER && m.user().kind() == UserKind.LEARNER).map(Directory.Member::user).toList();
    } else if (user.kind() == UserKind.PARENT) {
      learners = directory.childrenOf(user.id());
    } else {
      learners = List.of(user.ref());
    }
    Set<Long> ids = learners.stream().map(UserRef::id).collect(Collectors.toSet());
    Map<String, Map<String, Object>> columns = new LinkedHashMap<>();
    Map<String, Results.Result> cells = new HashMap<>();
    for (Results.Result r : results.ofSpace(space.id())) {
      if (!ids.contains(r.learnerId())) continue;
      if (!teacher && r.shownFrom() != null && now.isBefore(r.shownFrom())) continue;
      String key = r.toolId() + "/" + r.itemKey();
      columns.putIfAbsent(key, Map.of("key", key, "title", r.itemTitle(), "tool", r.toolId()));
      cells.put(r.learnerId() + "/" + key, r);
    }
    return new Grid(new ArrayList<>(columns.values()), learners, cells);
  }

  private Reply show(WebRequest req) {
    Space space = SpaceRoutes.require(req, spaces, permissions, CapabilityRegistry.SPACE_VIEW.id());
    req.crumb(req.t("markbook.crumb"), null);
    Grid g = grid(req.user(), space);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (UserRef learner : g.learners()) {
      List<String> cells = g.columns().stream().map(c -> g.cell(learner.id(), (String) c.get("key"))).toList();
      rows.add(Map.of("name", learner.displayName(), "cells", cells));
    }
    boolean teacher = permissions.can(req.user(), CapabilityRegistry.SPACE_RESULTS.id(), space);
    return Page.of("markbook", Map.of("space", SpaceRoutes.card(req, space), "columns", g.columns(), "rows", rows, "teacher", teacher))
        .title(req.t("markbook.title", "space", space.name()));
  }

  private Reply csv(WebRequest req) {
    Space space = SpaceRoutes.require(req, spaces, permissions, CapabilityRegistry.SPACE_RESULTS.id());
    Grid g = grid(req.user(), space);
    StringBuilder out = new StringBuilder(org.courtyard.api.web.Csv.cell(req.t("markbook.learner")) + "," + org.courtyard.api.web.Csv.cell(req.t("markbook.username")));
    for (Map<String, Object> c : g.columns()) out.append(',').append(org.courtyard.api.web.Csv.cell((String) c.get("title")));
    out.append("\r\n");
    for (UserRef learner : g.learners()) {
      out.append(org.courtyard.api.web.Csv.cell(learner.displayName())).append(',').append(org.courtyard.api.web.Csv.cell(learner.username()));
      for (Map<String, Object> c : g.columns()) out.append(',').append(org.courtyard.api.web.Csv.cell(g.cell(learner.id(), (String) c.get("key"))));
      out.append("\r\n");
    }
    return Reply.text(out.toString(), "text/csv; charset=utf-8");
  }
}
