package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.courtyard.api.UserKind;
import org.courtyard.api.agenda.Dated;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.agenda.AgendaService;
import org.courtyard.core.calendar.CalendarFeeds;
import org.courtyard.core.calendar.ICalendar;
import org.courtyard.core.calendar.SchoolDates;
import org.courtyard.core.config.Config;
import org.courtyard.core.i18n.LanguageChoice;
import org.courtyard.core.i18n.Messages;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * Each person's calendar: every dated item they may see from every tool (a parent's: their children's,
 * one child or all), with the school's term dates and closures, as a month, a week or a list; and the
 * secret address a phone calendar subscribes to (iCalendar), which the person can replace at any time.
 */
public final class CalendarRoutes {
  /** How far back and ahead the subscribed calendar reaches. */
  static final Duration FEED_BACK = Duration.ofDays(31);
  static final Duration FEED_AHEAD = Duration.ofDays(366);

  private final Web web;
  private final AgendaService agenda;
  private final SchoolDates schoolDates;
  private final CalendarFeeds feeds;
  private final UserStore users;
  private final Clock clock;
  private final Messages messages;
  private final LanguageChoice languages;
  private final org.courtyard.api.service.Directory directory;
  private final String site;

  @Inject
  public CalendarRoutes(Web web, AgendaService agenda, SchoolDates schoolDates, CalendarFeeds feeds, UserStore users, Clock clock,
                        Messages messages, LanguageChoice languages, org.courtyard.api.service.Directory directory, Config config) {
    this.web = web;
    this.agenda = agenda;
    this.schoolDates = schoolDates;
    this.feeds = feeds;
    this.users = users;
    this.clock = clock;
    this.messages = messages;
    this.languages = languages;
    this.directory = directory;
    String s = config.get(Config.SITE_ADDRESS, "");
    this.site = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  public void mount(Router router) {
    router.get("/calendar").handler(web.page(this::calendar));
    router.post("/calendar/address").handler(web.page(this::newAddress));
    router.post("/calendar/address/stop").handler(web.page(this::stopAddress));
    router.get("/calendar/feed/:token").handler(web.publicPage(this::feed));
  }

  /** One thing on the calendar, whoever it came from. */
  private record Item(Instant start, Instant end, boolean allDay, LocalDate firstDay, LocalDate lastDay, String title, String what,
                      String url, String space, String state, String stateClass, String child, String uid) {}

  private Reply calendar(WebRequest req) {
    User user = req.requireUser();
    ZoneId zone = web.timeZone(req);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate date = req.query("date").map(d -> parseDate(req, d)).orElse(today);
    String view = req.query("view").filter(v -> v.equals("week") || v.equals("month") || v.equals("list")).orElse("list");
    List<User> children = user.kind() == UserKind.PARENT ? users.childrenOf(user.id()) : List.of();
    Long childId = req.query("child").map(c -> {
      try {
        return Long.parseLong(c);
      } catch (NumberFormatException e) {
        return null;
      }
    }).orElse(null);
    if (childId != null && children.stream().noneMatch(c -> c.id() == childId)) throw HttpProblem.notFound(req.t("calendar.noSuchChild"));

    LocalDate first;
    LocalDate last;
    switch (view) {
      case "week" -> {
        first = date.minusDays(date.getDayOfWeek().getValue() - 1L);
        last = first.plusDays(6);
      }
      case "month" -> {
        first = date.withDayOfMonth(1);
        last = date.withDayOfMonth(date.lengthOfMonth());
      }
      default -> {
        first = date;
        last = date.plusDays(30);
      }
    }
    List<Item> items = items(req.language().code(), user, childId, zone, first, last);
    Locale locale = req.language().locale();
    Map<String, Object> m = new HashMap<>();
    m.put("view", view);
    m.put("date", date.toString());
    m.put("childParam", childId == null ? "" : "&child=" + childId);
    m.put("views", List.of(viewLink(req, "list", view, date, childId), viewLink(req, "week", view, date, childId), viewLink(req, "month", view, date, childId)));
    LocalDate before = switch (view) { case "week" -> first.minusWeeks(1); case "month" -> first.minusMonths(1); default -> first.minusDays(31); };
    LocalDate after = switch (view) { case "week" -> first.plusWeeks(1); case "month" -> first.plusMonths(1); default -> last.plusDays(1); };
    m.put("earlier", "/calendar?view=" + view + "&date=" + before + (childId == null ? "" : "&child=" + childId));
    m.put("later", "/calendar?view=" + view + "&date=" + after + (childId == null ? "" : "&child=" + childId));
    m.put("today", "/calendar?view=" + view + (childId == null ? "" : "&child=" + childId));
    m.put("heading", switch (view) {
      case "month" -> DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(first);
      case "week" -> req.t("calendar.weekOf", "date", DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(first));
      default -> req.t("calendar.from", "date", DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(first));
    });
    List<Map<String, Object>> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      List<Map<String, Object>> on = new ArrayList<>();
      for (Item i : items) if (!d.isBefore(i.firstDay()) && !d.isAfter(i.lastDay())) on.add(itemModel(req, i, zone));
      if (!view.equals("list") || !on.isEmpty()) {
        Map<String, Object> day = new HashMap<>();
        day.put("label", DateTimeFormatter.ofPattern("EEEE d MMMM", locale).format(d));
        day.put("number", d.getDayOfMonth());
        day.put("iso", d.toString());
        day.put("today", d.equals(today));
        day.put("items", on);
        day.put("weekday", d.getDayOfWeek().getValue());
        days.add(day);
      }
    }
    m.put("days", days);
    if (view.equals("month")) m.put("weeks", weeks(days, first.getDayOfWeek()));
    List<String> dayNames = new ArrayList<>();
    for (DayOfWeek dw : DayOfWeek.values()) dayNames.add(dw.getDisplayName(TextStyle.SHORT, locale));
    m.put("dayNames", dayNames);
    if (!children.isEmpty()) {
      List<Map<String, Object>> kids = new ArrayList<>();
      kids.add(Map.of("name", req.t("calendar.allChildren"), "url", "/calendar?view=" + view + "&date=" + date, "on", childId == null));
      for (User c : children) kids.add(Map.of("name", c.displayName(), "url", "/calendar?view=" + view + "&date=" + date + "&child=" + c.id(), "on", childId != null && childId == c.id()));
      m.put("children", kids);
    }
    m.put("hasAddress", feeds.has(user.id()));
    return Page.of("calendar", m).title(req.t("calendar.title"));
  }

