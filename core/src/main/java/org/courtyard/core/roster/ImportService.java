package org.courtyard.core.roster;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.courtyard.api.UserKind;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import org.courtyard.core.i18n.Messages;
import org.courtyard.core.i18n.Words;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.api.roster.RosterImporter;
import org.courtyard.api.service.FileStore;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.User;

/**
 * Runs imports: parse and preview (nothing changes), then apply in the background with progress,
 * in one transaction. Every run — previewed, applied, failed or refused — is kept in the history.
 */
@Singleton
public final class ImportService {
  private static final Logger LOG = Logger.getLogger(ImportService.class.getName());
  public static final String MAX_BYTES = "import.max-bytes";

  public enum Status { PREVIEW, RUNNING, APPLIED, FAILED, REFUSED, UNDONE }

  public record Preview(long runId, Plan plan) {}

  public record Progress(int done, int total, Status status, String message) {}

  /** One run. {@code scope} is what the ICT leader said the file holds (null for a refused file). */
  public record Run(long id, String format, String fileName, Instant at, Status status, String summary, String who,
                    Roster.Scope scope, int switchOffs, int archives, Long appliedSeq) {}

  private final Db db;
  private final ImporterRegistry importers;
  private final RosterSync sync;
  private final FileStore files;
  private final long maxBytes;
  private final Map<Long, Progress> progress = new ConcurrentHashMap<>();
  private static final String PROGRESS_TOPIC = "import-progress";
  private static final long TELL_EVERY_NS = 250_000_000L;
  private final org.courtyard.core.cluster.Cluster cluster;
  private final ImportJournal journal;
  private final AuditLog audit;
  private volatile long lastTold;
  /** Background runs started here; completed ones stay as a bare "finished" (not the whole applied plan) for callers that wait. */
  private final Map<Long, CompletableFuture<Void>> jobs = new ConcurrentHashMap<>();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "courtyard-import");
    t.setDaemon(true);
    return t;
  });

  private final Messages messages;

  @Inject
  public ImportService(Db db, ImporterRegistry importers, RosterSync sync, FileStore files, Config config,
                       org.courtyard.core.cluster.Cluster cluster, ImportJournal journal, AuditLog audit, Messages messages) {
    this.messages = messages;
    this.cluster = cluster;
    this.journal = journal;
    this.audit = audit;
    // The import runs on one node in one transaction; the ICT leader's progress page may be served by
    // another node, so the running node tells the others how far it has got.
    cluster.onMessageFromOthers(PROGRESS_TOPIC, m -> remember(m.getLong("run"),
        new Progress(m.getInteger("done"), m.getInteger("total"), Status.valueOf(m.getString("status")), m.getString("message"))));
    this.db = db;
    this.importers = importers;
    this.sync = sync;
    this.files = files;
    this.maxBytes = config.getLong(MAX_BYTES, 100L * 1024 * 1024);
  }

  public List<RosterImporter> importers() { return importers.all(); }

  /**
   * The core's words about imports in {@code language}: the ICT leader's, who reads what this writes.
   * What is stored (a run's summary, the reason it was refused or failed) stays in the words of the
   * person who ran it, as a record of what they were told.
   */
  public Texts texts(String language) {
    return (message, namesAndValues) -> messages.format(null, language, message.key(), namesAndValues);
  }

  /** An importer's words in {@code language}. */
  public org.courtyard.api.i18n.Texts texts(RosterImporter importer, String language) { return importers.texts(importer, language); }

  /**
   * Reads the file and works out what would change, taking it as {@code mode} says (null: as the file
   * itself says, refused when it cannot say); records the run. Changes nothing in the school.
   */
  public Preview preview(long schoolId, Long userId, String format, Path file, String fileName, Roster.Scope mode) throws RosterException {
    return preview(schoolId, userId, format, file, fileName, mode, "en");
  }

  /** As above, the importer's problems in {@code language} (the ICT leader's). */
  public Preview preview(long schoolId, Long userId, String format, Path file, String fileName, Roster.Scope mode, String language) throws RosterException {
    forgetStalePreviews();
    Texts t = texts(language);
    String name = fileName == null || fileName.isBlank() ? t.text(Message.of("import.problem.theFile")) : fileName;
    try {
      RosterImporter importer = importers.find(format)
          .orElseThrow(() -> new RosterException(t.text(Message.of("import.problem.noImporter"), "format", String.valueOf(format), "installed", String.join(", ", importers.all().stream().map(RosterImporter::format).toList()))));
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        throw new RosterException(t.text(Message.of("import.problem.unreadable"), "file", name));
      }
      if (size == 0) throw new RosterException(t.text(Message.of("import.problem.empty"), "file", name));
      if (size > maxBytes) throw new RosterException(t.text(Message.of("import.problem.tooBig"), "file", name, "size", size / (1024 * 1024), "max", maxBytes / (1024 * 1024)));
      Roster roster = parse(importer, file, name, importers.texts(importer, language), t);
      Roster.Scope scope = mode != null ? mode : roster.declared();
      if (scope == null) {
        throw new RosterException(t.text(Message.of("import.problem.sayScope"), "file", name));
      }
      Plan plan = sync.plan(schoolId, roster, scope, t);
      String key;
      try (InputStream in = Files.newInputStream(file)) {
        key = files.put(in);
      } catch (IOException e) {
        throw new RosterException(t.text(Message.of("import.problem.notKept"), "problem", String.valueOf(e.getMessage())));
      }
      long run = db.insert("INSERT INTO import_runs (school_id, user_id, format, file_name, stored_key, status, summary, scope, switch_offs, archives)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          schoolId, userId, importer.format(), cut(name, 255), key, Status.PREVIEW, cut(plan.summary(t), 2000), scope.name(),
          plan.switchOffs().size(), plan.archives().size());
      return new Preview(run, plan);
    } catch (RosterException e) {
      db.insert("INSERT INTO import_runs (school_id, user_id, format, file_name, status, summary) VALUES (?, ?, ?, ?, ?, ?)",
          schoolId, userId, cut(format == null ? "?" : format, 20), cut(name, 255), Status.REFUSED, cut(e.getMessage(), 2000));
      throw e;
    }
  }

  private static Roster parse(RosterImporter importer, Path file, String name, Texts texts, Texts t) throws RosterException {
    try {
      return importer.parse(file, name, texts);
    } catch (RosterException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.WARNING, "Importer " + importer.format() + " failed on " + name, e);
      throw new RosterException(t.text(Message.of("import.problem.importerFailed"), "importer", importer.title(texts), "file", name, "problem", String.valueOf(e)));
    }
  }

  /** The plan of a previewed run, worked out again from its kept file (to show it again). */
  public Plan plan(long schoolId, long runId, String language) throws RosterException {
    Texts t = texts(language);
    String[] meta = db.queryOne("SELECT format, file_name, stored_key, scope FROM import_runs WHERE id = ? AND school_id = ?",
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, runId, schoolId)
        .orElseThrow(() -> new RosterException(t.text(Message.of("import.problem.noSuchImport"))));
    if (meta[2] == null || meta[3] == null) throw new RosterException(t.text(Message.of("import.problem.fileGone")));
    RosterImporter importer = importers.find(meta[0]).orElseThrow(() -> new RosterException(t.text(Message.of("import.problem.importerGone"), "format", meta[0])));
    Path stored = files.path(meta[2]).orElseThrow(() -> new RosterException(t.text(Message.of("import.problem.fileGone"))));
    return sync.plan(schoolId, parse(importer, stored, meta[1], importers.texts(importer, language), t), Roster.Scope.valueOf(meta[3]), t);
  }

  /**
   * Starts applying a previewed run in the background; the future completes when it has committed or
   * rolled back. {@code confirmed}: the ICT leader said yes to what it switches off and archives.
   */
  public CompletableFuture<RosterSync.Applied> applyInBackground(long schoolId, long runId, User actor, boolean confirmed, String language) {
    Texts t = texts(language);
    Run run = run(schoolId, runId).orElseThrow(() -> new IllegalArgumentException(t.text(Message.of("import.problem.noSuchImport"))));
    if (run.status() != Status.PREVIEW) throw new IllegalArgumentException(t.text(Message.of("import.problem.already"), "status", t.text(Message.of("import.state." + run.status().name().toLowerCase(java.util.Locale.ROOT)))));
    if (!confirmed && (run.switchOffs() > 0 || run.archives() > 0)) throw new IllegalArgumentException(unconfirmed(run.switchOffs(), run.archives(), t));
    if (db.update("UPDATE import_runs SET status = ? WHERE id = ? AND status = ?", Status.RUNNING, runId, Status.PREVIEW) == 0) {
      throw new IllegalArgumentException(t.text(Message.of("import.problem.started")));
    }
    progress.put(runId, new Progress(0, 0, Status.RUNNING, ""));
    CompletableFuture<RosterSync.Applied> job = CompletableFuture.supplyAsync(() -> applyNow(schoolId, runId, actor, confirmed, null, language), worker);
    jobs.put(runId, job.thenApply(applied -> null));
    return job;
  }

  /** Why applying without a yes is refused. */
  public static String unconfirmed(int switchOffs, int archives, Texts t) {
    return t.text(Message.of("import.problem.unconfirmed"), "consequences", consequences(switchOffs, archives, t));
  }

  /** "switch off 3 accounts and archive 1 class", for the yes box and messages. */
  public static String consequences(int switchOffs, int archives, Texts t) {
    return t.text(Message.of("import.consequences"), "offs", switchOffs, "archives", archives);
  }

  /**
   * Applies a previewed run on this thread (the CLI), reporting progress, in one transaction with its
   * record of what it changed and its audit entry. {@code actor} is null from the command line.
   */
  public RosterSync.Applied applyNow(long schoolId, long runId, User actor, boolean confirmed, RosterSync.Progress listener) {
    return applyNow(schoolId, runId, actor, confirmed, listener, "en");
  }

  private RosterSync.Applied applyNow(long schoolId, long runId, User actor, boolean confirmed, RosterSync.Progress listener, String language) {
    Texts t = texts(language);
    try {
      Run run = run(schoolId, runId).orElseThrow();
      String storedKey = db.queryOne("SELECT stored_key FROM import_runs WHERE id = ?", rs -> rs.getString(1), runId).orElse(null);
      RosterImporter importer = importers.find(run.format()).orElseThrow(() -> new RosterException(t.text(Message.of("import.problem.importerGone"), "format", run.format())));
      if (storedKey == null || run.scope() == null) throw new RosterException(t.text(Message.of("import.problem.fileGone")));
      Path stored = files.path(storedKey).orElseThrow(() -> new RosterException(t.text(Message.of("import.problem.fileGone"))));
      Roster roster = parse(importer, stored, run.fileName(), importers.texts(importer, language), t);
      RosterSync.Applied applied = db.transaction(() -> {
        RosterSync.Applied a = sync.apply(schoolId, roster, run.scope(), runId, (done, total) -> {
          report(runId, new Progress(done, total, Status.RUNNING, ""), false);
          if (listener != null) listener.at(done, total);
        }, plan -> {
          int offs = plan.switchOffs().size();
          int archives = plan.archives().size();
          if (!confirmed && (offs > 0 || archives > 0)) throw new IllegalStateException(unconfirmed(offs, archives, t));
          if (offs > run.switchOffs() || archives > run.archives()) {
            throw new IllegalStateException(t.text(Message.of("import.problem.schoolChanged"), "consequences", consequences(offs, archives, t)));
          }
        });
        long seq = db.queryOne("SELECT MAX(applied_seq) FROM import_runs WHERE school_id = ?", rs -> rs.getLong(1), schoolId).orElse(0L) + 1;
        db.update("UPDATE import_runs SET status = ?, summary = ?, applied_seq = ? WHERE id = ?", Status.APPLIED,
            cut(t.text(Message.of("import.summary.applied"), "summary", a.plan().summary(t)), 2000), seq, runId);
        audit.record(schoolId, AuditLog.Action.IMPORT_APPLIED, actor, null, null,
            run.fileName() + " (" + run.format() + ", " + run.scope().label().toLowerCase(java.util.Locale.ROOT) + "), import " + runId + ": " + a.plan().summary(RosterSync.ENGLISH), null);
        return a;
      });
      report(runId, new Progress(1, 1, Status.APPLIED, ""), true);
      return applied;
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Import " + runId + " failed; nothing was changed", e);
      String message = t.text(Message.of("import.summary.failed"), "problem", e.getMessage() == null ? e.toString() : e.getMessage());
      db.update("UPDATE import_runs SET status = ?, summary = ? WHERE id = ?", Status.FAILED, cut(message, 2000), runId);
      report(runId, new Progress(0, 0, Status.FAILED, message), true);
      throw new IllegalStateException(message, e);
    } finally {
      forgetFile(runId);
    }
  }

  /** Why this applied run cannot be undone now, or empty when it can. */
  public Optional<String> whyNotUndo(long schoolId, long runId, String language) {
    Texts t = texts(language);
    Run run = run(schoolId, runId).orElse(null);
    if (run == null) return Optional.of(t.text(Message.of("import.problem.noSuchImport")));
    if (run.status() == Status.UNDONE) return Optional.of(t.text(Message.of("import.undo.already")));
    if (run.status() != Status.APPLIED) return Optional.of(t.text(Message.of("import.undo.notApplied"), "status", t.text(Message.of("import.state." + run.status().name().toLowerCase(java.util.Locale.ROOT)))));
    if (run.appliedSeq() == null || !journal.recorded(runId)) {
      return Optional.of(t.text(Message.of("import.undo.tooOld")));
    }
    Optional<String> later = db.queryOne("SELECT id, file_name FROM import_runs WHERE school_id = ? AND status = ? AND applied_seq > ?"
        + " ORDER BY applied_seq DESC FETCH FIRST 1 ROWS ONLY", rs -> t.text(Message.of("import.undo.laterName"), "id", String.valueOf(rs.getLong(1)), "file", rs.getString(2)), schoolId, Status.APPLIED, run.appliedSeq());
    if (later.isPresent()) return Optional.of(t.text(Message.of("import.undo.later"), "later", later.get()));
    if (db.count("SELECT COUNT(*) FROM import_runs WHERE school_id = ? AND status = ?", schoolId, Status.RUNNING) > 0) {
      return Optional.of(t.text(Message.of("import.undo.running")));
    }
    return Optional.empty();
  }

  /**
   * Undoes an applied run in one transaction: every account, space, membership and parent link it
   * touched is put back as it was (what it made is switched off or archived, never deleted). Refused,
   * with the reason, when a later import has been applied since. Returns what was done, in words.
   */
  public String undo(long schoolId, long runId, User actor, String language) {
    Texts t = texts(language);
    return db.transaction(() -> {
      Optional<String> why = whyNotUndo(schoolId, runId, language);
      if (why.isPresent()) throw new IllegalArgumentException(t.text(Message.of("import.undo.refused"), "reason", why.get()));
      Run run = run(schoolId, runId).orElseThrow();
      if (db.update("UPDATE import_runs SET status = ?, undone_at = ? WHERE id = ? AND status = ?", Status.UNDONE, Instant.now(), runId, Status.APPLIED) == 0) {
        throw new IllegalArgumentException(t.text(Message.of("import.undo.noLongerApplied")));
      }
      ImportJournal.Undone undone = journal.undo(runId);
      db.update("UPDATE import_runs SET summary = ? WHERE id = ?", cut(t.text(Message.of("import.summary.undone"), "undone", undone.summary(t), "summary", run.summary()), 2000), runId);
      audit.record(schoolId, AuditLog.Action.IMPORT_UNDONE, actor, null, null, run.fileName() + ", import " + runId + ": " + undone.summary(RosterSync.ENGLISH), null);
      return undone.summary(t);
    });
  }

  /**
   * An MIS export holds far more than Courtyard keeps (a CTF carries SEN, ethnicity, free school
   * meals…): the uploaded copy is deleted as soon as its run is applied or has failed, and a
   * preview nobody applied is deleted after a day.
   */
  private void forgetFile(long runId) {
    db.queryOne("SELECT stored_key FROM import_runs WHERE id = ?", rs -> rs.getString(1), runId).ifPresent(key -> {
      try {
        files.delete(key);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Could not delete the uploaded file of import " + runId, e);
      }
    });
    db.update("UPDATE import_runs SET stored_key = NULL WHERE id = ?", runId);
  }

  private void forgetStalePreviews() {
    for (long run : db.query("SELECT id FROM import_runs WHERE status = ? AND stored_key IS NOT NULL AND started_at < ?",
        rs -> rs.getLong(1), Status.PREVIEW, Instant.now().minus(java.time.Duration.ofDays(1)))) {
      forgetFile(run);
      db.update("UPDATE import_runs SET summary = ? WHERE id = ?", Words.of("import.summary.expired").english(), run);
    }
  }

  /** Keeps the progress here and tells the other nodes, a few times a second at most (always the final state). */
  private void report(long runId, Progress p, boolean last) {
    remember(runId, p);
    long now = System.nanoTime();
    if (!last && now - lastTold < TELL_EVERY_NS) return;
    lastTold = now;
    cluster.tellOthers(PROGRESS_TOPIC, new io.vertx.core.json.JsonObject().put("run", runId).put("done", p.done()).put("total", p.total())
        .put("status", p.status().name()).put("message", p.message()));
  }

  /** Progress is kept only while a run goes on; once it ends, its row in import_runs says how it ended. */
  private void remember(long runId, Progress p) {
    if (p.status() == Status.RUNNING) progress.put(runId, p);
    else progress.remove(runId);
  }

  public Optional<Progress> progress(long runId) { return Optional.ofNullable(progress.get(runId)); }

  /** The background job of a run started here, for callers that must wait for it. */
  public Optional<CompletableFuture<Void>> job(long runId) { return Optional.ofNullable(jobs.get(runId)); }

  public Optional<Run> run(long schoolId, long runId) {
    return db.queryOne("SELECT " + RUN_COLUMNS + " FROM import_runs r"
        + " LEFT JOIN users u ON u.id = r.user_id WHERE r.id = ? AND r.school_id = ?", ImportService::mapRun, runId, schoolId);
  }

  public List<Run> history(long schoolId) {
    return db.query("SELECT " + RUN_COLUMNS + " FROM import_runs r"
        + " LEFT JOIN users u ON u.id = r.user_id WHERE r.school_id = ? ORDER BY r.started_at DESC, r.id DESC FETCH FIRST 200 ROWS ONLY",
        ImportService::mapRun, schoolId);
  }

  /** New accounts of a run that have not yet signed in, with their codes: the class letter sheet. */
  public record Letter(String displayName, String username, String code, UserKind kind, String groups) {}

  public List<Letter> letters(long schoolId, long runId) {
    return db.query("SELECT u.display_name, u.username, c.code, u.kind, u.id FROM first_login_codes c JOIN users u ON u.id = c.user_id"
        + " JOIN import_runs r ON r.id = c.import_id WHERE c.import_id = ? AND r.school_id = ? ORDER BY u.kind, u.display_name",
        rs -> new Letter(rs.getString(1), rs.getString(2), rs.getString(3), UserKind.valueOf(rs.getString(4)), groupsOf(rs.getLong(5))), runId, schoolId);
  }

  private String groupsOf(long userId) {
    return String.join(", ", db.query("SELECT s.name FROM spaces s JOIN memberships m ON m.space_id = s.id WHERE m.user_id = ? AND s.kind = 'CLASS' ORDER BY s.name",
        rs -> rs.getString(1), userId));
  }

  private static final String RUN_COLUMNS = "r.id, r.format, r.file_name, r.started_at, r.status, r.summary, u.display_name, r.scope, r.switch_offs, r.archives, r.applied_seq";

  private static Run mapRun(java.sql.ResultSet rs) throws java.sql.SQLException {
    String scope = rs.getString(8);
    long seq = rs.getLong(11);
    Long appliedSeq = rs.wasNull() ? null : seq;
    return new Run(rs.getLong(1), rs.getString(2), rs.getString(3), Db.instant(rs, "started_at"), Status.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
        scope == null ? null : Roster.Scope.valueOf(scope), rs.getInt(9), rs.getInt(10), appliedSeq);
  }

  private static String cut(String s, int max) { return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…"; }
}
