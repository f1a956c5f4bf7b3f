package org.courtyard.core.web.routes;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.agenda.Dated;
import org.courtyard.api.agenda.Waiting;
import org.courtyard.core.agenda.AgendaService;
import org.courtyard.core.identity.User;
import org.courtyard.core.web.WebRequest;

/**
 * The parts of a home page made from every tool's agenda, in the reader's words: what is waiting
 * (counts by kind, oldest first), what is due and how long is left, what came back with feedback.
 * Times are the school's: "due tomorrow" means tomorrow where the school is.
 */
@Singleton
public final class HomeAgenda {
  /** How far ahead a learner's and a teacher's "due" list looks. */
  static final Duration AHEAD = Duration.ofDays(7);
  /** How far back "returned to you" looks. */
  static final Duration BACK = Duration.ofDays(14);

  private final AgendaService agenda;
  private final Clock clock;

  @Inject
  public HomeAgenda(AgendaService agenda, Clock clock) {
    this.agenda = agenda;
    this.clock = clock;
  }

  /** What is waiting for the person: {@code waiting} (rows, oldest first) and {@code waitingCounts} (per kind). */
  public void waiting(WebRequest req, User person, Map<String, Object> m) {
    List<AgendaService.WaitingItem> items = agenda.waitingFor(person);
    Map<Waiting.Kind, Integer> counts = new EnumMap<>(Waiting.Kind.class);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (AgendaService.WaitingItem i : items) {
      Waiting w = i.waiting();
      counts.merge(w.kind(), w.count(), Integer::sum);
      Map<String, Object> r = new HashMap<>();
      r.put("what", req.t("todo.kind." + w.kind().name(), "count", w.count()));
      r.put("title", w.title());
      r.put("space", w.space().name());
      r.put("url", w.url());
      r.put("since", w.oldest());
      rows.add(r);
    }
    List<Map<String, Object>> byKind = new ArrayList<>();
    counts.forEach((k, n) -> byKind.add(Map.of("label", req.t("todo.total." + k.name(), "count", n))));
    m.put("waiting", rows);
    m.put("waitingCounts", byKind);
  }

  /** The person's own dates from now for {@link #AHEAD} ({@code due}) and what came back in the last {@link #BACK} ({@code returned}). */
  public void dates(WebRequest req, User person, ZoneId zone, Map<String, Object> m) {
    Instant now = clock.instant();
    List<Map<String, Object>> due = new ArrayList<>();
    List<Map<String, Object>> returned = new ArrayList<>();
    for (AgendaService.DatedItem i : agenda.datesFor(person, now.minus(BACK), now.plus(AHEAD))) {
      Dated d = i.dated();
      if (d.state() == Dated.State.RETURNED) returned.add(row(req, d, zone, now));
      else if (!d.start().isBefore(now) || d.state() == Dated.State.TO_DO) due.add(row(req, d, zone, now));
    }
    m.put("due", due);
    m.put("returned", returned);
  }

  /** One child's week for their parent: every dated item from the start of this week to its end, and what came back. */
  public Map<String, Object> childWeek(WebRequest req, User parent, User child, ZoneId zone) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    Instant weekStart = today.minusDays(today.getDayOfWeek().getValue() - 1L).atStartOfDay(zone).toInstant();
    Instant weekEnd = weekStart.plus(Duration.ofDays(7));
    List<Map<String, Object>> week = new ArrayList<>();
    List<Map<String, Object>> returned = new ArrayList<>();
    Instant from = weekStart.isBefore(now.minus(BACK)) ? weekStart : now.minus(BACK);
    for (AgendaService.DatedItem i : agenda.childDates(parent, child, from, weekEnd)) {
      Dated d = i.dated();
      if (d.state() == Dated.State.RETURNED && !d.start().isBefore(now.minus(BACK))) returned.add(row(req, d, zone, now));
      if (!d.start().isBefore(weekStart)) week.add(row(req, d, zone, now));
    }
    Map<String, Object> c = new HashMap<>();
    c.put("week", week);
    c.put("returned", returned);
    return c;
  }

  private Map<String, Object> row(WebRequest req, Dated d, ZoneId zone, Instant now) {
    Map<String, Object> r = new HashMap<>();
    r.put("what", req.t("todo.date." + d.kind().name()));
    r.put("title", d.title());
    r.put("space", d.space().name());
    r.put("url", d.url());
    r.put("at", d.start());
    r.put("when", when(req, d, zone, now));
    if (d.state() != Dated.State.NONE) {
      r.put("state", req.t("todo.state." + d.state().name()));
      r.put("stateClass", d.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
    return r;
  }

  /** "due today", "due in 3 days", "2 days late": counted in the school's days, not 24-hour blocks. */
  private static String when(WebRequest req, Dated d, ZoneId zone, Instant now) {
    long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone), LocalDate.ofInstant(d.start(), zone));
    boolean openWork = d.state() == Dated.State.TO_DO;
    if (days < 0 || (openWork && d.start().isBefore(now))) {
      return openWork ? req.t("todo.when.late", "days", Math.max(0, -days)) : req.t("todo.when.past", "days", -days);
    }
    return req.t("todo.when.ahead", "days", days);
  }
}
