/* lectern-store.c: the shared workshop file
 *
 * One SQLite file holds one workshop edition. Several organizers may have
 * it open at once, so:
 *  - every write runs in BEGIN IMMEDIATE (or a savepoint inside a user
 *    action) with a busy timeout, so writers queue instead of failing;
 *  - every editable row has a rev; an update names the rev it was read
 *    at and touches nothing when the row has moved on (a conflict);
 *  - changes by other connections are seen through PRAGMA data_version,
 *    which a network share updates where a file monitor would not fire.
 *
 * Revs come from one counter in the meta table: each write transaction
 * takes one fresh value and stamps it on every row it writes, so a rev
 * is never reused and names one content of its row. An undo puts a row
 * back with its old values and its old rev, which is again a true name;
 * the next edit takes a rev above every rev ever written (no ABA).
 * New rows take their id from a second counter, so an id is never
 * reused either and an undone removal can always come back.
 *
 * Undo: every top-level write transaction is one user action and one
 * step of its organizer's ("actor's") history, kept in the file. While
 * it runs, an SQLite session records what it changes; the changeset is
 * stored with the step. Undoing applies the inverse changeset, refusing
 * if any row it touches is not exactly as the step left it (a colleague
 * has changed it since). See the History section below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "lectern-store.h"

struct _LecternStore
{
  GObject          parent_instance;

  sqlite3         *db;
  char            *path;
  char            *read_only_reason;
  char            *backup_path;
  int              schema_version;
  gboolean         read_only;
  guint            depth;
  gint64           data_version;
  guint            watch_id;

  /* history */
  char            *actor;
  gboolean         history_suspended;  /* creating a file: no step */
  sqlite3_session *session;            /* records the action under way */
  char            *action_label;       /* from lectern_store_begin_action() */
  char            *first_label;        /* of the first edit in the action */
  guint            n_other_labels;     /* edits with another label */
  gint64           txn_rev;            /* the rev this transaction writes */
  GArray          *stepped;            /* SteppedRow: what the last undo/redo wrote */
};

/* A row the last undo or redo put back or changed. */
typedef struct
{
  const char *table;                   /* interned */
  gint64      id;
  gboolean    inserted;
} SteppedRow;

/* The schema version that brought the history and the counters. */
#define HISTORY_SCHEMA_VERSION 3

/* Steps kept per organizer; older ones are forgotten. */
#define HISTORY_LIMIT 200

/* The tables whose rows carry an id and a rev. */
static const char * const rev_tables[] = {
  "event", "person", "card", "sponsor", "day", "room", "session", "slot",
};

G_DEFINE_FINAL_TYPE (LecternStore, lectern_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (lectern-store-error-quark, lectern_store_error)

enum {
  CHANGED,
  HISTORY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The schema history: migrations[v] takes a file from version v to v + 1.
 * Never edit a released step; add one.
 *
 * A step that changes the columns of a table that the history records
 * makes the stored changesets of that table unusable (SQLite applies a
 * changeset only to a table of the same shape): such a step must also
 * empty the history (DELETE FROM history), which undo then reports as
 * nothing to undo rather than half-applying a step.
 */
static const char *migrations[LECTERN_SCHEMA_VERSION] = {
  /* 0 -> 1: the workshop, its people, cards, sponsors and schedule */
  "CREATE TABLE event ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  short_name TEXT NOT NULL DEFAULT '',"
  "  conference TEXT NOT NULL DEFAULT '',"
  "  year INTEGER NOT NULL DEFAULT 0,"
  "  start_date TEXT NOT NULL DEFAULT '',"
  "  end_date TEXT NOT NULL DEFAULT '',"
  "  timezone TEXT NOT NULL DEFAULT 'UTC',"
  "  venue TEXT NOT NULL DEFAULT '',"
  "  room TEXT NOT NULL DEFAULT '',"
  "  room_map_url TEXT NOT NULL DEFAULT '',"
  "  contact_email TEXT NOT NULL DEFAULT '',"
  "  site_url TEXT NOT NULL DEFAULT '',"
  "  openreview_url TEXT NOT NULL DEFAULT '',"
  "  plan_heading TEXT NOT NULL DEFAULT '## 📆 the plan');"
  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  name TEXT NOT NULL,"
  "  first_name TEXT NOT NULL DEFAULT '',"
  "  family_name TEXT NOT NULL DEFAULT '',"
  "  affiliation TEXT NOT NULL DEFAULT '',"
  "  homepage TEXT NOT NULL DEFAULT '',"
  "  image_path TEXT NOT NULL DEFAULT '',"
  "  photo BLOB,"
  "  bio TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE card ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL CHECK (role IN ('speaker', 'panelist', 'moderator', 'organizer')),"
  "  slug TEXT NOT NULL UNIQUE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  archived INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (person_id, role));"
  "CREATE TABLE sponsor ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  name TEXT NOT NULL,"
  "  url TEXT NOT NULL DEFAULT '',"
  "  logo BLOB,"
  "  logo_path TEXT NOT NULL DEFAULT '',"
  "  tier TEXT NOT NULL DEFAULT '',"
  "  slug TEXT NOT NULL UNIQUE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  archived INTEGER NOT NULL DEFAULT 0);"
  /* Cards and sponsors share the site's _projects/ folder. */
  "CREATE TRIGGER card_slug_free BEFORE INSERT ON card"
  "  WHEN EXISTS (SELECT 1 FROM sponsor WHERE slug = NEW.slug)"
  "  BEGIN SELECT RAISE (ABORT, 'slug already used by a sponsor'); END;"
  "CREATE TRIGGER card_slug_free_update BEFORE UPDATE OF slug ON card"
  "  WHEN EXISTS (SELECT 1 FROM sponsor WHERE slug = NEW.slug)"
  "  BEGIN SELECT RAISE (ABORT, 'slug already used by a sponsor'); END;"
  "CREATE TRIGGER sponsor_slug_free BEFORE INSERT ON sponsor"
  "  WHEN EXISTS (SELECT 1 FROM card WHERE slug = NEW.slug)"
  "  BEGIN SELECT RAISE (ABORT, 'slug already used by a card'); END;"
  "CREATE TRIGGER sponsor_slug_free_update BEFORE UPDATE OF slug ON sponsor"
  "  WHEN EXISTS (SELECT 1 FROM card WHERE slug = NEW.slug)"
  "  BEGIN SELECT RAISE (ABORT, 'slug already used by a card'); END;"
  "CREATE TABLE day ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  date TEXT NOT NULL UNIQUE,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE room ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  name TEXT NOT NULL,"
  "  map_url TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE session ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  emoji TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE slot ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,"
  "  room_id INTEGER REFERENCES room (id) ON DELETE SET NULL,"
  "  session_id INTEGER REFERENCES session (id) ON DELETE SET NULL,"
  "  start INTEGER NOT NULL CHECK (start >= 0 AND start < 1440),"
  "  duration INTEGER NOT NULL CHECK (duration >= 0 AND start + duration <= 1440),"
  "  kind TEXT NOT NULL,"
  "  emoji TEXT NOT NULL DEFAULT '',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  abstract TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  note_link_text TEXT NOT NULL DEFAULT '',"
  "  note_url TEXT NOT NULL DEFAULT '',"
  "  sponsor_id INTEGER REFERENCES sponsor (id) ON DELETE SET NULL);"
  "CREATE INDEX slot_by_day ON slot (day_id, start);"
  "CREATE TABLE appearance ("
  "  slot_id INTEGER NOT NULL REFERENCES slot (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL CHECK (role IN ('speaker', 'panelist', 'moderator', 'author')),"
  "  position INTEGER NOT NULL,"
  "  affiliation TEXT,"
  "  PRIMARY KEY (slot_id, position));"
  "CREATE INDEX appearance_by_person ON appearance (person_id);"
  "CREATE TABLE slot_link ("
  "  slot_id INTEGER NOT NULL REFERENCES slot (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  url TEXT NOT NULL,"
  "  PRIMARY KEY (slot_id, position));",

  /* 1 -> 2: the organizers' private fields, which never reach the site */
  "ALTER TABLE person ADD COLUMN email TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE person ADD COLUMN status TEXT NOT NULL DEFAULT ''"
  "  CHECK (status IN ('', 'invited', 'confirmed', 'declined'));"
  "ALTER TABLE person ADD COLUMN notes TEXT NOT NULL DEFAULT '';",

  /* 2 -> 3: undo history in the file; never-reused revs and ids */
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  actor TEXT NOT NULL,"
  "  label TEXT NOT NULL,"
  "  changeset BLOB NOT NULL,"
  "  undone INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL);"
  "CREATE INDEX history_by_actor ON history (actor, undone, id);"
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value);"
  /* above every rev in the file, and above the DEFAULT 1 of a new row */
  "INSERT INTO meta (key, value)"
  "  SELECT 'rev', COALESCE (MAX (r), 0) + 1 FROM ("
  "    SELECT MAX (rev) AS r FROM event UNION ALL SELECT MAX (rev) FROM person"
  "    UNION ALL SELECT MAX (rev) FROM card UNION ALL SELECT MAX (rev) FROM sponsor"
  "    UNION ALL SELECT MAX (rev) FROM day UNION ALL SELECT MAX (rev) FROM room"
  "    UNION ALL SELECT MAX (rev) FROM session UNION ALL SELECT MAX (rev) FROM slot);"
  "INSERT INTO meta (key, value)"
  "  SELECT 'last_id', COALESCE (MAX (i), 0) FROM ("
  "    SELECT MAX (id) AS i FROM person UNION ALL SELECT MAX (id) FROM card"
  "    UNION ALL SELECT MAX (id) FROM sponsor UNION ALL SELECT MAX (id) FROM day"
  "    UNION ALL SELECT MAX (id) FROM room UNION ALL SELECT MAX (id) FROM session"
  "    UNION ALL SELECT MAX (id) FROM slot);",
};

/* ------------------------------------------------------------------ */
/* SQLite helpers                                                      */

static gboolean
set_error_from_db (LecternStore  *self,
                   int            rc,
                   GError       **error)
{
  int code;
  int primary = rc & 0xff;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    code = LECTERN_STORE_ERROR_BUSY;
  else if (primary == SQLITE_CONSTRAINT)
    code = LECTERN_STORE_ERROR_INVALID;
  else if (primary == SQLITE_READONLY)
    code = LECTERN_STORE_ERROR_READ_ONLY;
  else if (primary == SQLITE_NOTADB)
    code = LECTERN_STORE_ERROR_NOT_SQLITE;
  else
    code = LECTERN_STORE_ERROR_FAILED;

  if (code == LECTERN_STORE_ERROR_BUSY)
    g_set_error (error, LECTERN_STORE_ERROR, code,
                 _("The workshop file is busy: another organizer is saving. Try again in a moment."));
  else
    g_set_error (error, LECTERN_STORE_ERROR, code, "%s",
                 self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));

  return FALSE;
}

static sqlite3_stmt *
prepare (LecternStore  *self,
         const char    *sql,
         GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self, rc, error);
      return NULL;
    }

  return stmt;
}

static gboolean
exec (LecternStore  *self,
      const char    *sql,
      GError       **error)
{
  char *msg = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &msg);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LECTERN_STORE_ERROR,
                   (rc & 0xff) == SQLITE_BUSY ? LECTERN_STORE_ERROR_BUSY
                                              : LECTERN_STORE_ERROR_FAILED,
                   "%s", msg ? msg : sqlite3_errstr (rc));
      sqlite3_free (msg);
      return FALSE;
    }

  return TRUE;
}

