package org.courtyard.plugins.signs;

import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.service.ToolServices;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.InputProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;

/**
 * Practice: a video and four words, one right. The page never names the sign: the video comes from
 * the question's random token (not the sign's id), there are no captions or poster, and the right
 * word is kept on the server; the answer is a plain form post.
 */
final class PracticeRoutes implements Routes {
  private static final SecureRandom RANDOM = new SecureRandom();
  static final Message TITLE = Message.of("signs.practice.pageTitle");
  static final Message GONE = Message.of("signs.practice.gone");
  static final Message SIGN_GONE = Message.of("signs.practice.signGone");
  static final Message SIGN_TAKEN = Message.of("signs.practice.signTaken");
  static final Message TO_GUESS = Message.of("signs.practice.toGuess");
  static final Message CHOOSE_ONE = Message.of("signs.practice.chooseOne");
  private final SignStore store;
  private final ToolServices core;

  @Inject
  PracticeRoutes(SignStore store, ToolServices core) {
    this.store = store;
    this.core = core;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/practice", SignsTool.PRACTISE, this::next);
    r.get("/practice/:token", SignsTool.PRACTISE, this::question);
    r.post("/practice/:token", SignsTool.PRACTISE, this::answer, this::question);
    r.get("/practice/:token/video", SignsTool.PRACTISE, this::video);
  }

  /** A new question from the approved signs, with three other words from the gallery. */
  private Reply next(ToolRequest req) {
    List<SignStore.WordOf> all = store.approvedWords(req.space().id());
    Map<String, SignStore.WordOf> byWord = new LinkedHashMap<>();
    for (SignStore.WordOf w : all) byWord.putIfAbsent(w.word().toLowerCase(Locale.ROOT), w);
    if (byWord.size() < 4) {
      return Page.of("signs/practice", Map.of("tooFew", true, "count", byWord.size())).title(req.text(TITLE));
    }
    List<SignStore.WordOf> distinct = new ArrayList<>(byWord.values());
    Collections.shuffle(distinct, RANDOM);
    SignStore.WordOf right = distinct.get(0);
    List<String> choices = new ArrayList<>();
    for (int i = 0; i < 4; i++) choices.add(distinct.get(i).word());
    Collections.shuffle(choices, RANDOM);
    String token = UploadStore.newToken();
    store.addQuestion(token, req.space().id(), req.user().id(), right.id(), choices);
    return Reply.redirect("practice/" + token);
  }

  private SignStore.Question q(ToolRequest req) {
    return store.question(req.pathParam("token"), req.space().id(), req.user().id())
        .orElseThrow(() -> HttpProblem.notFound(req.text(GONE)));
  }

  private Reply question(ToolRequest req) {
    SignStore.Question q = q(req);
    SignStore.Sign shown = store.sign(req.space().id(), q.signId()).orElseThrow(() -> HttpProblem.notFound(req.text(SIGN_GONE)));
    Map<String, Object> m = new HashMap<>();
    m.put("videoType", Gallery.playableType(shown.videoType()));
    m.put("token", q.token());
    m.put("video", req.toolUrl() + "/practice/" + q.token() + "/video");
    m.put("poster", SignsRoutes.PLACEHOLDER);
    m.put("label", req.text(TO_GUESS));
    m.put("choices", q.choices());
    ZoneId zone = core.directory().timeZone(req.space().schoolId());
    long[] score = store.score(req.space().id(), req.user().id(), LocalDate.now(core.clock().withZone(zone)).atStartOfDay(zone).toInstant());
    m.put("right", score[0]);
    m.put("answered", score[1]);
    if (q.answer() != null) {
      m.put("done", true);
      m.put("correct", q.correct());
      m.put("yours", q.answer());
      m.put("word", shown.word());
      m.put("signUrl", req.toolUrl() + "/v/" + shown.id());
    }
    return Page.of("signs/practice", m).title(req.text(TITLE));
  }

  private Reply answer(ToolRequest req) {
    SignStore.Question q = q(req);
    if (q.answer() != null) return Reply.redirect("practice/" + q.token());
    String choice = req.form("choice");
    if (!q.choices().contains(choice)) throw InputProblem.of("choice", req.text(CHOOSE_ONE));
    SignStore.Sign s = store.sign(req.space().id(), q.signId()).orElseThrow(() -> HttpProblem.notFound(req.text(SIGN_GONE)));
    boolean correct = s.word().equalsIgnoreCase(choice);
    store.answer(q.token(), choice, correct);
    return Reply.redirect("practice/" + q.token());
  }

  private Reply video(ToolRequest req) {
    SignStore.Question q = q(req);
    SignStore.Sign s = store.sign(req.space().id(), q.signId()).filter(SignStore.Sign::approved)
        .orElseThrow(() -> HttpProblem.notFound(req.text(SIGN_TAKEN)));
    return core.uploads().serve(s.videoKey(), Gallery.playableType(s.videoType()), "practice." + Gallery.extension(s.videoType()));
  }
}