  private static Map<String, Object> viewLink(WebRequest req, String name, String current, LocalDate date, Long childId) {
    return Map.of("label", req.t("calendar.view." + name), "url", "/calendar?view=" + name + "&date=" + date + (childId == null ? "" : "&child=" + childId),
        "on", name.equals(current));
  }

  /** The month's days in rows of seven, with empty cells before the first. */
  private static List<List<Map<String, Object>>> weeks(List<Map<String, Object>> days, DayOfWeek firstDay) {
    List<List<Map<String, Object>>> weeks = new ArrayList<>();
    List<Map<String, Object>> week = new ArrayList<>();
    for (int i = 1; i < firstDay.getValue(); i++) week.add(Map.of("empty", true));
    for (Map<String, Object> d : days) {
      week.add(d);
      if (week.size() == 7) {
        weeks.add(week);
        week = new ArrayList<>();
      }
    }
    if (!week.isEmpty()) {
      while (week.size() < 7) week.add(Map.of("empty", true));
      weeks.add(week);
    }
    return weeks;
  }

  private Map<String, Object> itemModel(WebRequest req, Item i, ZoneId zone) {
    Map<String, Object> r = new HashMap<>();
    r.put("title", i.child() == null ? i.title() : req.t("calendar.forChild", "child", i.child(), "title", i.title()));
    r.put("what", i.what());
    r.put("url", i.url());
    r.put("space", i.space());
    r.put("time", i.allDay() ? req.t("calendar.allDay") : DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(i.start()));
    r.put("state", i.state());
    r.put("stateClass", i.stateClass());
    return r;
  }

