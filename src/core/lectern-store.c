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
 * has changed it since). See lectern-store-history.c.
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

#include "lectern-store-private.h"

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


/* ------------------------------------------------------------------ */
/* SQLite helpers                                                      */

gboolean
_lectern_store_set_error_from_db (LecternStore  *self,
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

sqlite3_stmt *
_lectern_store_prepare (LecternStore  *self,
                        const char    *sql,
                        GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _lectern_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return stmt;
}

/* Every row @stmt (prepared and bound) gives, as a list of @item_type
 * made by @read. Finalizes @stmt.
 */
GListModel *
_lectern_store_read_rows (LecternStore      *self,
                          sqlite3_stmt      *stmt,
                          GType              item_type,
                          LecternRowReader   read,
                          GError           **error)
{
  g_autoptr(GListStore) list = g_list_store_new (item_type);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read (stmt));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _lectern_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  /* one ::items-changed for the whole list */
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* The one row @stmt (prepared and bound) gives, made by @read, or a
 * NOT_FOUND error saying @not_found. Finalizes @stmt.
 */
gpointer
_lectern_store_read_row (LecternStore      *self,
                         sqlite3_stmt      *stmt,
                         LecternRowReader   read,
                         const char        *not_found,
                         GError           **error)
{
  gpointer object = NULL;
  int rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    object = read (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND, not_found);
  else
    _lectern_store_set_error_from_db (self, rc, error);
  sqlite3_finalize (stmt);

  return object;
}

gboolean
_lectern_store_exec (LecternStore  *self,
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

void
_lectern_store_bind_text (sqlite3_stmt *stmt,
                          int           index,
                          const char   *value)
{
  sqlite3_bind_text (stmt, index, value ? value : "", -1, SQLITE_TRANSIENT);
}

void
_lectern_store_bind_id (sqlite3_stmt *stmt,
                        int           index,
                        gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

const char *
_lectern_store_column_text (sqlite3_stmt *stmt,
                            int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  return text ? (const char *) text : "";
}

GBytes *
_lectern_store_column_blob (sqlite3_stmt *stmt,
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
gboolean
_lectern_store_step_done (LecternStore  *self,
                          sqlite3_stmt  *stmt,
                          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _lectern_store_set_error_from_db (self, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

gint64
_lectern_store_query_int (LecternStore *self,
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

/* The history, the counters and the record of the site are the file's
 * bookkeeping, not the workshop: a session never records them.
 */
static int
session_table_filter (void       *user_data,
                      const char *table)
{
  return g_strcmp0 (table, "history") != 0 && g_strcmp0 (table, "meta") != 0 &&
         g_strcmp0 (table, "site_file") != 0;
}

gboolean
_lectern_store_start_session (LecternStore     *self,
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
      return _lectern_store_set_error_from_db (self, rc, error);
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
gint64
_lectern_store_txn_rev (LecternStore  *self,
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
      self->txn_rev = _lectern_store_query_int (self, sql->str, 0);
      g_string_free (sql, TRUE);
    }
  else
    {
      stmt = _lectern_store_prepare (self,
                                     "UPDATE meta SET value = value + 1 WHERE key = 'rev' RETURNING value",
                                     error);
      if (stmt == NULL)
        return 0;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        self->txn_rev = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW)
        {
          _lectern_store_set_error_from_db (self, rc, error);
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
  if (!(stmt = _lectern_store_prepare (self, sql, error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    return _lectern_store_set_error_from_db (self, rc, error);

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
  *rev = _lectern_store_txn_rev (self, error);

  return *rev > 0 && new_row_id (self, table, id, error);
}

gboolean
_lectern_store_write_begin (LecternStore  *self,
                            GError       **error)
{
  if (self->read_only)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_READ_ONLY,
                   _("The workshop file is open read-only: %s"),
                   self->read_only_reason);
      return FALSE;
    }

  if (!_lectern_store_exec (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT edit", error))
    return FALSE;

  if (self->depth == 0)
    {
      clear_action (self);
      if (history_enabled (self) && !_lectern_store_start_session (self, &self->session, error))
        {
          _lectern_store_exec (self, "ROLLBACK", NULL);
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
void
_lectern_store_label_edit (LecternStore *self,
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
    return _lectern_store_set_error_from_db (self, rc, error);

  if (size == 0)
    {
      sqlite3_free (changeset);
      return TRUE;
    }

  if (!(stmt = _lectern_store_prepare (self, "DELETE FROM history WHERE actor = ? AND undone = 1", error)))
    {
      sqlite3_free (changeset);
      return FALSE;
    }
  _lectern_store_bind_text (stmt, 1, self->actor);
  if (!_lectern_store_step_done (self, stmt, error))
    {
      sqlite3_free (changeset);
      return FALSE;
    }

  label = action_label (self);
  created = now_iso8601 ();

  if (!(stmt = _lectern_store_prepare (self,
                                       "INSERT INTO history (actor, label, changeset, undone, created)"
                                       " VALUES (?, ?, ?, 0, ?)",
                                       error)))
    {
      sqlite3_free (changeset);
      return FALSE;
    }
  _lectern_store_bind_text (stmt, 1, self->actor);
  _lectern_store_bind_text (stmt, 2, label);
  sqlite3_bind_blob (stmt, 3, changeset, size, sqlite3_free);
  _lectern_store_bind_text (stmt, 4, created);
  if (!_lectern_store_step_done (self, stmt, error))
    return FALSE;
  /* our own step: not a change to report at the next look */
  _lectern_store_note_step (self, sqlite3_last_insert_rowid (self->db), FALSE);

  if (!(stmt = _lectern_store_prepare (self,
                                       "DELETE FROM history WHERE actor = ?1 AND id NOT IN"
                                       " (SELECT id FROM history WHERE actor = ?1 ORDER BY id DESC LIMIT ?2)",
                                       error)))
    return FALSE;
  _lectern_store_bind_text (stmt, 1, self->actor);
  sqlite3_bind_int (stmt, 2, HISTORY_LIMIT);
  if (!_lectern_store_step_done (self, stmt, error))
    return FALSE;

  *recorded = TRUE;
  return TRUE;
}

gboolean
_lectern_store_write_end (LecternStore  *self,
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
      else if (ok && !_lectern_store_exec (self, "COMMIT", error))
        ok = FALSE;

      if (!ok)
        {
          _lectern_store_exec (self, "ROLLBACK", NULL);
          recorded = FALSE;
        }

      clear_action (self);
    }
  else
    {
      if (!ok)
        _lectern_store_exec (self, "ROLLBACK TO edit", NULL);
      _lectern_store_exec (self, "RELEASE edit", NULL);
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

  return _lectern_store_write_begin (self, error);
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

  if (!_lectern_store_write_begin (self, error))
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

  return _lectern_store_write_end (self, TRUE, error);
}

void
lectern_store_rollback (LecternStore *self)
{
  g_return_if_fail (LECTERN_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  _lectern_store_write_end (self, FALSE, NULL);
}

/* An UPDATE … WHERE id = ? AND rev = ? that changed nothing: tell a
 * conflict (the row moved on) from a row that is gone.
 */
gboolean
_lectern_store_report_stale (LecternStore  *self,
                             const char    *table,
                             gint64         id,
                             const char    *what,
                             GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rev FROM %s WHERE id = %" G_GINT64_FORMAT,
                                          table, id);

  if (_lectern_store_query_int (self, sql, -1) < 0)
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND,
                 _("“%s” was removed by someone else."), what);
  else
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT,
                 _("“%s” was changed by someone else since you opened it."), what);

  return FALSE;
}

/* Prepares sql, the INSERT of a new row of table that names the row's
 * id and rev last, and binds those two: both stamps of the new row, as
 * new_row() takes them. *rev: the row's rev, for its object.
 */
sqlite3_stmt *
_lectern_store_prepare_insert (LecternStore  *self,
                               const char    *table,
                               const char    *sql,
                               gint64        *rev,
                               GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  int n;

  if (!new_row (self, table, &id, rev, error) ||
      !(stmt = _lectern_store_prepare (self, sql, error)))
    return NULL;

  n = sqlite3_bind_parameter_count (stmt);
  _lectern_store_bind_id (stmt, n - 1, id);
  sqlite3_bind_int64 (stmt, n, *rev);

  return stmt;
}

/* Runs an INSERT from _lectern_store_prepare_insert() and ends the
 * write: commits it, or rolls it back when anything failed. *id: the
 * new row's (SQLite's rowid in an old file without the counter).
 */
gboolean
_lectern_store_finish_insert (LecternStore  *self,
                              sqlite3_stmt  *stmt,
                              gint64        *id,
                              GError       **error)
{
  if (!_lectern_store_step_done (self, stmt, error))
    return _lectern_store_write_end (self, FALSE, NULL);

  *id = sqlite3_last_insert_rowid (self->db);

  return _lectern_store_write_end (self, TRUE, error);
}

/* Prepares sql, an UPDATE of row id that ends in "rev = ? WHERE id = ?
 * AND rev = ?", and binds those three: the transaction's rev (*rev, the
 * row's new one), the id and old_rev, the rev the row was read at. Run
 * it with _lectern_store_step_at_rev().
 */
sqlite3_stmt *
_lectern_store_prepare_update (LecternStore  *self,
                               const char    *sql,
                               gint64         id,
                               gint64         old_rev,
                               gint64        *rev,
                               GError       **error)
{
  sqlite3_stmt *stmt;
  int n;

  if ((*rev = _lectern_store_txn_rev (self, error)) <= 0 ||
      !(stmt = _lectern_store_prepare (self, sql, error)))
    return NULL;

  n = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_int64 (stmt, n - 2, *rev);
  sqlite3_bind_int64 (stmt, n - 1, id);
  sqlite3_bind_int64 (stmt, n, old_rev);

  return stmt;
}

/* Runs an UPDATE or DELETE … WHERE id = ? AND rev = ? of row id of
 * table, and finalizes it. A row it did not change has moved on or is
 * gone: said as _lectern_store_report_stale() says it, naming what.
 */
gboolean
_lectern_store_step_at_rev (LecternStore  *self,
                            sqlite3_stmt  *stmt,
                            const char    *table,
                            gint64         id,
                            const char    *what,
                            GError       **error)
{
  if (!_lectern_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    return _lectern_store_report_stale (self, table, id, what, error);

  return TRUE;
}

/* Removes row id of table, unless it has moved on since it was read at
 * rev (what names it in the message).
 */
gboolean
_lectern_store_remove_row (LecternStore  *self,
                           const char    *table,
                           gint64         id,
                           gint64         rev,
                           const char    *what,
                           GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ? AND rev = ?", table);
  sqlite3_stmt *stmt;

  if (!(stmt = _lectern_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, rev);

  return _lectern_store_step_at_rev (self, stmt, table, id, what, error);
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

static void
lectern_store_finalize (GObject *object)
{
  LecternStore *self = (LecternStore *) object;

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_handle_id (&self->poll_soon_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  clear_action (self);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->stepped, g_array_unref);
  g_clear_pointer (&self->seen_steps, g_hash_table_unref);

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
   * @changes: what changed: the tables, and their rows
   *
   * Another process changed the file, or an undo or a redo did: the
   * views read again what @changes touches (everything, when the change
   * left no step in the history, such as a write by another program).
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1,
                                   LECTERN_TYPE_CHANGES | G_SIGNAL_TYPE_STATIC_SCOPE);

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

/* The other parts emit the signals through these. */
void
_lectern_store_emit_changed (LecternStore   *self,
                             LecternChanges *changes)
{
  g_signal_emit (self, signals[CHANGED], 0, changes);
}

void
_lectern_store_emit_history_changed (LecternStore *self)
{
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);
}

char *
_lectern_store_default_actor (void)
{
  return g_strdup_printf ("%s@%s", g_get_user_name (), g_get_host_name ());
}

static void
lectern_store_init (LecternStore *self)
{
  self->actor = _lectern_store_default_actor ();
  self->stepped = g_array_new (FALSE, FALSE, sizeof (SteppedRow));
  self->seen_steps = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
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

  return _lectern_store_exec (self, "PRAGMA foreign_keys = ON", error);
}

static gboolean migrate_steps (LecternStore *self, int to, GError **error);

static gboolean
migrate (LecternStore  *self,
         int            from,
         int            to,
         GError       **error)
{
  gboolean ok, suspended;

  g_assert (from < to && to <= LECTERN_SCHEMA_VERSION);

  /* A step may rebuild a table: with foreign keys on, dropping the old
   * one would delete its children. They are off for the steps (it can
   * only be set outside a transaction) and checked before the commit.
   */
  if (!_lectern_store_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  /* an upgrade is not an edit anyone could undo */
  suspended = self->history_suspended;
  self->history_suspended = TRUE;
  ok = migrate_steps (self, to, error);
  self->history_suspended = suspended;
  if (!_lectern_store_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    ok = FALSE;

  return ok;
}

static gboolean
migrate_steps (LecternStore  *self,
               int            to,
               GError       **error)
{
  g_autofree char *pragma = NULL;
  int from;

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  /* Re-read under the write lock: someone else may have migrated it. */
  from = _lectern_store_query_int (self, "PRAGMA user_version", 0);
  if (from >= to)
    return _lectern_store_write_end (self, TRUE, error);

  for (int v = from; v < to; v++)
    {
      if (!_lectern_store_exec (self, _lectern_store_migrations[v], error))
        {
          g_prefix_error (error, _("Could not upgrade the workshop file to version %d: "), v + 1);
          return _lectern_store_write_end (self, FALSE, NULL);
        }
    }

  if (_lectern_store_query_int (self, "SELECT COUNT(*) FROM pragma_foreign_key_check", 0) != 0)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_DAMAGED,
                   _("Could not upgrade the workshop file to version %d: it refers to rows that do not exist. It was left as it was."),
                   to);
      return _lectern_store_write_end (self, FALSE, NULL);
    }

  pragma = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                            LECTERN_APPLICATION_ID, to);
  if (!_lectern_store_exec (self, pragma, error))
    return _lectern_store_write_end (self, FALSE, NULL);

  return _lectern_store_write_end (self, TRUE, error);
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

  if (!_lectern_store_check_header (path, error))
    return NULL;

  self = store_new (path);

  if (g_access (self->path, W_OK) != 0)
    {
      self->read_only = TRUE;
      self->read_only_reason = g_strdup (_("you do not have permission to change the file."));
    }

  if (!open_db (self, self->read_only, FALSE, error))
    return NULL;

  app_id = _lectern_store_query_int (self, "PRAGMA application_id", -1);
  if (app_id == -1 && _lectern_store_query_int (self, "PRAGMA schema_version", -1) == -1)
    {
      /* not even the schema could be read */
      _lectern_store_set_damaged_error (path, error);
      return NULL;
    }
  if (app_id != LECTERN_APPLICATION_ID)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_LECTERN,
                   _("“%s” is an SQLite database of another program, not a Lectern workshop file. It was left untouched."),
                   path);
      return NULL;
    }

  version = _lectern_store_query_int (self, "PRAGMA user_version", 0);

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

      if (!_lectern_store_make_backup (self, version, error) ||
          !migrate (self, version, LECTERN_SCHEMA_VERSION, error))
        return NULL;

      version = LECTERN_SCHEMA_VERSION;
    }

  self->schema_version = version;
  self->data_version = _lectern_store_query_int (self, "PRAGMA data_version", 0);
  self->site_version = _lectern_store_query_int (self, "SELECT value FROM meta WHERE key = 'site_version'", 0);
  _lectern_store_note_steps (self);

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

  if (!_lectern_store_exec (self, "INSERT INTO event (id) VALUES (1)", error))
    return NULL;

  self->schema_version = version;
  self->data_version = _lectern_store_query_int (self, "PRAGMA data_version", 0);
  self->site_version = _lectern_store_query_int (self, "SELECT value FROM meta WHERE key = 'site_version'", 0);
  _lectern_store_note_steps (self);

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
/* Soundness                                                           */

GPtrArray *
lectern_store_check (LecternStore  *self,
                     GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (!(stmt = _lectern_store_prepare (self, "PRAGMA integrity_check", error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = _lectern_store_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Damaged file: %s"), line));
    }
  sqlite3_finalize (stmt);

  if (!(stmt = _lectern_store_prepare (self, "PRAGMA foreign_key_check", error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Row %lld of table %s points to a missing row of %s"),
                                      (long long) sqlite3_column_int64 (stmt, 1),
                                      _lectern_store_column_text (stmt, 0),
                                      _lectern_store_column_text (stmt, 2)));
  sqlite3_finalize (stmt);

  if (!(stmt = _lectern_store_prepare (self,
                                       "SELECT slug, 'card' FROM card UNION ALL SELECT slug, 'sponsor' FROM sponsor",
                                       error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *slug = _lectern_store_column_text (stmt, 0);

      if (!lectern_slug_is_valid (slug))
        g_ptr_array_add (problems,
                         g_strdup_printf (_("The %s slug “%s” is not a safe file name (use a–z, 0–9, _ and -)"),
                                          _lectern_store_column_text (stmt, 1), slug));
    }
  sqlite3_finalize (stmt);

  /* the schedule's own checks (overlaps and the rest) are in
   * lectern-schedule-checks.c, each with the workshop's severity */

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

  if (!(stmt = _lectern_store_prepare (next, "ATTACH DATABASE ? AS previous", error)))
    goto out;
  _lectern_store_bind_text (stmt, 1, self->path);
  if (!_lectern_store_step_done (next, stmt, error))
    goto out;
  attached = TRUE;

  if (!_lectern_store_write_begin (next, error))
    goto out;

  ok = (rev = _lectern_store_txn_rev (next, error)) > 0;
  for (guint i = 0; ok && i < G_N_ELEMENTS (copy); i++)
    {
      ok = (stmt = _lectern_store_prepare (next, copy[i], error)) != NULL;
      if (ok)
        {
          if (sqlite3_bind_parameter_count (stmt) > 0)
            sqlite3_bind_int64 (stmt, 1, rev);
          ok = _lectern_store_step_done (next, stmt, error);
        }
    }

  ok = _lectern_store_write_end (next, ok, error);

out:
  if (attached)
    _lectern_store_exec (next, "DETACH DATABASE previous", NULL);
  next->history_suspended = FALSE;

  if (!ok)
    {
      g_clear_pointer (&next->db, sqlite3_close);
      g_unlink (next->path);
      return NULL;
    }

  return g_steal_pointer (&next);
}