/* For a name in a message, which may not be set yet. */
static const char *
text_or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *value)
{
  sqlite3_bind_text (stmt, index, value ? value : "", -1, SQLITE_TRANSIENT);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_blob (sqlite3_stmt *stmt,
           int           index,
           GBytes       *bytes)
{
  gsize size;
  gconstpointer data;

  if (bytes == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  sqlite3_bind_blob64 (stmt, index, data ? data : "", size, SQLITE_TRANSIENT);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  return text ? (const char *) text : "";
}

static GBytes *
column_blob (sqlite3_stmt *stmt,
             int           index)
{
  const void *data;
  int size;

  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return NULL;

  data = sqlite3_column_blob (stmt, index);
  size = sqlite3_column_bytes (stmt, index);

  return g_bytes_new (data, size);
}

/* Runs a statement that returns no rows, and finalizes it. */
static gboolean
step_done (LecternStore  *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

static gint64
query_int (LecternStore *self,
           const char   *sql,
           gint64        fallback)
{
  sqlite3_stmt *stmt;
  gint64 value = fallback;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fallback;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  return value;
}

/* ------------------------------------------------------------------ */
/* Transactions                                                        */

static gboolean
history_enabled (LecternStore *self)
{
  return self->schema_version >= HISTORY_SCHEMA_VERSION && !self->history_suspended;
}

/* The history and the counters are the file's bookkeeping, not the
 * workshop: a session never records them.
 */
static int
session_table_filter (void       *user_data,
                      const char *table)
{
  return g_strcmp0 (table, "history") != 0 && g_strcmp0 (table, "meta") != 0;
}

static gboolean
start_session (LecternStore     *self,
               sqlite3_session **session,
               GError          **error)
{
  int rc;

  rc = sqlite3session_create (self->db, "main", session);
  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (*session, session_table_filter, NULL);
      rc = sqlite3session_attach (*session, NULL);
    }

  if (rc != SQLITE_OK)
    {
      g_clear_pointer (session, sqlite3session_delete);
      return set_error_from_db (self, rc, error);
    }

  return TRUE;
}

static void
clear_action (LecternStore *self)
{
  g_clear_pointer (&self->session, sqlite3session_delete);
  g_clear_pointer (&self->action_label, g_free);
  g_clear_pointer (&self->first_label, g_free);
  self->n_other_labels = 0;
  self->txn_rev = 0;
}

/* The rev this write transaction stamps on every row it writes: one
 * fresh value of the file's counter, taken under the write lock, so it
 * is above every rev any connection has ever written.
 */
static gint64
txn_rev (LecternStore  *self,
         GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (self->depth > 0);

  if (self->txn_rev > 0)
    return self->txn_rev;

  if (self->schema_version < HISTORY_SCHEMA_VERSION)
    {
      /* an old file kept as it is (tests): no counter yet */
      GString *sql = g_string_new ("SELECT MAX (r) + 1 FROM (SELECT 1 AS r");

      for (guint i = 0; i < G_N_ELEMENTS (rev_tables); i++)
        g_string_append_printf (sql, " UNION ALL SELECT MAX (rev) FROM %s", rev_tables[i]);
      g_string_append (sql, ")");
      self->txn_rev = query_int (self, sql->str, 0);
      g_string_free (sql, TRUE);
    }
  else
    {
      stmt = prepare (self, "UPDATE meta SET value = value + 1 WHERE key = 'rev' RETURNING value",
                      error);
      if (stmt == NULL)
        return 0;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        self->txn_rev = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW)
        {
          set_error_from_db (self, rc, error);
          return 0;
        }
    }

  if (self->txn_rev <= 0)
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_FAILED,
                 _("The workshop file has no revision counter."));

  return self->txn_rev;
}

/* An id for a new row of table that no row of any table has had: ids
 * are never reused, so an undone removal can always come back. 0 for an
 * old file without the counter (SQLite then picks the rowid).
 */
static gboolean
new_row_id (LecternStore  *self,
            const char    *table,
            gint64        *id,
            GError       **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  *id = 0;
  if (self->schema_version < HISTORY_SCHEMA_VERSION)
    return TRUE;

  /* MAX: rows written by another program still get no twin */
  sql = g_strdup_printf ("UPDATE meta SET value = MAX (value, (SELECT COALESCE (MAX (id), 0) FROM %s)) + 1"
                         " WHERE key = 'last_id' RETURNING value",
                         table);
  if (!(stmt = prepare (self, sql, error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    return set_error_from_db (self, rc, error);

  return TRUE;
}

/* Both stamps of a new row: its id and the transaction's rev. */
static gboolean
new_row (LecternStore  *self,
         const char    *table,
         gint64        *id,
         gint64        *rev,
         GError       **error)
{
  *rev = txn_rev (self, error);

  return *rev > 0 && new_row_id (self, table, id, error);
}

static gboolean
write_begin (LecternStore  *self,
             GError       **error)
{
  if (self->read_only)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_READ_ONLY,
                   _("The workshop file is open read-only: %s"),
                   self->read_only_reason);
      return FALSE;
    }

  if (!exec (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT edit", error))
    return FALSE;

  if (self->depth == 0)
    {
      clear_action (self);
      if (history_enabled (self) && !start_session (self, &self->session, error))
        {
          exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  self->depth++;
  return TRUE;
}

/* Names the edit just begun, for the undo step: the action's label is
 * the one given to lectern_store_begin_action(), else that of its first
 * edit (and a count of the others).
 */
static void G_GNUC_PRINTF (2, 3)
label_edit (LecternStore *self,
            const char   *format,
            ...)
{
  g_autofree char *label = NULL;
  va_list args;

  if (self->session == NULL)
    return;

  va_start (args, format);
  label = g_strdup_vprintf (format, args);
  va_end (args);

  if (self->first_label == NULL)
    self->first_label = g_steal_pointer (&label);
  else if (g_strcmp0 (self->first_label, label) != 0)
    self->n_other_labels++;
}

static char *
action_label (LecternStore *self)
{
  if (self->action_label != NULL)
    return g_strdup (self->action_label);

  if (self->first_label == NULL)
    return g_strdup (_("Change"));

  if (self->n_other_labels == 0)
    return g_strdup (self->first_label);

  /* Translators: an undo step made of several edits, e.g. "Add Tri Dao and 2 other changes" */
  return g_strdup_printf (ngettext ("%s and %u other change", "%s and %u other changes",
                                    self->n_other_labels),
                          self->first_label, self->n_other_labels);
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

/* Stores what the action changed as a new step of the actor's history,
 * forgets the steps the actor had undone (no redo past a new edit) and
 * the oldest steps beyond the limit. *recorded: a step was stored (an
 * action that changed nothing is no step).
 */
static gboolean
record_step (LecternStore  *self,
             gboolean      *recorded,
             GError       **error)
{
  g_autofree char *label = NULL;
  g_autofree char *created = NULL;
  sqlite3_stmt *stmt;
  void *changeset = NULL;
  int size = 0;
  int rc;

  *recorded = FALSE;

  rc = sqlite3session_changeset (self->session, &size, &changeset);
  if (rc != SQLITE_OK)
    return set_error_from_db (self, rc, error);

  if (size == 0)
    {
      sqlite3_free (changeset);
      return TRUE;
    }

  if (!(stmt = prepare (self, "DELETE FROM history WHERE actor = ? AND undone = 1", error)))
    {
      sqlite3_free (changeset);
      return FALSE;
    }
  bind_text (stmt, 1, self->actor);
  if (!step_done (self, stmt, error))
    {
      sqlite3_free (changeset);
      return FALSE;
    }

  label = action_label (self);
  created = now_iso8601 ();

  if (!(stmt = prepare (self,
                        "INSERT INTO history (actor, label, changeset, undone, created)"
                        " VALUES (?, ?, ?, 0, ?)",
                        error)))
    {
      sqlite3_free (changeset);
      return FALSE;
    }
  bind_text (stmt, 1, self->actor);
  bind_text (stmt, 2, label);
  sqlite3_bind_blob (stmt, 3, changeset, size, sqlite3_free);
  bind_text (stmt, 4, created);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = prepare (self,
                        "DELETE FROM history WHERE actor = ?1 AND id NOT IN"
                        " (SELECT id FROM history WHERE actor = ?1 ORDER BY id DESC LIMIT ?2)",
                        error)))
    return FALSE;
  bind_text (stmt, 1, self->actor);
  sqlite3_bind_int (stmt, 2, HISTORY_LIMIT);
  if (!step_done (self, stmt, error))
    return FALSE;

  *recorded = TRUE;
  return TRUE;
}

static gboolean
write_end (LecternStore  *self,
           gboolean       ok,
           GError       **error)
{
  gboolean recorded = FALSE;

  g_assert (self->depth > 0);

  self->depth--;

  if (self->depth == 0)
    {
      if (ok && self->session != NULL && !record_step (self, &recorded, error))
        ok = FALSE;
      else if (ok && !exec (self, "COMMIT", error))
        ok = FALSE;

      if (!ok)
        {
          exec (self, "ROLLBACK", NULL);
          recorded = FALSE;
        }

      clear_action (self);
    }
  else
    {
      if (!ok)
        exec (self, "ROLLBACK TO edit", NULL);
      exec (self, "RELEASE edit", NULL);
    }

  /* Our own commits do not move data_version; nothing to re-read. */
  if (recorded)
    g_signal_emit (self, signals[HISTORY_CHANGED], 0);

  return ok;
}

gboolean
lectern_store_begin (LecternStore  *self,
                     GError       **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);

  return write_begin (self, error);
}

/* As lectern_store_begin(), naming the undo step ("Add Tri Dao"). Inside
 * an action already begun, the outer action's name stands.
 */
gboolean
lectern_store_begin_action (LecternStore  *self,
                            const char    *label,
                            GError       **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);

  if (!write_begin (self, error))
    return FALSE;

  if (self->depth == 1 && label != NULL)
    {
      g_free (self->action_label);
      self->action_label = g_strdup (label);
    }

  return TRUE;
}

gboolean
lectern_store_commit (LecternStore  *self,
                      GError       **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  return write_end (self, TRUE, error);
}

void
lectern_store_rollback (LecternStore *self)
{
  g_return_if_fail (LECTERN_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  write_end (self, FALSE, NULL);
}

/* An UPDATE … WHERE id = ? AND rev = ? that changed nothing: tell a
 * conflict (the row moved on) from a row that is gone.
 */
static gboolean
report_stale (LecternStore  *self,
              const char    *table,
              gint64         id,
              const char    *what,
              GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rev FROM %s WHERE id = %" G_GINT64_FORMAT,
                                          table, id);

  if (query_int (self, sql, -1) < 0)
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND,
                 _("“%s” was removed by someone else."), what);
  else
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT,
                 _("“%s” was changed by someone else since you opened it."), what);

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

static void
lectern_store_finalize (GObject *object)
{
  LecternStore *self = (LecternStore *) object;

  g_clear_handle_id (&self->watch_id, g_source_remove);
  clear_action (self);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->stepped, g_array_unref);

  G_OBJECT_CLASS (lectern_store_parent_class)->finalize (object);
}

static void
lectern_store_class_init (LecternStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_store_finalize;

  /**
   * LecternStore::changed:
   *
   * Another process changed the file; models should be re-read.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  /**
   * LecternStore::history-changed:
   *
   * What Undo and Redo would do may have changed: a step was recorded,
   * undone or redone, or another process committed to the file.
   */
  signals[HISTORY_CHANGED] = g_signal_new ("history-changed",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static char *
default_actor (void)
{
  return g_strdup_printf ("%s@%s", g_get_user_name (), g_get_host_name ());
}

static void
lectern_store_init (LecternStore *self)
{
  self->actor = default_actor ();
  self->stepped = g_array_new (FALSE, FALSE, sizeof (SteppedRow));
}

static gboolean
open_db (LecternStore  *self,
         gboolean       read_only,
         gboolean       create,
         GError       **error)
{
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  int rc;

  if (create)
    flags |= SQLITE_OPEN_CREATE;

  g_clear_pointer (&self->db, sqlite3_close);

  rc = sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  return exec (self, "PRAGMA foreign_keys = ON", error);
}

/* Read the first bytes ourselves: SQLite would happily "open" any file. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16] = { 0 };
  FILE *file;
  size_t n;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, LECTERN_STORE_ERROR,
                   saved == ENOENT ? LECTERN_STORE_ERROR_NOT_FOUND : LECTERN_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n != sizeof header || memcmp (header, magic, sizeof header) != 0)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not a Lectern workshop file (it is not an SQLite database). It was left untouched."),
                   path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
make_backup (LecternStore  *self,
             int            version,
             GError       **error)
{
  g_autofree char *target = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  target = g_strdup_printf ("%s.v%d.bak", self->path, version);
  for (guint i = 2; g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.v%d-%u.bak", self->path, version, i);
    }

  rc = sqlite3_open_v2 (target, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_FAILED,
                   _("Could not back up the workshop file to “%s” before upgrading it: %s"),
                   target, dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (target);
      return FALSE;
    }

  sqlite3_close (dest);
  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&target);

  return TRUE;
}

static gboolean
migrate (LecternStore  *self,
         int            from,
         int            to,
         GError       **error)
{
  g_autofree char *pragma = NULL;

  g_assert (from < to && to <= LECTERN_SCHEMA_VERSION);

  if (!write_begin (self, error))
    return FALSE;

  /* Re-read under the write lock: someone else may have migrated it. */
  from = query_int (self, "PRAGMA user_version", 0);
  if (from >= to)
    return write_end (self, TRUE, error);

  for (int v = from; v < to; v++)
    {
      if (!exec (self, migrations[v], error))
        {
          g_prefix_error (error, _("Could not upgrade the workshop file to version %d: "), v + 1);
          return write_end (self, FALSE, NULL);
        }
    }

  pragma = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                            LECTERN_APPLICATION_ID, to);
  if (!exec (self, pragma, error))
    return write_end (self, FALSE, NULL);

  return write_end (self, TRUE, error);
}