  /** Everything on the person's calendar between two days (inclusive), in {@code language}. */
  private List<Item> items(String language, User user, Long childId, ZoneId zone, LocalDate first, LocalDate last) {
    Instant from = first.atStartOfDay(zone).toInstant();
    Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
    List<AgendaService.DatedItem> dated = new ArrayList<>();
    if (user.kind() == UserKind.PARENT) {
      for (User c : users.childrenOf(user.id())) if (childId == null || childId == c.id()) dated.addAll(agenda.childDates(user, c, from, to));
    } else {
      dated.addAll(agenda.datesFor(user, from, to));
    }
    List<Item> out = new ArrayList<>();
    for (AgendaService.DatedItem di : dated) {
      Dated d = di.dated();
      LocalDate firstDay = LocalDate.ofInstant(d.start(), zone);
      LocalDate lastDay = d.end() == null ? firstDay : LocalDate.ofInstant(d.allDay() ? d.end().minusSeconds(1) : d.end(), zone);
      String state = d.state() == Dated.State.NONE ? null : t(language, "todo.state." + d.state().name());
      out.add(new Item(d.start(), d.end(), d.allDay(), firstDay, lastDay, d.title(), t(language, "todo.date." + d.kind().name()), d.url(),
          d.space().name(), state, d.state().name().toLowerCase(Locale.ROOT).replace('_', '-'), di.child() == null ? null : di.child().firstName(),
          di.toolId() + "-" + d.id() + (di.child() == null ? "" : "-for-" + di.child().id())));
    }
    java.util.Set<Long> schools = new java.util.LinkedHashSet<>();
    if (user.schoolId() != null) schools.add(user.schoolId());
    if (user.kind() == UserKind.PARENT) for (User c : users.childrenOf(user.id())) if (c.schoolId() != null) schools.add(c.schoolId());
    for (long school : schools) {
      for (SchoolDates.SchoolDate s : schoolDates.between(school, first, last)) {
        out.add(new Item(s.starts().atStartOfDay(zone).toInstant(), s.ends().plusDays(1).atStartOfDay(zone).toInstant(), true, s.starts(), s.ends(),
            s.name(), t(language, "calendar.schoolDate." + s.kind().name()), null, null, null, null, null, "schooldate-" + s.id()));
      }
    }
    out.sort(java.util.Comparator.comparing(Item::start));
    return out;
  }

  /** The site's public address (site.url), or where this request came to when none is set. */
  private String origin(WebRequest req) {
    if (!site.isEmpty()) return site;
    var r = req.routing().request();
    return r.scheme() + "://" + r.authority().toString();
  }

  private String t(String language, String key, Object... args) { return messages.format(null, language, key, args); }

  private LocalDate parseDate(WebRequest req, String d) {
    try {
      return LocalDate.parse(d);
    } catch (DateTimeParseException e) {
      throw HttpProblem.badRequest(req.t("calendar.badDate"));
    }
  }

  private Reply newAddress(WebRequest req) {
    User user = req.requireUser();
    String token = feeds.renew(user.id());
    String https = origin(req) + "/calendar/feed/" + token + ".ics";
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("address", https);
    m.put("webcal", https.replaceFirst("^https?://", "webcal://"));
    return Page.of("calendar-address", m).title(req.t("calendar.address.title"));
  }

  private Reply stopAddress(WebRequest req) {
    feeds.revoke(req.requireUser().id());
    return Reply.redirect("/calendar").flash(req.t("calendar.address.stopped"));
  }

  /** The subscribed calendar: no sign-in, the secret address is the key; a stopped or unknown one is 404. */
  private Reply feed(WebRequest req) {
    String token = req.pathParam("token").replaceFirst("\\.ics$", "");
    User owner = feeds.owner(token).flatMap(users::byId).filter(u -> !u.disabled())
        .orElseThrow(() -> HttpProblem.notFound(req.t("calendar.feed.unknown")));
    String language = languages.of(owner.id()).code();
    ZoneId zone = owner.schoolId() == null ? ZoneId.of("Europe/London") : directory.timeZone(owner.schoolId());
    Instant now = clock.instant();
    LocalDate first = LocalDate.ofInstant(now.minus(FEED_BACK), zone);
    LocalDate last = LocalDate.ofInstant(now.plus(FEED_AHEAD), zone);
    String origin = origin(req);
    String host = origin.replaceFirst("^https?://", "").replaceAll("[/:].*$", "");
    ICalendar ics = new ICalendar(t(language, "calendar.feed.name", "name", owner.displayName()), zone.getId(), now);
    for (Item i : items(language, owner, null, zone, first, last)) {
      String summary = i.child() == null ? t(language, "calendar.feed.summary", "what", i.what(), "title", i.title())
          : t(language, "calendar.feed.summaryForChild", "child", i.child(), "what", i.what(), "title", i.title());
      String url = i.url() == null ? null : origin + i.url();
      if (i.allDay()) ics.allDay(i.uid() + "@" + host, summary, i.firstDay(), i.lastDay(), url, i.what());
      else ics.event(i.uid() + "@" + host, summary, i.start(), i.end(), url, i.what());
    }
    return Reply.text(ics.end(), "text/calendar; charset=utf-8");
  }
}
