/* lectern-store-history.c: undo and redo
 *
 * Each organizer (the actor) undoes and redoes their own steps, kept in
 * the file's history table: a step is what one top-level write
 * transaction changed, as an SQLite session recorded it (see the
 * Transactions section of lectern-store.c). The rows the last undo or
 * redo wrote are noted, for the views to show them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-store-private.h"

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
  self->actor = actor != NULL && actor[0] != '\0' ? g_strdup (actor) : _lectern_store_default_actor ();
  _lectern_store_emit_history_changed (self);
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

  _lectern_store_bind_text (stmt, 1, self->actor);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      if (id != NULL)
        *id = sqlite3_column_int64 (stmt, 0);
      if (label != NULL)
        *label = g_strdup (_lectern_store_column_text (stmt, 1));
      if (changeset != NULL)
        *changeset = _lectern_store_column_blob (stmt, 2);
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

/* The row the iterator is at: its table, its operation and, when its
 * first key column is a number, that number (an update records its key
 * among the old values). */
static gboolean
changeset_row (sqlite3_changeset_iter  *iter,
               const char             **table,
               int                     *op,
               gboolean                *has_id,
               gint64                  *id)
{
  unsigned char *pk = NULL;
  sqlite3_value *value = NULL;
  int n_columns, indirect, column;

  *has_id = FALSE;
  if (sqlite3changeset_op (iter, table, &n_columns, op, &indirect) != SQLITE_OK ||
      sqlite3changeset_pk (iter, &pk, &n_columns) != SQLITE_OK)
    return FALSE;

  for (column = 0; column < n_columns && !pk[column]; column++)
    ;
  if (column < n_columns &&
      (*op == SQLITE_INSERT ? sqlite3changeset_new (iter, column, &value)
                            : sqlite3changeset_old (iter, column, &value)) == SQLITE_OK &&
      value != NULL && sqlite3_value_type (value) == SQLITE_INTEGER)
    {
      *has_id = TRUE;
      *id = sqlite3_value_int64 (value);
    }

  return TRUE;
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
      gboolean has_id;
      SteppedRow row;
      int op;

      if (!changeset_row (iter, &table, &op, &has_id, &row.id) || !has_id ||
          (op != SQLITE_INSERT && op != SQLITE_UPDATE))
        continue;

      row.table = g_intern_string (table);
      row.inserted = op == SQLITE_INSERT;
      g_array_append_val (self->stepped, row);
    }

  sqlite3changeset_finalize (iter);
}

/* Adds every row @changeset writes (inserts, updates, deletes) to
 * @changes: by its first key column when that is a number, else its
 * whole table. */
static void
add_changeset_rows (LecternChanges *changes,
                    const void     *changeset,
                    int             size)
{
  sqlite3_changeset_iter *iter = NULL;

  if (size == 0 || sqlite3changeset_start (&iter, size, (void *) changeset) != SQLITE_OK)
    return;

  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      gboolean has_id;
      gint64 id = 0;
      int op;

      if (!changeset_row (iter, &table, &op, &has_id, &id))
        continue;
      if (has_id)
        lectern_changes_add_row (changes, table, id);
      else
        lectern_changes_add_table (changes, table);
    }

  sqlite3changeset_finalize (iter);
}

/* Remembers the history as it is now (each step's id and whether it is
 * undone), for _lectern_store_collect_changes(). */
void
_lectern_store_note_steps (LecternStore *self)
{
  sqlite3_stmt *stmt;

  g_hash_table_remove_all (self->seen_steps);
  if (self->schema_version < HISTORY_SCHEMA_VERSION ||
      sqlite3_prepare_v2 (self->db, "SELECT id, undone FROM history", -1, &stmt, NULL) != SQLITE_OK)
    return;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    _lectern_store_note_step (self, sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) != 0);
  sqlite3_finalize (stmt);
}

void
_lectern_store_note_step (LecternStore *self,
                          gint64        id,
                          gboolean      undone)
{
  g_hash_table_insert (self->seen_steps, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (undone));
}

/* What other connections changed since the history was last noted, read
 * from the history itself: each step is one commit's changeset, and an
 * undo or a redo stores what it did as its step's changeset. So the new
 * steps, and the steps whose undone flag flipped, name every row that
 * changed. A change that left no trace there (written by another
 * program, or into a file without history) is reported as everything.
 */