static LecternStore *
store_new (const char *path)
{
  LecternStore *self = g_object_new (LECTERN_TYPE_STORE, NULL);

  self->path = g_canonicalize_filename (path, NULL);
  return self;
}

LecternStore *
lectern_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(LecternStore) self = NULL;
  gint64 app_id;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, error))
    return NULL;

  self = store_new (path);

  if (g_access (self->path, W_OK) != 0)
    {
      self->read_only = TRUE;
      self->read_only_reason = g_strdup (_("you do not have permission to change the file."));
    }

  if (!open_db (self, self->read_only, FALSE, error))
    return NULL;

  app_id = query_int (self, "PRAGMA application_id", -1);
  if (app_id != LECTERN_APPLICATION_ID)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_LECTERN,
                   _("“%s” is an SQLite database of another program, not a Lectern workshop file. It was left untouched."),
                   path);
      return NULL;
    }

  version = query_int (self, "PRAGMA user_version", 0);

  if (version > LECTERN_SCHEMA_VERSION)
    {
      g_free (self->read_only_reason);
      self->read_only_reason =
        g_strdup_printf (_("it was written by a newer version of Lectern (file format %d; this version knows up to %d). Update Lectern to edit it."),
                         version, LECTERN_SCHEMA_VERSION);
      self->read_only = TRUE;
      if (!open_db (self, TRUE, FALSE, error))
        return NULL;
    }
  else if (version < LECTERN_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_READ_ONLY,
                       _("“%s” needs an upgrade to this version of Lectern, but it is read-only: %s"),
                       path, self->read_only_reason);
          return NULL;
        }

      if (!make_backup (self, version, error) ||
          !migrate (self, version, LECTERN_SCHEMA_VERSION, error))
        return NULL;

      version = LECTERN_SCHEMA_VERSION;
    }

  self->schema_version = version;
  self->data_version = query_int (self, "PRAGMA data_version", 0);

  return g_steal_pointer (&self);
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  LecternStore *store = lectern_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/* Opens (and, when needed, backs up and upgrades) a workshop file off
 * the main thread: a large file on a network share can take a while.
 * The store is then used from the thread that finishes the call.
 */
void
lectern_store_open_async (const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lectern_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_worker);
}

LecternStore *
lectern_store_open_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lectern_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

LecternStore *
_lectern_store_create_at_version (const char  *path,
                                  int          version,
                                  GError     **error)
{
  g_autoptr(LecternStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= LECTERN_SCHEMA_VERSION, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_EXISTS,
                   _("“%s” already exists; choose another name."), path);
      return NULL;
    }

  self = store_new (path);

  if (!open_db (self, FALSE, TRUE, error) ||
      !migrate (self, 0, version, error))
    {
      g_clear_pointer (&self->db, sqlite3_close);
      g_unlink (self->path);
      return NULL;
    }

  if (!exec (self, "INSERT INTO event (id) VALUES (1)", error))
    return NULL;

  self->schema_version = version;
  self->data_version = query_int (self, "PRAGMA data_version", 0);

  return g_steal_pointer (&self);
}

LecternStore *
lectern_store_create (const char  *path,
                      const char  *title,
                      GError     **error)
{
  g_autoptr(LecternStore) self = NULL;
  g_autoptr(LecternEvent) event = NULL;

  self = _lectern_store_create_at_version (path, LECTERN_SCHEMA_VERSION, error);
  if (self == NULL)
    return NULL;

  /* a new file starts with an empty history */
  if (title != NULL)
    {
      gboolean ok;

      event = lectern_store_get_event (self, error);
      if (event == NULL)
        return NULL;
      lectern_event_set_name (event, title);
      self->history_suspended = TRUE;
      ok = lectern_store_update_event (self, event, error);
      self->history_suspended = FALSE;
      if (!ok)
        return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
lectern_store_get_path (LecternStore *self)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  return self->path;
}

gboolean
lectern_store_get_read_only (LecternStore *self)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), TRUE);
  return self->read_only;
}

const char *
lectern_store_get_read_only_reason (LecternStore *self)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  return self->read_only_reason;
}

int
lectern_store_get_schema_version (LecternStore *self)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), 0);
  return self->schema_version;
}

/* The copy made before the last upgrade, or NULL. */
const char *
lectern_store_get_backup_path (LecternStore *self)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  return self->backup_path;
}

/* ------------------------------------------------------------------ */
/* Changes by others                                                   */

/* Returns TRUE, and emits ::changed and ::history-changed, when another
 * connection has committed since the last look.
 */
gboolean
lectern_store_poll_changes (LecternStore *self)
{
  gint64 version;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);

  if (self->depth > 0)
    return FALSE;

  version = query_int (self, "PRAGMA data_version", self->data_version);
  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0);
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);

  return TRUE;
}

static gboolean
watch_cb (gpointer user_data)
{
  lectern_store_poll_changes (LECTERN_STORE (user_data));
  return G_SOURCE_CONTINUE;
}

/* Polls for changes every interval_ms on the thread-default main context
 * (0 stops). File monitors do not fire for writes made on another
 * machine of a network share; data_version does.
 */
void
lectern_store_watch (LecternStore *self,
                     guint         interval_ms)
{
  g_return_if_fail (LECTERN_IS_STORE (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (interval_ms > 0)
    self->watch_id = g_timeout_add (interval_ms, watch_cb, self);
}

/* ------------------------------------------------------------------ */
/* History                                                             */

/* Who "I" am in the history: each organizer undoes only their own
 * steps. NULL restores the default, user@host.
 */
void
lectern_store_set_actor (LecternStore *self,
                         const char   *actor)
{
  g_return_if_fail (LECTERN_IS_STORE (self));

  g_free (self->actor);
  self->actor = actor != NULL && actor[0] != '\0' ? g_strdup (actor) : default_actor ();
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);
}

const char *
lectern_store_get_actor (LecternStore *self)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  return self->actor;
}

/* The step Undo (redo FALSE) or Redo would apply: the actor's latest
 * step not undone, or the one they undid last. A new step forgets the
 * actor's undone ones, so those are always the end of their history.
 */
static gboolean
find_step (LecternStore  *self,
           gboolean       redo,
           gint64        *id,
           char         **label,
           GBytes       **changeset)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (self->schema_version < HISTORY_SCHEMA_VERSION)
    return FALSE;

  if (sqlite3_prepare_v2 (self->db,
                          redo ? "SELECT id, label, changeset FROM history"
                                 " WHERE actor = ? AND undone = 1 ORDER BY id LIMIT 1"
                               : "SELECT id, label, changeset FROM history"
                                 " WHERE actor = ? AND undone = 0 ORDER BY id DESC LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  bind_text (stmt, 1, self->actor);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      if (id != NULL)
        *id = sqlite3_column_int64 (stmt, 0);
      if (label != NULL)
        *label = g_strdup (column_text (stmt, 1));
      if (changeset != NULL)
        *changeset = column_blob (stmt, 2);
    }
  sqlite3_finalize (stmt);

  return found;
}

gboolean
lectern_store_can_undo (LecternStore *self)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);

  return !self->read_only && find_step (self, FALSE, NULL, NULL, NULL);
}

gboolean
lectern_store_can_redo (LecternStore *self)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);

  return !self->read_only && find_step (self, TRUE, NULL, NULL, NULL);
}

/* "Edit Percy Liang", for "Undo Edit Percy Liang"; NULL when there is
 * nothing to undo.
 */
char *
lectern_store_get_undo_label (LecternStore *self)
{
  char *label = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (self->read_only || !find_step (self, FALSE, NULL, &label, NULL))
    return NULL;

  return label;
}

char *
lectern_store_get_redo_label (LecternStore *self)
{
  char *label = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (self->read_only || !find_step (self, TRUE, NULL, &label, NULL))
    return NULL;

  return label;
}

/* Notes the rows @changeset inserts or updates, for
 * lectern_store_get_stepped_ids(): the views show the organizer what an
 * undo or redo did.
 */
static void
note_stepped_rows (LecternStore *self,
                   const void   *changeset,
                   int           size)
{
  sqlite3_changeset_iter *iter = NULL;

  g_array_set_size (self->stepped, 0);

  if (size == 0 || sqlite3changeset_start (&iter, size, (void *) changeset) != SQLITE_OK)
    return;

  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      unsigned char *pk = NULL;
      sqlite3_value *value = NULL;
      int n_columns, op, indirect, column;
      SteppedRow row;

      if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) != SQLITE_OK ||
          (op != SQLITE_INSERT && op != SQLITE_UPDATE) ||
          sqlite3changeset_pk (iter, &pk, &n_columns) != SQLITE_OK)
        continue;

      for (column = 0; column < n_columns && !pk[column]; column++)
        ;
      if (column == n_columns)
        continue;

      /* an update records its key among the old values */
      if ((op == SQLITE_INSERT ? sqlite3changeset_new (iter, column, &value)
                               : sqlite3changeset_old (iter, column, &value)) != SQLITE_OK ||
          value == NULL || sqlite3_value_type (value) != SQLITE_INTEGER)
        continue;

      row.table = g_intern_string (table);
      row.id = sqlite3_value_int64 (value);
      row.inserted = op == SQLITE_INSERT;
      g_array_append_val (self->stepped, row);
    }

  sqlite3changeset_finalize (iter);
}

typedef struct
{
  gboolean  conflicted;
  int       type;
  char     *table;
} ApplyConflict;

/* Any conflict means the rows are not as the step left them: someone
 * else has changed them since. Never force, never skip: abort.
 */
static int
apply_conflict_cb (void                   *user_data,
                   int                     type,
                   sqlite3_changeset_iter *iter)
{
  ApplyConflict *conflict = user_data;

  if (!conflict->conflicted && type != SQLITE_CHANGESET_FOREIGN_KEY)
    {
      const char *table = NULL;
      int n_columns, op, indirect;

      if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) == SQLITE_OK)
        conflict->table = g_strdup (table);
    }

  conflict->conflicted = TRUE;
  conflict->type = type;

  return SQLITE_CHANGESET_ABORT;
}

/* Checks that every table of the changeset still has the shape it was
 * recorded with: SQLite would silently skip a table that has not.
 */
static gboolean
check_changeset_shape (LecternStore  *self,
                       const void    *changeset,
                       int            size,
                       GError       **error)
{
  g_autoptr(GHashTable) checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_changeset_iter *iter = NULL;
  gboolean ok = TRUE;
  int rc;

  rc = sqlite3changeset_start (&iter, size, (void *) changeset);
  if (rc != SQLITE_OK)
    return set_error_from_db (self, rc, error);

  while (ok && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      g_autofree char *sql = NULL;
      const char *table = NULL;
      int n_columns, op, indirect;

      if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) != SQLITE_OK ||
          g_hash_table_contains (checked, table))
        continue;

      sql = g_strdup_printf ("SELECT COUNT (*) FROM pragma_table_info ('%s')", table);
      if (strchr (table, '\'') != NULL || query_int (self, sql, -1) != n_columns)
        ok = FALSE;
      g_hash_table_add (checked, g_strdup (table));
    }

  rc = sqlite3changeset_finalize (iter);
  if (!ok)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_FAILED,
                   _("This step was recorded by another version of Lectern and cannot be applied."));
      return FALSE;
    }
  if (rc != SQLITE_OK)
    return set_error_from_db (self, rc, error);

  return TRUE;
}

/* PRAGMA foreign_key_check, as a set of "table rowid parent fk". */
static GHashTable *
foreign_key_violations (LecternStore  *self,
                        GError       **error)
{
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (self, "PRAGMA foreign_key_check", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (found,
                      g_strdup_printf ("%s %lld %s %d", column_text (stmt, 0),
                                       (long long) sqlite3_column_int64 (stmt, 1),
                                       column_text (stmt, 2), sqlite3_column_int (stmt, 3)));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&found);
}

static gboolean
refuse_step (gboolean     redo,
             const char  *label,
             GError     **error)
{
  if (redo)
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT,
                 _("Cannot redo “%s”: someone else has changed it since."), label);
  else
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT,
                 _("Cannot undo “%s”: someone else has changed it since."), label);

  return FALSE;
}

