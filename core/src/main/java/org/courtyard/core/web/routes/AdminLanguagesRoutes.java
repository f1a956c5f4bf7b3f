package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.i18n.Language;
import org.courtyard.core.i18n.LanguageChoice;
import org.courtyard.core.i18n.Messages;
import org.courtyard.core.services.MessageOverrides;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * The school's languages ({@code /admin/:school/languages}): which of the shipped languages it offers
 * and which one people get when they have not chosen and their browser asks for none of them; and the
 * school's own words for any message, per language ("Class" becomes "Form").
 */
public final class AdminLanguagesRoutes {
  private static final int FOUND_SHOWN = 50;
  private final Web web;
  private final AdminPages admin;
  private final LanguageChoice languages;
  private final MessageOverrides overrides;
  private final Messages messages;

  @Inject
  public AdminLanguagesRoutes(Web web, AdminPages admin, LanguageChoice languages, MessageOverrides overrides, Messages messages) {
    this.web = web;
    this.admin = admin;
    this.languages = languages;
    this.overrides = overrides;
    this.messages = messages;
  }

  public void mount(Router r) {
    r.get("/admin/:school/languages").handler(web.page(this::page));
    r.post("/admin/:school/languages").handler(web.page(this::saveLanguages));
    r.post("/admin/:school/languages/overrides").handler(web.page(this::saveOverride));
  }

  private Reply page(WebRequest req) {
    Space school = admin.school(req);
    return languagesPage(req, school, null, null, Map.of(), 200);
  }

  private Page languagesPage(WebRequest req, Space school, String error, String overrideError, Map<String, String> form, int status) {
    List<Language> offered = languages.offered(school.id());
    Language byDefault = languages.defaultFor(school.id());
    List<Map<String, Object>> shipped = new ArrayList<>();
    for (Language l : Language.SHIPPED) {
      Map<String, Object> lm = new HashMap<>();
      lm.put("code", l.code());
      lm.put("name", l.nativeName());
      lm.put("offered", offered.contains(l));
      lm.put("isDefault", l.equals(byDefault));
      lm.put("english", l == Language.ENGLISH);
      lm.put("chosen", l.code().equals(form.getOrDefault("language", firstOther(offered).code())));
      shipped.add(lm);
    }
    List<Map<String, Object>> set = new ArrayList<>();
    for (MessageOverrides.Override o : overrides.all(school.id())) {
      Map<String, Object> om = new HashMap<>();
      om.put("language", o.language());
      om.put("languageName", Language.byCode(o.language()).map(Language::nativeName).orElse(o.language()));
      om.put("key", o.key());
      om.put("message", o.message());
      om.put("shipped", shipped(o.language(), o.key()).orElse(""));
      set.add(om);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("languages", shipped);
    m.put("overrides", set);
    m.put("error", error);
    m.put("overrideError", overrideError);
    m.put("form", form);
    String q = req.query("find").orElse("");
    m.put("find", q);
    if (!q.isEmpty()) {
      List<Map<String, Object>> found = find(q);
      m.put("found", found.stream().limit(FOUND_SHOWN).toList());
      m.put("foundCount", found.size());
      m.put("foundMore", found.size() > FOUND_SHOWN);
    }
    return AdminPages.page("languages", school, m, req.t("admin.languages.title")).status(status);
  }

  private static Language firstOther(List<Language> offered) {
    return offered.stream().filter(l -> l != Language.ENGLISH).findFirst().orElse(Language.ENGLISH);
  }

  /** The core's shipped words for a key in a language, if it has them (a tool's keys are not listed here). */
  private Optional<String> shipped(String language, String key) {
    return Optional.ofNullable(messages.core().pattern(language, key));
  }

  /** The core's messages whose key or English words contain {@code q}, for finding the key to override. */
  private List<Map<String, Object>> find(String q) {
    String needle = q.toLowerCase(Locale.ROOT);
    List<Map<String, Object>> out = new ArrayList<>();
    messages.core().keys("en").stream().sorted().forEach(key -> {
      String english = messages.core().pattern("en", key);
      if (key.toLowerCase(Locale.ROOT).contains(needle) || english.toLowerCase(Locale.ROOT).contains(needle)) {
        out.add(Map.of("key", key, "english", english));
      }
    });
    return out;
  }

  private Reply saveLanguages(WebRequest req) {
    Space school = admin.school(req);
    List<Language> chosen = new ArrayList<>(List.of(Language.ENGLISH));
    for (String code : req.formAll("offered")) {
      Optional<Language> l = Language.byCode(code);
      if (l.isEmpty()) return languagesPage(req, school, req.t("admin.languages.unknown", "code", code), null, Map.of(), 422);
      if (!chosen.contains(l.get())) chosen.add(l.get());
    }
    Optional<Language> byDefault = Language.byCode(req.form("default"));
    if (byDefault.isEmpty()) return languagesPage(req, school, req.t("admin.languages.chooseDefault"), null, Map.of(), 422);
    if (!chosen.contains(byDefault.get())) {
      return languagesPage(req, school, req.t("admin.languages.defaultNotOffered", "language", byDefault.get().nativeName()), null, Map.of(), 422);
    }
    // In the shipped order, so the chooser lists them the same way everywhere.
    List<Language> offered = Language.SHIPPED.stream().filter(chosen::contains).toList();
    languages.setSchoolLanguages(school.id(), offered, byDefault.get());
    admin.activity(req, school, "languages", "admin.activity.languages", "offered", String.join(",", offered.stream().map(Language::code).toList()), "default", byDefault.get().code());
    return Reply.redirect(AdminPages.base(school) + "/languages").flash(req.t("admin.languages.saved"));
  }

  private Reply saveOverride(WebRequest req) {
    Space school = admin.school(req);
    String language = req.form("language");
    String key = req.form("key");
    String back = AdminPages.base(school) + "/languages";
    if ("clear".equals(req.form("action"))) {
      overrides.clear(school.id(), language, key);
      admin.activity(req, school, "message-cleared", "admin.activity.messageCleared", "language", language, "key", key);
      return Reply.redirect(back).flash(req.t("admin.languages.cleared", "key", key));
    }
    try {
      overrides.set(school.id(), language, key, req.form("message"));
    } catch (MessageOverrides.Refused e) {
      String why = switch (e.problem()) {
        case LANGUAGE -> req.t("admin.languages.unknown", "code", language);
        case KEY -> req.t("admin.languages.badKey");
        case EMPTY -> req.t("admin.languages.emptyMessage");
        case TOO_LONG -> req.t("admin.languages.tooLong", "max", MessageOverrides.MAX_MESSAGE);
        case PATTERN -> req.t("admin.languages.badPattern");
      };
      return languagesPage(req, school, null, req.t("admin.nothingSaved", "problem", why),
          Map.of("language", language, "key", key, "message", req.form("message")), 422);
    }
    admin.activity(req, school, "message-set", "admin.activity.messageSet", "language", language, "key", key);
    return Reply.redirect(back).flash(req.t("admin.languages.overrideSaved", "key", key));
  }
}