LecternChanges *
_lectern_store_collect_changes (LecternStore *self,
                                gboolean     *any_step)
{
  g_autoptr(LecternChanges) changes = lectern_changes_new ();
  g_autoptr(GArray) stepped = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) now = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (any_step != NULL)
    *any_step = TRUE;   /* unknown: as if */
  if (self->schema_version < HISTORY_SCHEMA_VERSION ||
      sqlite3_prepare_v2 (self->db, "SELECT id, undone FROM history", -1, &stmt, NULL) != SQLITE_OK)
    return lectern_changes_new_everything ();

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean undone = sqlite3_column_int (stmt, 1) != 0;
      gpointer seen;

      if (!g_hash_table_lookup_extended (self->seen_steps, &id, NULL, &seen) ||
          GPOINTER_TO_INT (seen) != undone)
        g_array_append_val (stepped, id);
    }
  ok = sqlite3_finalize (stmt) == SQLITE_OK;

  if (ok && stepped->len > 0 &&
      sqlite3_prepare_v2 (self->db, "SELECT changeset FROM history WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      for (guint i = 0; i < stepped->len; i++)
        {
          sqlite3_bind_int64 (stmt, 1, g_array_index (stepped, gint64, i));
          if (sqlite3_step (stmt) == SQLITE_ROW)
            add_changeset_rows (changes, sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
          sqlite3_reset (stmt);
        }
      sqlite3_finalize (stmt);
    }
  else if (ok && stepped->len > 0)
    ok = FALSE;

  _lectern_store_note_steps (self);
  if (any_step != NULL)
    *any_step = stepped->len > 0;

  /* the file changed, yet no step says how */
  if (!ok || lectern_changes_is_empty (changes))
    return lectern_changes_new_everything ();

  return g_steal_pointer (&changes);
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
    return _lectern_store_set_error_from_db (self, rc, error);

  while (ok && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      g_autofree char *sql = NULL;
      const char *table = NULL;
      int n_columns, op, indirect;

      if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) != SQLITE_OK ||
          g_hash_table_contains (checked, table))
        continue;

      sql = g_strdup_printf ("SELECT COUNT (*) FROM pragma_table_info ('%s')", table);
      if (strchr (table, '\'') != NULL || _lectern_store_query_int (self, sql, -1) != n_columns)
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
    return _lectern_store_set_error_from_db (self, rc, error);

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

  if (!(stmt = _lectern_store_prepare (self, "PRAGMA foreign_key_check", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (found,
                      g_strdup_printf ("%s %lld %s %d", _lectern_store_column_text (stmt, 0),
                                       (long long) sqlite3_column_int64 (stmt, 1),
                                       _lectern_store_column_text (stmt, 2), sqlite3_column_int (stmt, 3)));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _lectern_store_set_error_from_db (self, rc, error);
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
                 _("Cannot redo this step (%s): someone else has changed it since."), label);
  else
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT,
                 _("Cannot undo this step (%s): someone else has changed it since."), label);

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

  if (!_lectern_store_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  if (!_lectern_store_exec (self, "BEGIN IMMEDIATE", error))
    {
      _lectern_store_exec (self, "PRAGMA foreign_keys = ON", NULL);
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
      _lectern_store_set_error_from_db (self, rc, error);
      goto out;
    }

  if (!check_changeset_shape (self, inverse, n_inverse, error) ||
      !(violations_before = foreign_key_violations (self, error)) ||
      !_lectern_store_start_session (self, &session, error))
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
      _lectern_store_set_error_from_db (self, rc, error);
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
      _lectern_store_set_error_from_db (self, rc, error);
      goto out;
    }
  note_stepped_rows (self, done, n_done);

  if (!(stmt = _lectern_store_prepare (self,
                                       "UPDATE history SET changeset = ?, undone = ? WHERE id = ?",
                                       error)))
    goto out;
  /* an empty blob, not NULL, when it changed nothing */
  sqlite3_bind_blob (stmt, 1, done ? done : "", n_done, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, redo ? 0 : 1);
  sqlite3_bind_int64 (stmt, 3, step_id);
  if (!_lectern_store_step_done (self, stmt, error))
    goto out;

  g_clear_pointer (&session, sqlite3session_delete);
  ok = _lectern_store_exec (self, "COMMIT", error);

out:
  g_clear_pointer (&session, sqlite3session_delete);
  if (!ok)
    _lectern_store_exec (self, "ROLLBACK", NULL);
  self->depth = 0;
  if (!_lectern_store_exec (self, "PRAGMA foreign_keys = ON", NULL))
    g_warning ("Could not turn foreign keys back on");

  sqlite3_free (inverse);
  g_free (conflict.table);

  if (ok)
    {
      g_autoptr(LecternChanges) changes = lectern_changes_new ();

      /* the views show rows that changed under them, as after a colleague's edit */
      add_changeset_rows (changes, done, n_done);
      sqlite3_free (done);
      _lectern_store_note_step (self, step_id, !redo);
      _lectern_store_emit_changed (self, changes);
      _lectern_store_emit_history_changed (self);
    }
  else
    sqlite3_free (done);

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