/* Undo (redo FALSE) or redo the actor's step, in one transaction:
 *  1. apply the inverse of the step's changeset, aborting at the first
 *     row that is not exactly as the step left it. Every write stamps
 *     the rev, so any later edit of the row, whichever its columns,
 *     is a conflict: a colleague's edit is never overwritten;
 *  2. refuse if it broke a reference (a colleague's card for a person
 *     whose addition is undone);
 *  3. store what this did (recorded by a session) as the step's
 *     changeset, so that the opposite operation is again an inverse.
 * Foreign keys are off meanwhile: the changeset holds the effects of
 * the cascades already, and must not trigger them twice.
 *
 * The rows get back their old revs with their old values. That is safe
 * because revs are never reused: a rev names one content of its row,
 * so a copy read at that rev is a copy of what is there again. (Giving
 * them fresh revs instead would make the actor's previous step on the
 * same row, which expects the old rev, impossible to undo.)
 */
static gboolean
apply_step (LecternStore  *self,
            gboolean       redo,
            GError       **error)
{
  g_autofree char *label = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GHashTable) violations_before = NULL;
  g_autoptr(GHashTable) violations_after = NULL;
  sqlite3_session *session = NULL;
  ApplyConflict conflict = { FALSE, 0, NULL };
  sqlite3_stmt *stmt;
  void *inverse = NULL;
  void *done = NULL;
  int n_inverse = 0;
  int n_done = 0;
  gint64 step_id = 0;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (self->depth == 0, FALSE);

  g_array_set_size (self->stepped, 0);

  if (self->read_only)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_READ_ONLY,
                   _("The workshop file is open read-only: %s"),
                   self->read_only_reason);
      return FALSE;
    }

  if (!exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    {
      exec (self, "PRAGMA foreign_keys = ON", NULL);
      return FALSE;
    }
  self->depth = 1;

  /* under the lock: the actor may be at work in another window too */
  if (!find_step (self, redo, &step_id, &label, &stored) || stored == NULL)
    {
      g_set_error_literal (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND,
                           redo ? _("There is nothing to redo.") : _("There is nothing to undo."));
      goto out;
    }

  rc = sqlite3changeset_invert (g_bytes_get_size (stored), (void *) g_bytes_get_data (stored, NULL),
                                &n_inverse, &inverse);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self, rc, error);
      goto out;
    }

  if (!check_changeset_shape (self, inverse, n_inverse, error) ||
      !(violations_before = foreign_key_violations (self, error)) ||
      !start_session (self, &session, error))
    goto out;

  rc = sqlite3changeset_apply_v2 (self->db, n_inverse, inverse, NULL,
                                  apply_conflict_cb, &conflict, NULL, NULL, 0);
  if (conflict.conflicted)
    {
      g_debug ("%s “%s”: conflict %d in table %s", redo ? "Redo" : "Undo", label,
               conflict.type, conflict.table ? conflict.table : "?");
      refuse_step (redo, label, error);
      goto out;
    }
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self, rc, error);
      goto out;
    }

  if (!(violations_after = foreign_key_violations (self, error)))
    goto out;
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, violations_after);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (violations_before, key))
        {
          g_debug ("%s “%s”: would leave %s", redo ? "Redo" : "Undo", label, (const char *) key);
          refuse_step (redo, label, error);
          goto out;
        }
  }

  rc = sqlite3session_changeset (session, &n_done, &done);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self, rc, error);
      goto out;
    }
  note_stepped_rows (self, done, n_done);

  if (!(stmt = prepare (self, "UPDATE history SET changeset = ?, undone = ? WHERE id = ?", error)))
    goto out;
  /* an empty blob, not NULL, when it changed nothing */
  sqlite3_bind_blob (stmt, 1, done ? done : "", n_done, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, redo ? 0 : 1);
  sqlite3_bind_int64 (stmt, 3, step_id);
  if (!step_done (self, stmt, error))
    goto out;

  g_clear_pointer (&session, sqlite3session_delete);
  ok = exec (self, "COMMIT", error);

out:
  g_clear_pointer (&session, sqlite3session_delete);
  if (!ok)
    exec (self, "ROLLBACK", NULL);
  self->depth = 0;
  if (!exec (self, "PRAGMA foreign_keys = ON", NULL))
    g_warning ("Could not turn foreign keys back on");

  sqlite3_free (inverse);
  sqlite3_free (done);
  g_free (conflict.table);

  if (ok)
    {
      /* the views show rows that changed under them, as after a colleague's edit */
      g_signal_emit (self, signals[CHANGED], 0);
      g_signal_emit (self, signals[HISTORY_CHANGED], 0);
    }

  return ok;
}

/* Reverts the actor's latest step. Refused (LECTERN_STORE_ERROR_CONFLICT,
 * nothing changed) when a colleague has changed any of its rows since.
 * Emits ::changed (re-read the views) and ::history-changed.
 */
gboolean
lectern_store_undo (LecternStore  *self,
                    GError       **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);

  return apply_step (self, FALSE, error);
}

/* Applies again the step the actor undid last; as lectern_store_undo(). */
gboolean
lectern_store_redo (LecternStore  *self,
                    GError       **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);

  return apply_step (self, TRUE, error);
}

/**
 * lectern_store_get_stepped_ids:
 * @self: a #LecternStore
 * @table: a table: "person", "card", "sponsor", …
 *
 * The rows of @table that the last successful undo or redo put back or
 * changed, those it put back first, so that a view can show what the
 * step did (the person a removal's undo brought back).
 *
 * Returns: (transfer full) (element-type gint64): their ids, perhaps none
 */
GArray *
lectern_store_get_stepped_ids (LecternStore *self,
                               const char   *table)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (LECTERN_IS_STORE (self), ids);
  g_return_val_if_fail (table != NULL, ids);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->stepped->len; i++)
      {
        SteppedRow *row = &g_array_index (self->stepped, SteppedRow, i);

        if (row->inserted == (pass == 0) && strcmp (row->table, table) == 0)
          g_array_append_val (ids, row->id);
      }

  return ids;
}

/* ------------------------------------------------------------------ */
/* Soundness                                                           */

GPtrArray *
lectern_store_check (LecternStore  *self,
                     GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (!(stmt = prepare (self, "PRAGMA integrity_check", error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Damaged file: %s"), line));
    }
  sqlite3_finalize (stmt);

  if (!(stmt = prepare (self, "PRAGMA foreign_key_check", error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Row %lld of table %s points to a missing row of %s"),
                                      (long long) sqlite3_column_int64 (stmt, 1),
                                      column_text (stmt, 0), column_text (stmt, 2)));
  sqlite3_finalize (stmt);

  if (!(stmt = prepare (self,
                        "SELECT slug, 'card' FROM card UNION ALL SELECT slug, 'sponsor' FROM sponsor",
                        error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *slug = column_text (stmt, 0);

      if (!lectern_slug_is_valid (slug))
        g_ptr_array_add (problems,
                         g_strdup_printf (_("The %s slug “%s” is not a safe file name (use a–z, 0–9, _ and -)"),
                                          column_text (stmt, 1), slug));
    }
  sqlite3_finalize (stmt);

  if (!(stmt = prepare (self,
                        "SELECT a.title, b.title, a.start FROM slot a JOIN slot b"
                        " ON a.day_id = b.day_id AND a.id < b.id"
                        " AND a.start < b.start + b.duration AND b.start < a.start + a.duration"
                        " AND a.duration > 0 AND b.duration > 0"
                        " AND (a.room_id IS b.room_id)",
                        error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("“%s” and “%s” overlap in the same room"),
                                      column_text (stmt, 0), column_text (stmt, 1)));
  sqlite3_finalize (stmt);

  return g_steal_pointer (&problems);
}

/* ------------------------------------------------------------------ */
/* Next edition                                                        */

/* Next year's workshop file, at path (which must not exist): the same
 * people, with their photos and private fields, and the same sponsors,
 * every card and sponsor archived (category none on the site) but with
 * its slug and place, so that publishing the new edition over the old
 * site hides them until they are brought back. No schedule, no rooms,
 * no history; of the event details only the name, short name,
 * conference, time zone and plan heading are kept.
 */
LecternStore *
lectern_store_new_edition (LecternStore  *self,
                           const char    *path,
                           GError       **error)
{
  static const char * const copy[] = {
    "INSERT INTO main.person (id, rev, name, first_name, family_name, affiliation, homepage,"
    " image_path, photo, bio, email, status, notes)"
    " SELECT id, ?1, name, first_name, family_name, affiliation, homepage,"
    " image_path, photo, bio, email, status, notes FROM previous.person",

    "INSERT INTO main.card (id, rev, person_id, role, slug, position, archived)"
    " SELECT id, ?1, person_id, role, slug, position, 1 FROM previous.card",

    "INSERT INTO main.sponsor (id, rev, name, url, logo, logo_path, tier, slug, position, archived)"
    " SELECT id, ?1, name, url, logo, logo_path, tier, slug, position, 1 FROM previous.sponsor",

    "UPDATE main.event SET rev = ?1,"
    " (name, short_name, conference, timezone, plan_heading) ="
    " (SELECT name, short_name, conference, timezone, plan_heading"
    "  FROM previous.event WHERE id = 1)"
    " WHERE id = 1 AND EXISTS (SELECT 1 FROM previous.event WHERE id = 1)",

    /* the ids of the previous edition are taken */
    "UPDATE main.meta SET value = MAX (value,"
    " (SELECT COALESCE (MAX (id), 0) FROM main.person),"
    " (SELECT COALESCE (MAX (id), 0) FROM main.card),"
    " (SELECT COALESCE (MAX (id), 0) FROM main.sponsor))"
    " WHERE key = 'last_id'",
  };
  g_autoptr(LecternStore) next = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  gboolean attached = FALSE;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (self->depth == 0, NULL);

  next = _lectern_store_create_at_version (path, LECTERN_SCHEMA_VERSION, error);
  if (next == NULL)
    return NULL;

  lectern_store_set_actor (next, self->actor);
  next->history_suspended = TRUE;

  if (!(stmt = prepare (next, "ATTACH DATABASE ? AS previous", error)))
    goto out;
  bind_text (stmt, 1, self->path);
  if (!step_done (next, stmt, error))
    goto out;
  attached = TRUE;

  if (!write_begin (next, error))
    goto out;

  ok = (rev = txn_rev (next, error)) > 0;
  for (guint i = 0; ok && i < G_N_ELEMENTS (copy); i++)
    {
      ok = (stmt = prepare (next, copy[i], error)) != NULL;
      if (ok)
        {
          if (sqlite3_bind_parameter_count (stmt) > 0)
            sqlite3_bind_int64 (stmt, 1, rev);
          ok = step_done (next, stmt, error);
        }
    }

  ok = write_end (next, ok, error);

out:
  if (attached)
    exec (next, "DETACH DATABASE previous", NULL);
  next->history_suspended = FALSE;

  if (!ok)
    {
      g_clear_pointer (&next->db, sqlite3_close);
      g_unlink (next->path);
      return NULL;
    }

  return g_steal_pointer (&next);
}

/* ------------------------------------------------------------------ */
/* Event                                                               */

#define EVENT_COLUMNS \
  "rev, name, short_name, conference, year, start_date, end_date, timezone," \
  " venue, room, room_map_url, contact_email, site_url, openreview_url, plan_heading"

LecternEvent *
lectern_store_get_event (LecternStore  *self,
                         GError       **error)
{
  g_autoptr(LecternEvent) event = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (!(stmt = prepare (self, "SELECT " EVENT_COLUMNS " FROM event WHERE id = 1", error)))
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND,
                     _("The workshop file has no event details."));
      else
        set_error_from_db (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  event = lectern_event_new ();
  lectern_event_set_rev (event, sqlite3_column_int64 (stmt, 0));
  lectern_event_set_name (event, column_text (stmt, 1));
  lectern_event_set_short_name (event, column_text (stmt, 2));
  lectern_event_set_conference (event, column_text (stmt, 3));
  lectern_event_set_year (event, sqlite3_column_int (stmt, 4));
  lectern_event_set_start_date (event, column_text (stmt, 5));
  lectern_event_set_end_date (event, column_text (stmt, 6));
  lectern_event_set_timezone (event, column_text (stmt, 7));
  lectern_event_set_venue (event, column_text (stmt, 8));
  lectern_event_set_room (event, column_text (stmt, 9));
  lectern_event_set_room_map_url (event, column_text (stmt, 10));
  lectern_event_set_contact_email (event, column_text (stmt, 11));
  lectern_event_set_site_url (event, column_text (stmt, 12));
  lectern_event_set_openreview_url (event, column_text (stmt, 13));
  lectern_event_set_plan_heading (event, column_text (stmt, 14));
  sqlite3_finalize (stmt);

  return g_steal_pointer (&event);
}

static gboolean
timezone_is_valid (const char *identifier)
{
  GTimeZone *tz;
  gboolean ok;

  if (identifier == NULL || identifier[0] == '\0')
    return FALSE;

  tz = g_time_zone_new_identifier (identifier);
  ok = tz != NULL;
  g_clear_pointer (&tz, g_time_zone_unref);

  return ok;
}

gboolean
lectern_store_update_event (LecternStore  *self,
                            LecternEvent  *event,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_EVENT (event), FALSE);

  if (!timezone_is_valid (lectern_event_get_timezone (event)))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("“%s” is not a known time zone (use an IANA name such as Pacific/Honolulu)."),
                   lectern_event_get_timezone (event) ? lectern_event_get_timezone (event) : "");
      return FALSE;
    }

  if (!write_begin (self, error))
    return FALSE;

  label_edit (self, "%s", _("Edit event details"));
  if ((rev = txn_rev (self, error)) <= 0)
    return write_end (self, FALSE, NULL);

  stmt = prepare (self,
                  "UPDATE event SET name = ?, short_name = ?, conference = ?,"
                  " year = ?, start_date = ?, end_date = ?, timezone = ?, venue = ?, room = ?,"
                  " room_map_url = ?, contact_email = ?, site_url = ?, openreview_url = ?,"
                  " plan_heading = ?, rev = ? WHERE id = 1 AND rev = ?",
                  error);
  if (stmt == NULL)
    return write_end (self, FALSE, NULL);

  bind_text (stmt, 1, lectern_event_get_name (event));
  bind_text (stmt, 2, lectern_event_get_short_name (event));
  bind_text (stmt, 3, lectern_event_get_conference (event));
  sqlite3_bind_int (stmt, 4, lectern_event_get_year (event));
  bind_text (stmt, 5, lectern_event_get_start_date (event));
  bind_text (stmt, 6, lectern_event_get_end_date (event));
  bind_text (stmt, 7, lectern_event_get_timezone (event));
  bind_text (stmt, 8, lectern_event_get_venue (event));
  bind_text (stmt, 9, lectern_event_get_room (event));
  bind_text (stmt, 10, lectern_event_get_room_map_url (event));
  bind_text (stmt, 11, lectern_event_get_contact_email (event));
  bind_text (stmt, 12, lectern_event_get_site_url (event));
  bind_text (stmt, 13, lectern_event_get_openreview_url (event));
  bind_text (stmt, 14, lectern_event_get_plan_heading (event));
  sqlite3_bind_int64 (stmt, 15, rev);
  sqlite3_bind_int64 (stmt, 16, lectern_event_get_rev (event));

  if (!step_done (self, stmt, error))
    return write_end (self, FALSE, NULL);

  if (sqlite3_changes (self->db) == 0)
    {
      report_stale (self, "event", 1, _("Event details"), error);
      return write_end (self, FALSE, NULL);
    }

  ok = write_end (self, TRUE, error);
  if (ok)
    lectern_event_set_rev (event, rev);

  return ok;
}

/* ------------------------------------------------------------------ */
/* People                                                              */

#define PERSON_COLUMNS \
  "p.id, p.rev, p.name, p.first_name, p.family_name, p.affiliation, p.homepage," \
  " p.image_path, p.photo, p.bio, p.email, p.status, p.notes"
#define N_PERSON_COLUMNS 13

static LecternPerson *
read_person (sqlite3_stmt *stmt,
             int           col)
{
  LecternPerson *person = lectern_person_new ();
  g_autoptr(GBytes) photo = column_blob (stmt, col + 8);
  LecternStatus status = LECTERN_STATUS_NONE;

  lectern_person_set_id (person, sqlite3_column_int64 (stmt, col + 0));
  lectern_person_set_rev (person, sqlite3_column_int64 (stmt, col + 1));
  lectern_person_set_name (person, column_text (stmt, col + 2));
  lectern_person_set_first_name (person, column_text (stmt, col + 3));
  lectern_person_set_family_name (person, column_text (stmt, col + 4));
  lectern_person_set_affiliation (person, column_text (stmt, col + 5));
  lectern_person_set_homepage (person, column_text (stmt, col + 6));
  lectern_person_set_image_path (person, column_text (stmt, col + 7));
  lectern_person_set_photo (person, photo);
  lectern_person_set_bio (person, column_text (stmt, col + 9));
  lectern_person_set_email (person, column_text (stmt, col + 10));
  lectern_status_from_string (column_text (stmt, col + 11), &status);
  lectern_person_set_status (person, status);
  lectern_person_set_notes (person, column_text (stmt, col + 12));

  return person;
}

static gboolean
validate_person (LecternPerson  *person,
                 GError        **error)
{
  const char *name = lectern_person_get_name (person);
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (stripped[0] == '\0')
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("A person needs a name."));
      return FALSE;
    }

  if ((guint) lectern_person_get_status (person) >= LECTERN_N_STATUSES)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("Unknown invitation status."));
      return FALSE;
    }

  return TRUE;
}

