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

  @Inject
  public ImportService(Db db, ImporterRegistry importers, RosterSync sync, FileStore files, Config config,
                       org.courtyard.core.cluster.Cluster cluster, ImportJournal journal, AuditLog audit) {
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
    String name = fileName == null || fileName.isBlank() ? "the file" : fileName;
    try {
      RosterImporter importer = importers.find(format)
          .orElseThrow(() -> new RosterException("There is no importer for '" + format + "'. Installed: " + importers.all().stream().map(RosterImporter::format).toList() + "."));
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        throw new RosterException(name + " could not be read.");
      }
      if (size == 0) throw new RosterException(name + " is empty.");
      if (size > maxBytes) throw new RosterException(name + " is " + (size / (1024 * 1024)) + " MB; imports are limited to " + (maxBytes / (1024 * 1024)) + " MB.");
      Roster roster = parse(importer, file, name, importers.texts(importer, language));
      Roster.Scope scope = mode != null ? mode : roster.declared();
      if (scope == null) {
        throw new RosterException(name + " does not say whether it holds the whole school, some classes or only changes; say which.");
      }
      Plan plan = sync.plan(schoolId, roster, scope);
      String key;
      try (InputStream in = Files.newInputStream(file)) {
        key = files.put(in);
      } catch (IOException e) {
        throw new RosterException("The file could not be kept for applying: " + e.getMessage());
      }
      long run = db.insert("INSERT INTO import_runs (school_id, user_id, format, file_name, stored_key, status, summary, scope, switch_offs, archives)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          schoolId, userId, importer.format(), cut(name, 255), key, Status.PREVIEW, cut(plan.summary(), 2000), scope.name(),
          plan.switchOffs().size(), plan.archives().size());
      return new Preview(run, plan);
    } catch (RosterException e) {
      db.insert("INSERT INTO import_runs (school_id, user_id, format, file_name, status, summary) VALUES (?, ?, ?, ?, ?, ?)",
          schoolId, userId, cut(format == null ? "?" : format, 20), cut(name, 255), Status.REFUSED, cut(e.getMessage(), 2000));
      throw e;
    }
  }

  private static Roster parse(RosterImporter importer, Path file, String name, org.courtyard.api.i18n.Texts texts) throws RosterException {
    try {
      return importer.parse(file, name, texts);
    } catch (RosterException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.WARNING, "Importer " + importer.format() + " failed on " + name, e);
      throw new RosterException("The " + importer.title() + " importer could not read " + name + ": " + e);
    }
  }

  /** The plan of a previewed run, worked out again from its kept file (to show it again). */
  public Plan plan(long schoolId, long runId) throws RosterException {
    String[] meta = db.queryOne("SELECT format, file_name, stored_key, scope FROM import_runs WHERE id = ? AND school_id = ?",
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, runId, schoolId)
        .orElseThrow(() -> new RosterException("There is no such import."));
    if (meta[2] == null || meta[3] == null) throw new RosterException("The uploaded file is gone; upload it again.");
    RosterImporter importer = importers.find(meta[0]).orElseThrow(() -> new RosterException("The " + meta[0] + " importer is no longer installed."));
    Path stored = files.path(meta[2]).orElseThrow(() -> new RosterException("The uploaded file is gone; upload it again."));
    return sync.plan(schoolId, parse(importer, stored, meta[1], importers.texts(importer, "en")), Roster.Scope.valueOf(meta[3]));
  }

  /**
   * Starts applying a previewed run in the background; the future completes when it has committed or
   * rolled back. {@code confirmed}: the ICT leader said yes to what it switches off and archives.
   */
  public CompletableFuture<RosterSync.Applied> applyInBackground(long schoolId, long runId, User actor, boolean confirmed) {
    Run run = run(schoolId, runId).orElseThrow(() -> new IllegalArgumentException("There is no such import."));
    if (run.status() != Status.PREVIEW) throw new IllegalArgumentException("This import was already " + run.status().name().toLowerCase() + ".");
    if (!confirmed && (run.switchOffs() > 0 || run.archives() > 0)) throw new IllegalArgumentException(unconfirmed(run.switchOffs(), run.archives()));
    if (db.update("UPDATE import_runs SET status = ? WHERE id = ? AND status = ?", Status.RUNNING, runId, Status.PREVIEW) == 0) {
      throw new IllegalArgumentException("This import has already been started.");
    }
    progress.put(runId, new Progress(0, 0, Status.RUNNING, "Starting…"));
    CompletableFuture<RosterSync.Applied> job = CompletableFuture.supplyAsync(() -> applyNow(schoolId, runId, actor, confirmed, null), worker);
    jobs.put(runId, job.thenApply(applied -> null));
    return job;
  }

  /** Why applying without a yes is refused. */
  public static String unconfirmed(int switchOffs, int archives) {
    return "This import would " + consequences(switchOffs, archives) + ". Tick the box to say yes to that, then apply it again. Nothing was changed.";
  }

  /** "switch off 3 accounts and archive 1 class", for the yes box and messages. */
  public static String consequences(int switchOffs, int archives) {
    List<String> parts = new java.util.ArrayList<>();
    if (switchOffs > 0) parts.add("switch off " + (switchOffs == 1 ? "this account" : "these " + switchOffs + " accounts"));
    if (archives > 0) parts.add("archive " + (archives == 1 ? "this class" : "these " + archives + " classes"));
    return String.join(" and ", parts);
  }

  /**
   * Applies a previewed run on this thread (the CLI), reporting progress, in one transaction with its
   * record of what it changed and its audit entry. {@code actor} is null from the command line.
   */
  public RosterSync.Applied applyNow(long schoolId, long runId, User actor, boolean confirmed, RosterSync.Progress listener) {
    try {
      Run run = run(schoolId, runId).orElseThrow();
      String storedKey = db.queryOne("SELECT stored_key FROM import_runs WHERE id = ?", rs -> rs.getString(1), runId).orElse(null);
      RosterImporter importer = importers.find(run.format()).orElseThrow(() -> new RosterException("The " + run.format() + " importer is no longer installed."));
      if (storedKey == null || run.scope() == null) throw new RosterException("The uploaded file is gone; upload it again.");
      Path stored = files.path(storedKey).orElseThrow(() -> new RosterException("The uploaded file is gone; upload it again."));
      Roster roster = parse(importer, stored, run.fileName(), importers.texts(importer, "en"));
      RosterSync.Applied applied = db.transaction(() -> {
        RosterSync.Applied a = sync.apply(schoolId, roster, run.scope(), runId, (done, total) -> {
          report(runId, new Progress(done, total, Status.RUNNING, "Applying " + done + " of " + total), false);
          if (listener != null) listener.at(done, total);
        }, plan -> {
          int offs = plan.switchOffs().size();
          int archives = plan.archives().size();
          if (!confirmed && (offs > 0 || archives > 0)) throw new IllegalStateException(unconfirmed(offs, archives));
          if (offs > run.switchOffs() || archives > run.archives()) {
            throw new IllegalStateException("The school changed since the preview: this import would now " + consequences(offs, archives)
                + ", more than you said yes to. Check the file again.");
          }
        });
        long seq = db.queryOne("SELECT MAX(applied_seq) FROM import_runs WHERE school_id = ?", rs -> rs.getLong(1), schoolId).orElse(0L) + 1;
        db.update("UPDATE import_runs SET status = ?, summary = ?, applied_seq = ? WHERE id = ?", Status.APPLIED,
            cut("Applied: " + a.plan().summary(), 2000), seq, runId);
        audit.record(schoolId, AuditLog.Action.IMPORT_APPLIED, actor, null, null,
            run.fileName() + " (" + run.format() + ", " + run.scope().label().toLowerCase(java.util.Locale.ROOT) + "), import " + runId + ": " + a.plan().summary(), null);
        return a;
      });
      report(runId, new Progress(1, 1, Status.APPLIED, applied.plan().summary()), true);
      return applied;
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Import " + runId + " failed; nothing was changed", e);
      String message = "Nothing was changed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
      db.update("UPDATE import_runs SET status = ?, summary = ? WHERE id = ?", Status.FAILED, cut(message, 2000), runId);
      report(runId, new Progress(0, 0, Status.FAILED, message), true);
      throw new IllegalStateException(message, e);
    } finally {
      forgetFile(runId);
    }
  }

  /** Why this applied run cannot be undone now, or empty when it can. */
  public Optional<String> whyNotUndo(long schoolId, long runId) {
    Run run = run(schoolId, runId).orElse(null);
    if (run == null) return Optional.of("There is no such import.");
    if (run.status() == Status.UNDONE) return Optional.of("This import has already been undone.");
    if (run.status() != Status.APPLIED) return Optional.of("Only an applied import can be undone; this one is " + run.status().name().toLowerCase() + ".");
    if (run.appliedSeq() == null || !journal.recorded(runId)) {
      return Optional.of("This import was applied before Courtyard kept a record of what imports change, so it cannot be undone.");
    }
    Optional<String> later = db.queryOne("SELECT id, file_name FROM import_runs WHERE school_id = ? AND status = ? AND applied_seq > ?"
        + " ORDER BY applied_seq DESC FETCH FIRST 1 ROWS ONLY", rs -> "import " + rs.getLong(1) + " (" + rs.getString(2) + ")", schoolId, Status.APPLIED, run.appliedSeq());
    if (later.isPresent()) return Optional.of("A later import has been applied since: undo " + later.get() + " first, then this one.");
    if (db.count("SELECT COUNT(*) FROM import_runs WHERE school_id = ? AND status = ?", schoolId, Status.RUNNING) > 0) {
      return Optional.of("An import is being applied right now; wait for it to finish.");
    }
    return Optional.empty();
  }

  /**
   * Undoes an applied run in one transaction: every account, space, membership and parent link it
   * touched is put back as it was (what it made is switched off or archived, never deleted). Refused,
   * with the reason, when a later import has been applied since. Returns what was done, in words.
   */
  public String undo(long schoolId, long runId, User actor) {
    return db.transaction(() -> {
      Optional<String> why = whyNotUndo(schoolId, runId);
      if (why.isPresent()) throw new IllegalArgumentException(why.get() + " Nothing was changed.");
      Run run = run(schoolId, runId).orElseThrow();
      if (db.update("UPDATE import_runs SET status = ?, undone_at = ? WHERE id = ? AND status = ?", Status.UNDONE, Instant.now(), runId, Status.APPLIED) == 0) {
        throw new IllegalArgumentException("This import is no longer applied. Nothing was changed.");
      }
      ImportJournal.Undone undone = journal.undo(runId);
      db.update("UPDATE import_runs SET summary = ? WHERE id = ?", cut("Undone: " + undone.summary() + ". " + run.summary(), 2000), runId);
      audit.record(schoolId, AuditLog.Action.IMPORT_UNDONE, actor, null, null, run.fileName() + ", import " + runId + ": " + undone.summary(), null);
      return undone.summary();
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
      db.update("UPDATE import_runs SET summary = ? WHERE id = ?", "Checked but not applied within a day; the uploaded file was deleted.", run);
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