/* Fills in the display first and family names from the full name when
 * they were left empty: "Natalia Gimelshein" -> "Natalia" + "Gimelshein".
 */
static void
complete_person_names (LecternPerson *person)
{
  const char *name = lectern_person_get_name (person);
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  const char *space;

  if (lectern_person_get_first_name (person) && lectern_person_get_first_name (person)[0])
    return;

  space = strchr (stripped, ' ');
  if (space == NULL)
    {
      lectern_person_set_first_name (person, stripped);
      if (lectern_person_get_family_name (person) == NULL)
        lectern_person_set_family_name (person, "");
      return;
    }

  {
    g_autofree char *first = g_strndup (stripped, space - stripped);
    g_autofree char *family = g_strstrip (g_strdup (space + 1));

    lectern_person_set_first_name (person, first);
    if (lectern_person_get_family_name (person) == NULL ||
        lectern_person_get_family_name (person)[0] == '\0')
      lectern_person_set_family_name (person, family);
  }
}

static void
bind_person (sqlite3_stmt  *stmt,
             LecternPerson *person)
{
  bind_text (stmt, 1, lectern_person_get_name (person));
  bind_text (stmt, 2, lectern_person_get_first_name (person));
  bind_text (stmt, 3, lectern_person_get_family_name (person));
  bind_text (stmt, 4, lectern_person_get_affiliation (person));
  bind_text (stmt, 5, lectern_person_get_homepage (person));
  bind_text (stmt, 6, lectern_person_get_image_path (person));
  bind_blob (stmt, 7, lectern_person_get_photo (person));
  bind_text (stmt, 8, lectern_person_get_bio (person));
  bind_text (stmt, 9, lectern_person_get_email (person));
  bind_text (stmt, 10, lectern_status_to_string (lectern_person_get_status (person)));
  bind_text (stmt, 11, lectern_person_get_notes (person));
}

gboolean
lectern_store_add_person (LecternStore   *self,
                          LecternPerson  *person,
                          GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_PERSON (person), FALSE);

  if (!validate_person (person, error))
    return FALSE;

  complete_person_names (person);

  if (!write_begin (self, error))
    return FALSE;

  label_edit (self, _("Add %s"), text_or_empty (lectern_person_get_name (person)));
  if (!new_row (self, "person", &id, &rev, error))
    return write_end (self, FALSE, NULL);

  stmt = prepare (self,
                  "INSERT INTO person (name, first_name, family_name, affiliation, homepage,"
                  " image_path, photo, bio, email, status, notes, id, rev)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return write_end (self, FALSE, NULL);

  bind_person (stmt, person);
  bind_id (stmt, 12, id);
  sqlite3_bind_int64 (stmt, 13, rev);
  if (!step_done (self, stmt, error))
    return write_end (self, FALSE, NULL);

  id = sqlite3_last_insert_rowid (self->db);
  if (!write_end (self, TRUE, error))
    return FALSE;

  lectern_person_set_id (person, id);
  lectern_person_set_rev (person, rev);

  return TRUE;
}

gboolean
lectern_store_update_person (LecternStore   *self,
                             LecternPerson  *person,
                             GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_PERSON (person), FALSE);

  if (!validate_person (person, error))
    return FALSE;

  if (!write_begin (self, error))
    return FALSE;

  label_edit (self, _("Edit %s"), text_or_empty (lectern_person_get_name (person)));
  if ((rev = txn_rev (self, error)) <= 0)
    return write_end (self, FALSE, NULL);

  stmt = prepare (self,
                  "UPDATE person SET name = ?, first_name = ?, family_name = ?,"
                  " affiliation = ?, homepage = ?, image_path = ?, photo = ?, bio = ?,"
                  " email = ?, status = ?, notes = ?, rev = ? WHERE id = ? AND rev = ?",
                  error);
  if (stmt == NULL)
    return write_end (self, FALSE, NULL);

  bind_person (stmt, person);
  sqlite3_bind_int64 (stmt, 12, rev);
  sqlite3_bind_int64 (stmt, 13, lectern_person_get_id (person));
  sqlite3_bind_int64 (stmt, 14, lectern_person_get_rev (person));

  if (!step_done (self, stmt, error))
    return write_end (self, FALSE, NULL);

  if (sqlite3_changes (self->db) == 0)
    {
      report_stale (self, "person", lectern_person_get_id (person),
                    lectern_person_get_name (person), error);
      return write_end (self, FALSE, NULL);
    }

  if (!write_end (self, TRUE, error))
    return FALSE;

  lectern_person_set_rev (person, rev);
  return TRUE;
}

gboolean
lectern_store_remove_person (LecternStore   *self,
                             LecternPerson  *person,
                             GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_PERSON (person), FALSE);

  if (!write_begin (self, error))
    return FALSE;

  label_edit (self, _("Remove %s"), text_or_empty (lectern_person_get_name (person)));

  stmt = prepare (self, "DELETE FROM person WHERE id = ? AND rev = ?", error);
  if (stmt == NULL)
    return write_end (self, FALSE, NULL);

  sqlite3_bind_int64 (stmt, 1, lectern_person_get_id (person));
  sqlite3_bind_int64 (stmt, 2, lectern_person_get_rev (person));

  if (!step_done (self, stmt, error))
    return write_end (self, FALSE, NULL);

  if (sqlite3_changes (self->db) == 0)
    {
      report_stale (self, "person", lectern_person_get_id (person),
                    lectern_person_get_name (person), error);
      return write_end (self, FALSE, NULL);
    }

  return write_end (self, TRUE, error);
}

GListModel *
lectern_store_list_people (LecternStore  *self,
                           GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (LECTERN_TYPE_PERSON);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT " PERSON_COLUMNS " FROM person p"
                  " ORDER BY p.family_name COLLATE NOCASE, p.name COLLATE NOCASE, p.id",
                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read_person (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, rc, error);
      return NULL;
    }

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

LecternPerson *
lectern_store_get_person (LecternStore  *self,
                          gint64         id,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  LecternPerson *person = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT " PERSON_COLUMNS " FROM person p WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    person = read_person (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND,
                 _("No such person."));
  else
    set_error_from_db (self, rc, error);
  sqlite3_finalize (stmt);

  return person;
}

/* ------------------------------------------------------------------ */
/* Cards                                                               */

static gboolean
slug_is_taken (LecternStore *self,
               const char   *slug,
               gint64        except_card)
{
  sqlite3_stmt *stmt;
  gboolean taken = FALSE;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT 1 FROM card WHERE slug = ?1 AND id IS NOT ?2"
                          " UNION ALL SELECT 1 FROM sponsor WHERE slug = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return TRUE;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  bind_id (stmt, 2, except_card);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return taken;
}

static char *
unique_slug (LecternStore *self,
             const char   *base)
{
  char *slug = g_strdup (base);

  for (guint i = 2; slug_is_taken (self, slug, 0); i++)
    {
      g_free (slug);
      slug = g_strdup_printf ("%s_%u", base, i);
    }

  return slug;
}

/* A free slug for a new card: "dylan", then "dylan_patel", then
 * "dylan_speaker" (a second card of the same person), then numbers.
 */
char *
lectern_store_suggest_slug (LecternStore  *self,
                            LecternPerson *person,
                            LecternRole    role)
{
  g_autofree char *first = NULL;
  g_autofree char *full = NULL;
  g_autofree char *with_role = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  g_return_val_if_fail (LECTERN_IS_PERSON (person), NULL);

  first = lectern_slugify (lectern_person_get_first_name (person) &&
                           lectern_person_get_first_name (person)[0]
                           ? lectern_person_get_first_name (person)
                           : lectern_person_get_name (person));
  if (!slug_is_taken (self, first, 0))
    return g_steal_pointer (&first);

  full = lectern_slugify (lectern_person_get_name (person));
  if (!slug_is_taken (self, full, 0))
    return g_steal_pointer (&full);

  with_role = g_strdup_printf ("%s_%s", first, lectern_role_to_string (role));
  return unique_slug (self, with_role);
}

static gboolean
check_slug (const char  *slug,
            GError     **error)
{
  if (!lectern_slug_is_valid (slug))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("“%s” cannot be a card’s file name: use lowercase letters, digits, “_” and “-”."),
                   slug ? slug : "");
      return FALSE;
    }

  return TRUE;
}

LecternCard *
lectern_store_add_card (LecternStore   *self,
                        LecternPerson  *person,
                        LecternRole     role,
                        const char     *slug,
                        GError        **error)
{
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *chosen = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 rev;
  int position;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  g_return_val_if_fail (LECTERN_IS_PERSON (person), NULL);
  g_return_val_if_fail (role < LECTERN_N_ROLES, NULL);

  if (!write_begin (self, error))
    return NULL;

  label_edit (self, _("Add %s"), text_or_empty (lectern_person_get_name (person)));

  chosen = slug ? g_strdup (slug) : lectern_store_suggest_slug (self, person, role);
  if (!check_slug (chosen, error))
    {
      write_end (self, FALSE, NULL);
      return NULL;
    }

  if (slug_is_taken (self, chosen, 0))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("Another card already uses the file name “%s”."), chosen);
      write_end (self, FALSE, NULL);
      return NULL;
    }

  stmt = prepare (self, "SELECT COALESCE (MAX (position), 0) + 1 FROM card WHERE role = ?", error);
  if (stmt == NULL)
    {
      write_end (self, FALSE, NULL);
      return NULL;
    }
  bind_text (stmt, 1, lectern_role_to_string (role));
  position = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 1;
  sqlite3_finalize (stmt);

  if (!new_row (self, "card", &id, &rev, error))
    {
      write_end (self, FALSE, NULL);
      return NULL;
    }

  stmt = prepare (self,
                  "INSERT INTO card (person_id, role, slug, position, id, rev) VALUES (?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    {
      write_end (self, FALSE, NULL);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, lectern_person_get_id (person));
  bind_text (stmt, 2, lectern_role_to_string (role));
  bind_text (stmt, 3, chosen);
  sqlite3_bind_int (stmt, 4, position);
  bind_id (stmt, 5, id);
  sqlite3_bind_int64 (stmt, 6, rev);

  if (!step_done (self, stmt, &local_error))
    {
      if (g_error_matches (local_error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID))
        g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                     _("%s already has a %s card."),
                     lectern_person_get_name (person), lectern_role_to_string (role));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      write_end (self, FALSE, NULL);
      return NULL;
    }

  card = lectern_card_new ();
  lectern_card_set_id (card, sqlite3_last_insert_rowid (self->db));
  lectern_card_set_rev (card, rev);
  lectern_card_set_person_id (card, lectern_person_get_id (person));
  lectern_card_set_person (card, person);
  lectern_card_set_role (card, role);
  lectern_card_set_slug (card, chosen);
  lectern_card_set_position (card, position);

  if (!write_end (self, TRUE, error))
    return NULL;

  return g_steal_pointer (&card);
}

/* role: a LecternRole, or -1 for every card. Ordered as on the site. */
GListModel *
lectern_store_list_cards (LecternStore  *self,
                          int            role,
                          GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (LECTERN_TYPE_CARD);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  g_return_val_if_fail (role >= -1 && role < LECTERN_N_ROLES, NULL);

  stmt = prepare (self,
                  "SELECT c.id, c.rev, c.person_id, c.role, c.slug, c.position, c.archived, "
                  PERSON_COLUMNS " FROM card c JOIN person p ON p.id = c.person_id"
                  " WHERE ?1 IS NULL OR c.role = ?1"
                  " ORDER BY CASE c.role WHEN 'speaker' THEN 0 WHEN 'panelist' THEN 1"
                  " WHEN 'moderator' THEN 2 ELSE 3 END, c.position, c.id",
                  error);
  if (stmt == NULL)
    return NULL;

  if (role >= 0)
    bind_text (stmt, 1, lectern_role_to_string (role));
  else
    sqlite3_bind_null (stmt, 1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LecternCard *card = lectern_card_new ();
      g_autoptr(LecternPerson) person = read_person (stmt, 7);
      LecternRole r = LECTERN_ROLE_SPEAKER;

      lectern_role_from_string (column_text (stmt, 3), &r);
      lectern_card_set_id (card, sqlite3_column_int64 (stmt, 0));
      lectern_card_set_rev (card, sqlite3_column_int64 (stmt, 1));
      lectern_card_set_person_id (card, sqlite3_column_int64 (stmt, 2));
      lectern_card_set_role (card, r);
      lectern_card_set_slug (card, column_text (stmt, 4));
      lectern_card_set_position (card, sqlite3_column_int (stmt, 5));
      lectern_card_set_archived (card, sqlite3_column_int (stmt, 6));
      lectern_card_set_person (card, person);
      g_ptr_array_add (items, card);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, rc, error);
      return NULL;
    }

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* The person's name on a card, for messages and undo labels. */
static char *
card_display_name (LecternStore *self,
                   LecternCard  *card)
{
  LecternPerson *person = lectern_card_get_person (card);
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (person != NULL && lectern_person_get_name (person) != NULL)
    return g_strdup (lectern_person_get_name (person));

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT p.name FROM card c JOIN person p ON p.id = c.person_id WHERE c.id = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, lectern_card_get_id (card));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup (column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }

  if (name == NULL)
    name = g_strdup (lectern_card_get_slug (card) ? lectern_card_get_slug (card) : "");

  return name;
}

gboolean
lectern_store_update_card (LecternStore  *self,
                           LecternCard   *card,
                           GError       **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_CARD (card), FALSE);

  if (!check_slug (lectern_card_get_slug (card), error))
    return FALSE;

  if (!write_begin (self, error))
    return FALSE;

  name = card_display_name (self, card);
  label_edit (self, _("Edit %s"), name);

  if (slug_is_taken (self, lectern_card_get_slug (card), lectern_card_get_id (card)))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("Another card already uses the file name “%s”."),
                   lectern_card_get_slug (card));
      return write_end (self, FALSE, NULL);
    }

  if ((rev = txn_rev (self, error)) <= 0)
    return write_end (self, FALSE, NULL);

  stmt = prepare (self,
                  "UPDATE card SET slug = ?, position = ?, archived = ?, rev = ?"
                  " WHERE id = ? AND rev = ?",
                  error);
  if (stmt == NULL)
    return write_end (self, FALSE, NULL);

  bind_text (stmt, 1, lectern_card_get_slug (card));
  sqlite3_bind_int (stmt, 2, lectern_card_get_position (card));
  sqlite3_bind_int (stmt, 3, lectern_card_get_archived (card));
  sqlite3_bind_int64 (stmt, 4, rev);
  sqlite3_bind_int64 (stmt, 5, lectern_card_get_id (card));
  sqlite3_bind_int64 (stmt, 6, lectern_card_get_rev (card));

  if (!step_done (self, stmt, error))
    return write_end (self, FALSE, NULL);

  if (sqlite3_changes (self->db) == 0)
    {
      report_stale (self, "card", lectern_card_get_id (card),
                    lectern_card_get_slug (card), error);
      return write_end (self, FALSE, NULL);
    }

  if (!write_end (self, TRUE, error))
    return FALSE;

  lectern_card_set_rev (card, rev);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Sponsors                                                            */

#define SPONSOR_COLUMNS \
  "id, rev, name, url, logo, logo_path, tier, slug, position, archived"

static LecternSponsor *
read_sponsor (sqlite3_stmt *stmt)
{
  LecternSponsor *sponsor = lectern_sponsor_new ();
  g_autoptr(GBytes) logo = column_blob (stmt, 4);

  lectern_sponsor_set_id (sponsor, sqlite3_column_int64 (stmt, 0));
  lectern_sponsor_set_rev (sponsor, sqlite3_column_int64 (stmt, 1));
  lectern_sponsor_set_name (sponsor, column_text (stmt, 2));
  lectern_sponsor_set_url (sponsor, column_text (stmt, 3));
  lectern_sponsor_set_logo (sponsor, logo);
  lectern_sponsor_set_logo_path (sponsor, column_text (stmt, 5));
  lectern_sponsor_set_tier (sponsor, column_text (stmt, 6));
  lectern_sponsor_set_slug (sponsor, column_text (stmt, 7));
  lectern_sponsor_set_position (sponsor, sqlite3_column_int (stmt, 8));
  lectern_sponsor_set_archived (sponsor, sqlite3_column_int (stmt, 9));

  return sponsor;
}

static void
bind_sponsor (sqlite3_stmt   *stmt,
              LecternSponsor *sponsor)
{
  bind_text (stmt, 1, lectern_sponsor_get_name (sponsor));
  bind_text (stmt, 2, lectern_sponsor_get_url (sponsor));
  bind_blob (stmt, 3, lectern_sponsor_get_logo (sponsor));
  bind_text (stmt, 4, lectern_sponsor_get_logo_path (sponsor));
  bind_text (stmt, 5, lectern_sponsor_get_tier (sponsor));
  bind_text (stmt, 6, lectern_sponsor_get_slug (sponsor));
  sqlite3_bind_int (stmt, 7, lectern_sponsor_get_position (sponsor));
  sqlite3_bind_int (stmt, 8, lectern_sponsor_get_archived (sponsor));
}

gboolean
lectern_store_add_sponsor (LecternStore    *self,
                           LecternSponsor  *sponsor,
                           GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SPONSOR (sponsor), FALSE);

  if (lectern_sponsor_get_name (sponsor) == NULL || lectern_sponsor_get_name (sponsor)[0] == '\0')
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("A sponsor needs a name."));
      return FALSE;
    }

  if (!write_begin (self, error))
    return FALSE;

  label_edit (self, _("Add %s"), lectern_sponsor_get_name (sponsor));

  if (lectern_sponsor_get_slug (sponsor) == NULL || lectern_sponsor_get_slug (sponsor)[0] == '\0')
    {
      g_autofree char *base = lectern_slugify (lectern_sponsor_get_name (sponsor));
      g_autofree char *slug = unique_slug (self, base);

      lectern_sponsor_set_slug (sponsor, slug);
    }

  if (!check_slug (lectern_sponsor_get_slug (sponsor), error))
    return write_end (self, FALSE, NULL);

  if (slug_is_taken (self, lectern_sponsor_get_slug (sponsor), 0))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("Another card already uses the file name “%s”."),
                   lectern_sponsor_get_slug (sponsor));
      return write_end (self, FALSE, NULL);
    }

  if (lectern_sponsor_get_position (sponsor) <= 0)
    lectern_sponsor_set_position (sponsor,
                                  query_int (self, "SELECT COALESCE (MAX (position), 0) + 1 FROM sponsor", 1));

  if (!new_row (self, "sponsor", &id, &rev, error))
    return write_end (self, FALSE, NULL);

  stmt = prepare (self,
                  "INSERT INTO sponsor (name, url, logo, logo_path, tier, slug, position, archived,"
                  " id, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return write_end (self, FALSE, NULL);

  bind_sponsor (stmt, sponsor);
  bind_id (stmt, 9, id);
  sqlite3_bind_int64 (stmt, 10, rev);
  if (!step_done (self, stmt, error))
    return write_end (self, FALSE, NULL);

  id = sqlite3_last_insert_rowid (self->db);
  if (!write_end (self, TRUE, error))
    return FALSE;

  lectern_sponsor_set_id (sponsor, id);
  lectern_sponsor_set_rev (sponsor, rev);
  return TRUE;
}

gboolean
lectern_store_update_sponsor (LecternStore    *self,
                              LecternSponsor  *sponsor,
                              GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SPONSOR (sponsor), FALSE);

  if (!check_slug (lectern_sponsor_get_slug (sponsor), error))
    return FALSE;

  if (!write_begin (self, error))
    return FALSE;

  label_edit (self, _("Edit %s"), text_or_empty (lectern_sponsor_get_name (sponsor)));
  if ((rev = txn_rev (self, error)) <= 0)
    return write_end (self, FALSE, NULL);

  stmt = prepare (self,
                  "UPDATE sponsor SET name = ?, url = ?, logo = ?, logo_path = ?,"
                  " tier = ?, slug = ?, position = ?, archived = ?, rev = ? WHERE id = ? AND rev = ?",
                  error);
  if (stmt == NULL)
    return write_end (self, FALSE, NULL);

  bind_sponsor (stmt, sponsor);
  sqlite3_bind_int64 (stmt, 9, rev);
  sqlite3_bind_int64 (stmt, 10, lectern_sponsor_get_id (sponsor));
  sqlite3_bind_int64 (stmt, 11, lectern_sponsor_get_rev (sponsor));

  if (!step_done (self, stmt, error))
    return write_end (self, FALSE, NULL);

  if (sqlite3_changes (self->db) == 0)
    {
      report_stale (self, "sponsor", lectern_sponsor_get_id (sponsor),
                    lectern_sponsor_get_name (sponsor), error);
      return write_end (self, FALSE, NULL);
    }

  if (!write_end (self, TRUE, error))
    return FALSE;

  lectern_sponsor_set_rev (sponsor, rev);
  return TRUE;
}

GListModel *
lectern_store_list_sponsors (LecternStore  *self,
                             GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (LECTERN_TYPE_SPONSOR);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT " SPONSOR_COLUMNS " FROM sponsor ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read_sponsor (stmt));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, rc, error);
      return NULL;
    }

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

LecternSponsor *
lectern_store_get_sponsor (LecternStore  *self,
                           gint64         id,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  LecternSponsor *sponsor = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT " SPONSOR_COLUMNS " FROM sponsor WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    sponsor = read_sponsor (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND,
                 _("No such sponsor."));
  else
    set_error_from_db (self, rc, error);
  sqlite3_finalize (stmt);

  return sponsor;
}

/* ------------------------------------------------------------------ */
/* Order on the site                                                   */

typedef struct
{
  gint64 id;
  int    position;
} Placed;

/* Puts row id of table at the 0-based position among the rows that
 * scope selects (an SQL condition, with ?1 bound to scope_value), and
 * renumbers them 1..N. Only rows whose position changes are written,
 * so a colleague editing another card is not disturbed needlessly.
 * Returns the row's new position and rev.
 */
static gboolean
move_row (LecternStore  *self,
          const char    *table,
          const char    *scope,
          const char    *scope_value,
          gint64         id,
          guint          position,
          int           *new_position,
          gint64        *new_rev,
          GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autofree char *select_sql = NULL;
  g_autofree char *update_sql = NULL;
  g_autofree char *rev_sql = NULL;
  sqlite3_stmt *stmt;
  Placed moved = { 0, 0 };
  guint from = G_MAXUINT;
  int rc;

  select_sql = g_strdup_printf ("SELECT id, position FROM %s WHERE %s ORDER BY position, id",
                                table, scope);
  if (!(stmt = prepare (self, select_sql, error)))
    return FALSE;
  if (scope_value != NULL)
    bind_text (stmt, 1, scope_value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Placed row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };

      if (row.id == id)
        {
          from = rows->len;
          moved = row;
        }
      g_array_append_val (rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_error_from_db (self, rc, error);

  if (from == G_MAXUINT)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND,
                   _("No such row."));
      return FALSE;
    }

  position = MIN (position, rows->len - 1);
  g_array_remove_index (rows, from);
  g_array_insert_val (rows, position, moved);

  update_sql = g_strdup_printf ("UPDATE %s SET position = ?, rev = ? WHERE id = ?", table);
  for (guint i = 0; i < rows->len; i++)
    {
      const Placed *row = &g_array_index (rows, Placed, i);
      gint64 rev;

      if (row->position == (int) i + 1)
        continue;

      if ((rev = txn_rev (self, error)) <= 0 ||
          !(stmt = prepare (self, update_sql, error)))
        return FALSE;
      sqlite3_bind_int (stmt, 1, i + 1);
      sqlite3_bind_int64 (stmt, 2, rev);
      sqlite3_bind_int64 (stmt, 3, row->id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  rev_sql = g_strdup_printf ("SELECT rev FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);
  *new_position = position + 1;
  *new_rev = query_int (self, rev_sql, 0);

  return TRUE;
}

/* Fails, as report_stale does, unless row id of table is at rev. */
static gboolean
check_rev (LecternStore  *self,
           const char    *table,
           gint64         id,
           gint64         rev,
           const char    *what,
           GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rev FROM %s WHERE id = %" G_GINT64_FORMAT,
                                          table, id);

  if (query_int (self, sql, -1) == rev)
    return TRUE;

  return report_stale (self, table, id, what, error);
}

/* The one way to reorder cards: drag and drop, Alt+Up/Down and "Move to
 * position…" all come here. position is 0-based among the cards of the
 * card's role (past the end means last); the role's cards are then
 * numbered 1..N. A card changed by someone else since it was read is a
 * conflict, and nothing moves.
 */
gboolean
lectern_store_move_card (LecternStore  *self,
                         LecternCard   *card,
                         guint          position,
                         GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  sqlite3_stmt *stmt;
  gint64 rev = 0;
  int new_position = 0;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_CARD (card), FALSE);

  if (!write_begin (self, error))
    return FALSE;

  name = card_display_name (self, card);
  label_edit (self, _("Move %s"), name);
  if (!check_rev (self, "card", lectern_card_get_id (card), lectern_card_get_rev (card),
                  name, error))
    return write_end (self, FALSE, NULL);

  if (!(stmt = prepare (self, "SELECT role FROM card WHERE id = ?", error)))
    return write_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, lectern_card_get_id (card));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    role = g_strdup (column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (!move_row (self, "card", "role = ?1", role, lectern_card_get_id (card), position,
                 &new_position, &rev, error))
    return write_end (self, FALSE, NULL);

  if (!write_end (self, TRUE, error))
    return FALSE;

  lectern_card_set_position (card, new_position);
  lectern_card_set_rev (card, rev);
  return TRUE;
}

/* Removes one card (the person stays, with any other cards). */
gboolean
lectern_store_remove_card (LecternStore  *self,
                           LecternCard   *card,
                           GError       **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_CARD (card), FALSE);

  if (!write_begin (self, error))
    return FALSE;

  name = card_display_name (self, card);
  label_edit (self, _("Remove %s"), name);

  if (!(stmt = prepare (self, "DELETE FROM card WHERE id = ? AND rev = ?", error)))
    return write_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, lectern_card_get_id (card));
  sqlite3_bind_int64 (stmt, 2, lectern_card_get_rev (card));
  if (!step_done (self, stmt, error))
    return write_end (self, FALSE, NULL);

  if (sqlite3_changes (self->db) == 0)
    {
      report_stale (self, "card", lectern_card_get_id (card), name, error);
      return write_end (self, FALSE, NULL);
    }

  return write_end (self, TRUE, error);
}

/* As lectern_store_move_card(), among all sponsors. */
gboolean
lectern_store_move_sponsor (LecternStore    *self,
                            LecternSponsor  *sponsor,
                            guint            position,
                            GError         **error)
{
  gint64 rev = 0;
  int new_position = 0;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SPONSOR (sponsor), FALSE);

  if (!write_begin (self, error))
    return FALSE;

  label_edit (self, _("Move %s"), text_or_empty (lectern_sponsor_get_name (sponsor)));
  if (!check_rev (self, "sponsor", lectern_sponsor_get_id (sponsor),
                  lectern_sponsor_get_rev (sponsor), lectern_sponsor_get_name (sponsor), error) ||
      !move_row (self, "sponsor", "1", NULL, lectern_sponsor_get_id (sponsor), position,
                 &new_position, &rev, error))
    return write_end (self, FALSE, NULL);

  if (!write_end (self, TRUE, error))
    return FALSE;

  lectern_sponsor_set_position (sponsor, new_position);
  lectern_sponsor_set_rev (sponsor, rev);
  return TRUE;
}

/* Removes a sponsor; slots it sponsored keep their place, unsponsored. */
gboolean
lectern_store_remove_sponsor (LecternStore    *self,
                              LecternSponsor  *sponsor,
                              GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SPONSOR (sponsor), FALSE);

  if (!write_begin (self, error))
    return FALSE;

  label_edit (self, _("Remove %s"), text_or_empty (lectern_sponsor_get_name (sponsor)));
  if (!(stmt = prepare (self, "DELETE FROM sponsor WHERE id = ? AND rev = ?", error)))
    return write_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, lectern_sponsor_get_id (sponsor));
  sqlite3_bind_int64 (stmt, 2, lectern_sponsor_get_rev (sponsor));
  if (!step_done (self, stmt, error))
    return write_end (self, FALSE, NULL);

  if (sqlite3_changes (self->db) == 0)
    {
      report_stale (self, "sponsor", lectern_sponsor_get_id (sponsor),
                    lectern_sponsor_get_name (sponsor), error);
      return write_end (self, FALSE, NULL);
    }

  return write_end (self, TRUE, error);
}

/* ------------------------------------------------------------------ */
/* Days, rooms, sessions                                               */

static gboolean
date_is_valid (const char *date)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (date == NULL || strlen (date) != 10)
    return FALSE;

  iso = g_strconcat (date, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (iso, NULL);

  return dt != NULL;
}

LecternDay *
lectern_store_add_day (LecternStore  *self,
                       const char    *date,
                       GError       **error)
{
  LecternDay *day;
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (!date_is_valid (date))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("“%s” is not a date (use YYYY-MM-DD)."), date ? date : "");
      return NULL;
    }

  if (!write_begin (self, error))
    return NULL;

  label_edit (self, _("Add day %s"), date);
  if (!new_row (self, "day", &id, &rev, error))
    {
      write_end (self, FALSE, NULL);
      return NULL;
    }

  stmt = prepare (self,
                  "INSERT INTO day (date, position, id, rev)"
                  " VALUES (?, (SELECT COALESCE (MAX (position), 0) + 1 FROM day), ?, ?)",
                  error);
  if (stmt == NULL)
    {
      write_end (self, FALSE, NULL);
      return NULL;
    }

  bind_text (stmt, 1, date);
  bind_id (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, rev);
  if (!step_done (self, stmt, error))
    {
      write_end (self, FALSE, NULL);
      return NULL;
    }

  day = lectern_day_new ();
  lectern_day_set_id (day, sqlite3_last_insert_rowid (self->db));
  lectern_day_set_rev (day, rev);
  lectern_day_set_date (day, date);

  if (!write_end (self, TRUE, error))
    g_clear_object (&day);

  return day;
}

GListModel *
lectern_store_list_days (LecternStore  *self,
                         GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (LECTERN_TYPE_DAY);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT id, rev, date, position FROM day ORDER BY date, id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LecternDay) day = lectern_day_new ();

      lectern_day_set_id (day, sqlite3_column_int64 (stmt, 0));
      lectern_day_set_rev (day, sqlite3_column_int64 (stmt, 1));
      lectern_day_set_date (day, column_text (stmt, 2));
      lectern_day_set_position (day, sqlite3_column_int (stmt, 3));
      g_list_store_append (list, day);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

LecternRoom *
lectern_store_add_room (LecternStore  *self,
                        const char    *name,
                        const char    *map_url,
                        GError       **error)
{
  LecternRoom *room;
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!write_begin (self, error))
    return NULL;

  label_edit (self, _("Add room %s"), name);
  if (!new_row (self, "room", &id, &rev, error))
    {
      write_end (self, FALSE, NULL);
      return NULL;
    }

  stmt = prepare (self,
                  "INSERT INTO room (name, map_url, position, id, rev)"
                  " VALUES (?, ?, (SELECT COALESCE (MAX (position), 0) + 1 FROM room), ?, ?)",
                  error);
  if (stmt == NULL)
    {
      write_end (self, FALSE, NULL);
      return NULL;
    }

  bind_text (stmt, 1, name);
  bind_text (stmt, 2, map_url);
  bind_id (stmt, 3, id);
  sqlite3_bind_int64 (stmt, 4, rev);
  if (!step_done (self, stmt, error))
    {
      write_end (self, FALSE, NULL);
      return NULL;
    }

  room = lectern_room_new ();
  lectern_room_set_id (room, sqlite3_last_insert_rowid (self->db));
  lectern_room_set_rev (room, rev);
  lectern_room_set_name (room, name);
  lectern_room_set_map_url (room, map_url);

  if (!write_end (self, TRUE, error))
    g_clear_object (&room);

  return room;
}

LecternSession *
lectern_store_add_session (LecternStore  *self,
                           gint64         day_id,
                           const char    *title,
                           const char    *emoji,
                           GError       **error)
{
  LecternSession *session;
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  if (!write_begin (self, error))
    return NULL;

  label_edit (self, _("Add session %s"), title);
  if (!new_row (self, "session", &id, &rev, error))
    {
      write_end (self, FALSE, NULL);
      return NULL;
    }

  stmt = prepare (self, "INSERT INTO session (day_id, title, emoji, id, rev) VALUES (?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    {
      write_end (self, FALSE, NULL);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, day_id);
  bind_text (stmt, 2, title);
  bind_text (stmt, 3, emoji);
  bind_id (stmt, 4, id);
  sqlite3_bind_int64 (stmt, 5, rev);
  if (!step_done (self, stmt, error))
    {
      write_end (self, FALSE, NULL);
      return NULL;
    }

  session = lectern_session_new ();
  lectern_session_set_id (session, sqlite3_last_insert_rowid (self->db));
  lectern_session_set_rev (session, rev);
  lectern_session_set_day_id (session, day_id);
  lectern_session_set_title (session, title);
  lectern_session_set_emoji (session, emoji ? emoji : "");

  if (!write_end (self, TRUE, error))
    g_clear_object (&session);

  return session;
}

GListModel *
lectern_store_list_sessions (LecternStore  *self,
                             GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (LECTERN_TYPE_SESSION);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT id, rev, day_id, title, emoji FROM session ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LecternSession) session = lectern_session_new ();

      lectern_session_set_id (session, sqlite3_column_int64 (stmt, 0));
      lectern_session_set_rev (session, sqlite3_column_int64 (stmt, 1));
      lectern_session_set_day_id (session, sqlite3_column_int64 (stmt, 2));
      lectern_session_set_title (session, column_text (stmt, 3));
      lectern_session_set_emoji (session, column_text (stmt, 4));
      g_list_store_append (list, session);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* ------------------------------------------------------------------ */
/* Slots                                                               */

static gboolean
validate_slot (LecternSlot  *slot,
               GError      **error)
{
  int start = lectern_slot_get_start (slot);
  int duration = lectern_slot_get_duration (slot);

  if (start < 0 || start >= 24 * 60 || duration < 0 || start + duration > 24 * 60)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("“%s” does not fit in the day."),
                   lectern_slot_get_title (slot) ? lectern_slot_get_title (slot) : "");
      return FALSE;
    }

  if ((guint) lectern_slot_get_kind (slot) >= LECTERN_N_SLOT_KINDS)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("Unknown kind of slot."));
      return FALSE;
    }

  return TRUE;
}

/* "Add Opening remarks", "Edit Poster session"; a slot without a title
 * is named by its kind.
 */
static char *
slot_label (LecternSlot *slot,
            gboolean     edit)
{
  const char *title = lectern_slot_get_title (slot);

  if (title == NULL || title[0] == '\0')
    return g_strdup (edit ? _("Edit slot") : _("Add slot"));

  return g_strdup_printf (edit ? _("Edit %s") : _("Add %s"), title);
}

static void
bind_slot (sqlite3_stmt *stmt,
           LecternSlot  *slot)
{
  sqlite3_bind_int64 (stmt, 1, lectern_slot_get_day_id (slot));
  bind_id (stmt, 2, lectern_slot_get_room_id (slot));
  bind_id (stmt, 3, lectern_slot_get_session_id (slot));
  sqlite3_bind_int (stmt, 4, lectern_slot_get_start (slot));
  sqlite3_bind_int (stmt, 5, lectern_slot_get_duration (slot));
  bind_text (stmt, 6, lectern_slot_kind_to_string (lectern_slot_get_kind (slot)));
  bind_text (stmt, 7, lectern_slot_get_emoji (slot));
  bind_text (stmt, 8, lectern_slot_get_title (slot));
  bind_text (stmt, 9, lectern_slot_get_abstract (slot));
  bind_text (stmt, 10, lectern_slot_get_note (slot));
  bind_text (stmt, 11, lectern_slot_get_note_link_text (slot));
  bind_text (stmt, 12, lectern_slot_get_note_url (slot));
  bind_id (stmt, 13, lectern_slot_get_sponsor_id (slot));
}

/* Replaces the slot's people and links with those of the object. */
static gboolean
write_slot_children (LecternStore  *self,
                     LecternSlot   *slot,
                     GError       **error)
{
  GPtrArray *appearances = lectern_slot_get_appearances (slot);
  GPtrArray *links = lectern_slot_get_links (slot);
  gint64 id = lectern_slot_get_id (slot);
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self, "DELETE FROM appearance WHERE slot_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = prepare (self, "DELETE FROM slot_link WHERE slot_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < appearances->len; i++)
    {
      const LecternAppearance *a = g_ptr_array_index (appearances, i);

      stmt = prepare (self,
                      "INSERT INTO appearance (slot_id, person_id, role, position, affiliation)"
                      " VALUES (?, ?, ?, ?, ?)",
                      error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, a->person_id);
      bind_text (stmt, 3, lectern_appearance_role_to_string (a->role));
      sqlite3_bind_int (stmt, 4, i);
      if (a->affiliation != NULL)
        bind_text (stmt, 5, a->affiliation);
      else
        sqlite3_bind_null (stmt, 5);

      if (!step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < links->len; i++)
    {
      const LecternLink *link = g_ptr_array_index (links, i);

      stmt = prepare (self,
                      "INSERT INTO slot_link (slot_id, position, kind, url) VALUES (?, ?, ?, ?)",
                      error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, link->kind);
      bind_text (stmt, 4, link->url);

      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
lectern_store_add_slot (LecternStore  *self,
                        LecternSlot   *slot,
                        GError       **error)
{
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SLOT (slot), FALSE);

  if (!validate_slot (slot, error))
    return FALSE;

  if (!write_begin (self, error))
    return FALSE;

  label = slot_label (slot, FALSE);
  label_edit (self, "%s", label);
  if (!new_row (self, "slot", &id, &rev, error))
    return write_end (self, FALSE, NULL);

  stmt = prepare (self,
                  "INSERT INTO slot (day_id, room_id, session_id, start, duration, kind, emoji,"
                  " title, abstract, note, note_link_text, note_url, sponsor_id, id, rev)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return write_end (self, FALSE, NULL);

  bind_slot (stmt, slot);
  bind_id (stmt, 14, id);
  sqlite3_bind_int64 (stmt, 15, rev);
  if (!step_done (self, stmt, error))
    return write_end (self, FALSE, NULL);

  lectern_slot_set_id (slot, sqlite3_last_insert_rowid (self->db));
  lectern_slot_set_rev (slot, rev);

  if (!write_slot_children (self, slot, error))
    {
      lectern_slot_set_id (slot, 0);
      return write_end (self, FALSE, NULL);
    }

  if (!write_end (self, TRUE, error))
    {
      lectern_slot_set_id (slot, 0);
      return FALSE;
    }

  return TRUE;
}

gboolean
lectern_store_update_slot (LecternStore  *self,
                           LecternSlot   *slot,
                           GError       **error)
{
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SLOT (slot), FALSE);

  if (!validate_slot (slot, error))
    return FALSE;

  if (!write_begin (self, error))
    return FALSE;

  label = slot_label (slot, TRUE);
  label_edit (self, "%s", label);
  if ((rev = txn_rev (self, error)) <= 0)
    return write_end (self, FALSE, NULL);

  stmt = prepare (self,
                  "UPDATE slot SET day_id = ?, room_id = ?, session_id = ?,"
                  " start = ?, duration = ?, kind = ?, emoji = ?, title = ?, abstract = ?,"
                  " note = ?, note_link_text = ?, note_url = ?, sponsor_id = ?, rev = ?"
                  " WHERE id = ? AND rev = ?",
                  error);
  if (stmt == NULL)
    return write_end (self, FALSE, NULL);

  bind_slot (stmt, slot);
  sqlite3_bind_int64 (stmt, 14, rev);
  sqlite3_bind_int64 (stmt, 15, lectern_slot_get_id (slot));
  sqlite3_bind_int64 (stmt, 16, lectern_slot_get_rev (slot));

  if (!step_done (self, stmt, error))
    return write_end (self, FALSE, NULL);

  if (sqlite3_changes (self->db) == 0)
    {
      report_stale (self, "slot", lectern_slot_get_id (slot),
                    lectern_slot_get_title (slot), error);
      return write_end (self, FALSE, NULL);
    }

  if (!write_slot_children (self, slot, error))
    return write_end (self, FALSE, NULL);

  if (!write_end (self, TRUE, error))
    return FALSE;

  lectern_slot_set_rev (slot, rev);
  return TRUE;
}

/* day_id: one day, or 0 for every day. Ordered by day, then time. */
GListModel *
lectern_store_list_slots (LecternStore  *self,
                          gint64         day_id,
                          GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (LECTERN_TYPE_SLOT);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT s.id, s.rev, s.day_id, s.room_id, s.session_id, s.start, s.duration,"
                  " s.kind, s.emoji, s.title, s.abstract, s.note, s.note_link_text, s.note_url,"
                  " s.sponsor_id FROM slot s JOIN day d ON d.id = s.day_id"
                  " WHERE ?1 IS NULL OR s.day_id = ?1"
                  " ORDER BY d.date, s.start, s.id",
                  error);
  if (stmt == NULL)
    return NULL;

  bind_id (stmt, 1, day_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LecternSlot *slot = lectern_slot_new ();
      LecternSlotKind kind = LECTERN_SLOT_TALK;

      lectern_slot_kind_from_string (column_text (stmt, 7), &kind);
      lectern_slot_set_id (slot, sqlite3_column_int64 (stmt, 0));
      lectern_slot_set_rev (slot, sqlite3_column_int64 (stmt, 1));
      lectern_slot_set_day_id (slot, sqlite3_column_int64 (stmt, 2));
      lectern_slot_set_room_id (slot, sqlite3_column_int64 (stmt, 3));
      lectern_slot_set_session_id (slot, sqlite3_column_int64 (stmt, 4));
      lectern_slot_set_start (slot, sqlite3_column_int (stmt, 5));
      lectern_slot_set_duration (slot, sqlite3_column_int (stmt, 6));
      lectern_slot_set_kind (slot, kind);
      lectern_slot_set_emoji (slot, column_text (stmt, 8));
      lectern_slot_set_title (slot, column_text (stmt, 9));
      lectern_slot_set_abstract (slot, column_text (stmt, 10));
      lectern_slot_set_note (slot, column_text (stmt, 11));
      lectern_slot_set_note_link_text (slot, column_text (stmt, 12));
      lectern_slot_set_note_url (slot, column_text (stmt, 13));
      lectern_slot_set_sponsor_id (slot, sqlite3_column_int64 (stmt, 14));
      g_ptr_array_add (items, slot);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < items->len; i++)
    {
      LecternSlot *slot = g_ptr_array_index (items, i);
      gint64 *key = g_new (gint64, 1);

      *key = lectern_slot_get_id (slot);
      g_hash_table_insert (by_id, key, slot);
    }

  stmt = prepare (self,
                  "SELECT a.slot_id, a.person_id, a.role, a.affiliation, p.name, p.affiliation"
                  " FROM appearance a JOIN person p ON p.id = a.person_id"
                  " ORDER BY a.slot_id, a.position",
                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 slot_id = sqlite3_column_int64 (stmt, 0);
      LecternSlot *slot = g_hash_table_lookup (by_id, &slot_id);
      LecternAppearanceRole role = LECTERN_APPEARANCE_SPEAKER;

      if (slot == NULL)
        continue;

      lectern_appearance_role_from_string (column_text (stmt, 2), &role);
      _lectern_slot_append_loaded_appearance (slot,
                                              sqlite3_column_int64 (stmt, 1),
                                              role,
                                              sqlite3_column_type (stmt, 3) == SQLITE_NULL
                                                ? NULL : column_text (stmt, 3),
                                              column_text (stmt, 4),
                                              column_text (stmt, 5));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, rc, error);
      return NULL;
    }

  stmt = prepare (self, "SELECT slot_id, kind, url FROM slot_link ORDER BY slot_id, position", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 slot_id = sqlite3_column_int64 (stmt, 0);
      LecternSlot *slot = g_hash_table_lookup (by_id, &slot_id);

      if (slot != NULL)
        lectern_slot_add_link (slot, column_text (stmt, 1), column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, rc, error);
      return NULL;
    }

  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}
