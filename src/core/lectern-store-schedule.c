/* lectern-store-schedule.c: the schedule
 *
 * The workshop's days, rooms and sessions, and the slots of the
 * programme with their people and links.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-store-private.h"

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

  if (!_lectern_store_write_begin (self, error))
    return NULL;

  _lectern_store_label_edit (self, _("Add the day %s"), date);
  stmt = _lectern_store_prepare_insert (self, "day",
                                        "INSERT INTO day (date, position, id, rev)"
                                        " VALUES (?, (SELECT COALESCE (MAX (position), 0) + 1 FROM day), ?, ?)",
                                        &rev, error);
  if (stmt == NULL)
    {
      _lectern_store_write_end (self, FALSE, NULL);
      return NULL;
    }

  _lectern_store_bind_text (stmt, 1, date);
  if (!_lectern_store_finish_insert (self, stmt, &id, error))
    return NULL;

  day = lectern_day_new ();
  lectern_day_set_id (day, id);
  lectern_day_set_rev (day, rev);
  lectern_day_set_date (day, date);

  return day;
}

/* A day's visible hours in the timeline (and for the "outside the
 * day's hours" check): from start to end, in minutes after midnight.
 */
gboolean
lectern_store_set_day_hours (LecternStore  *self,
                             LecternDay    *day,
                             int            start,
                             int            end,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_DAY (day), FALSE);

  if (start < 0 || end > 24 * 60 || start >= end)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("A day’s hours run from a start to a later end, within the day."));
      return FALSE;
    }

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, _("Change the hours of %s"), lectern_day_get_date (day));
  stmt = _lectern_store_prepare_update (self, "UPDATE day SET visible_start = ?, visible_end = ?, rev = ?"
                                              " WHERE id = ? AND rev = ?",
                                        lectern_day_get_id (day), lectern_day_get_rev (day), &rev, error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);
  sqlite3_bind_int (stmt, 1, start);
  sqlite3_bind_int (stmt, 2, end);
  if (!_lectern_store_step_at_rev (self, stmt, "day", lectern_day_get_id (day), lectern_day_get_date (day), error))
    return _lectern_store_write_end (self, FALSE, NULL);
  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  lectern_day_set_rev (day, rev);
  lectern_day_set_visible_start (day, start);
  lectern_day_set_visible_end (day, end);
  return TRUE;
}

/* Widens every day's hours to show all of its slots (an import does
 * this once its slots are in). */
gboolean
lectern_store_fit_day_hours (LecternStore  *self,
                             GError       **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, "%s", _("Fit the days’ hours to their slots"));
  if (!_lectern_store_exec (self, LECTERN_FIT_DAY_HOURS_SQL, error))
    return _lectern_store_write_end (self, FALSE, NULL);

  return _lectern_store_write_end (self, TRUE, error);
}

static gpointer
read_day (sqlite3_stmt *stmt)
{
  LecternDay *day = lectern_day_new ();

  lectern_day_set_id (day, sqlite3_column_int64 (stmt, 0));
  lectern_day_set_rev (day, sqlite3_column_int64 (stmt, 1));
  lectern_day_set_date (day, _lectern_store_column_text (stmt, 2));
  lectern_day_set_position (day, sqlite3_column_int (stmt, 3));
  lectern_day_set_visible_start (day, sqlite3_column_int (stmt, 4));
  lectern_day_set_visible_end (day, sqlite3_column_int (stmt, 5));

  return day;
}

GListModel *
lectern_store_list_days (LecternStore  *self,
                         GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = _lectern_store_prepare (self, "SELECT id, rev, date, position, visible_start, visible_end FROM day ORDER BY date, id", error);
  if (stmt == NULL)
    return NULL;

  return _lectern_store_read_rows (self, stmt, LECTERN_TYPE_DAY, read_day, error);
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

  if (!_lectern_store_write_begin (self, error))
    return NULL;

  _lectern_store_label_edit (self, _("Add the room “%s”"), name);
  stmt = _lectern_store_prepare_insert (self, "room",
                                        "INSERT INTO room (name, map_url, position, id, rev)"
                                        " VALUES (?, ?, (SELECT COALESCE (MAX (position), 0) + 1 FROM room), ?, ?)",
                                        &rev, error);
  if (stmt == NULL)
    {
      _lectern_store_write_end (self, FALSE, NULL);
      return NULL;
    }

  _lectern_store_bind_text (stmt, 1, name);
  _lectern_store_bind_text (stmt, 2, map_url);
  if (!_lectern_store_finish_insert (self, stmt, &id, error))
    return NULL;

  room = lectern_room_new ();
  lectern_room_set_id (room, id);
  lectern_room_set_rev (room, rev);
  lectern_room_set_name (room, name);
  lectern_room_set_map_url (room, map_url);

  return room;
}

static gpointer
read_room (sqlite3_stmt *stmt)
{
  LecternRoom *room = lectern_room_new ();

  lectern_room_set_id (room, sqlite3_column_int64 (stmt, 0));
  lectern_room_set_rev (room, sqlite3_column_int64 (stmt, 1));
  lectern_room_set_name (room, _lectern_store_column_text (stmt, 2));
  lectern_room_set_map_url (room, _lectern_store_column_text (stmt, 3));
  lectern_room_set_position (room, sqlite3_column_int (stmt, 4));

  return room;
}

/* The rooms, in the organizers' order. */
GListModel *
lectern_store_list_rooms (LecternStore  *self,
                          GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = _lectern_store_prepare (self, "SELECT id, rev, name, map_url, position FROM room ORDER BY position, id",
                                 error);
  if (stmt == NULL)
    return NULL;

  return _lectern_store_read_rows (self, stmt, LECTERN_TYPE_ROOM, read_room, error);
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

  if (!_lectern_store_write_begin (self, error))
    return NULL;

  _lectern_store_label_edit (self, _("Add the session “%s”"), title);
  stmt = _lectern_store_prepare_insert (self, "session",
                                        "INSERT INTO session (day_id, title, emoji, id, rev) VALUES (?, ?, ?, ?, ?)",
                                        &rev, error);
  if (stmt == NULL)
    {
      _lectern_store_write_end (self, FALSE, NULL);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, day_id);
  _lectern_store_bind_text (stmt, 2, title);
  _lectern_store_bind_text (stmt, 3, emoji);
  if (!_lectern_store_finish_insert (self, stmt, &id, error))
    return NULL;

  session = lectern_session_new ();
  lectern_session_set_id (session, id);
  lectern_session_set_rev (session, rev);
  lectern_session_set_day_id (session, day_id);
  lectern_session_set_title (session, title);
  lectern_session_set_emoji (session, emoji ? emoji : "");

  return session;
}

/**
 * lectern_store_start_session:
 * @slot: a scheduled slot; updated to what is in the file
 * @title: the new session's name
 *
 * Starts a new session on @slot's day, with @slot in it: one step, named
 * "New session “Title”". A slot of the pool has no day to start one on
 * (LECTERN_STORE_ERROR_INVALID); a slot changed by someone else since it
 * was read is a conflict, and nothing is written.
 *
 * Returns: (transfer full) (nullable): the session
 */
LecternSession *
lectern_store_start_session (LecternStore  *self,
                             LecternSlot   *slot,
                             const char    *title,
                             GError       **error)
{
  g_autoptr(LecternSession) session = NULL;
  g_autoptr(LecternSlot) edited = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  g_return_val_if_fail (LECTERN_IS_SLOT (slot), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  if (!lectern_slot_is_scheduled (slot))
    {
      g_set_error_literal (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                           _("A slot in the pool has no day to start a session on: schedule it first."));
      return NULL;
    }

  /* Translators: an undo step; %s is the new session's name */
  label = g_strdup_printf (_("New session “%s”"), title);
  if (!lectern_store_begin_action (self, label, error))
    return NULL;

  edited = lectern_slot_copy (slot);
  if (!(session = lectern_store_add_session (self, lectern_slot_get_day_id (slot), title, "", error)))
    {
      lectern_store_rollback (self);
      return NULL;
    }
  lectern_slot_set_session_id (edited, lectern_session_get_id (session));
  if (!lectern_store_update_slot (self, edited, error))
    {
      lectern_store_rollback (self);
      return NULL;
    }
  if (!lectern_store_commit (self, error))
    return NULL;

  lectern_slot_set_session_id (slot, lectern_slot_get_session_id (edited));
  lectern_slot_set_rev (slot, lectern_slot_get_rev (edited));
  return g_steal_pointer (&session);
}

static gpointer
read_session (sqlite3_stmt *stmt)
{
  LecternSession *session = lectern_session_new ();

  lectern_session_set_id (session, sqlite3_column_int64 (stmt, 0));
  lectern_session_set_rev (session, sqlite3_column_int64 (stmt, 1));
  lectern_session_set_day_id (session, sqlite3_column_int64 (stmt, 2));
  lectern_session_set_title (session, _lectern_store_column_text (stmt, 3));
  lectern_session_set_emoji (session, _lectern_store_column_text (stmt, 4));

  return session;
}

GListModel *
lectern_store_list_sessions (LecternStore  *self,
                             GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = _lectern_store_prepare (self,
                                 "SELECT id, rev, day_id, title, emoji FROM session ORDER BY id",
                                 error);
  if (stmt == NULL)
    return NULL;

  return _lectern_store_read_rows (self, stmt, LECTERN_TYPE_SESSION, read_session, error);
}

/* ------------------------------------------------------------------ */
/* Slots                                                               */

static gboolean
validate_slot (LecternSlot  *slot,
               GError      **error)
{
  int start = lectern_slot_get_start (slot);
  int duration = lectern_slot_get_duration (slot);

  /* a slot in the pool keeps its length for when it is placed */
  if (!lectern_slot_is_scheduled (slot))
    start = 0;

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

  return g_strdup_printf (edit ? _("Edit “%s”") : _("Add “%s”"), title);
}

static void
bind_slot (sqlite3_stmt *stmt,
           LecternSlot  *slot)
{
  /* in the pool: no day, no start */
  _lectern_store_bind_id (stmt, 1, lectern_slot_get_day_id (slot));
  _lectern_store_bind_id (stmt, 2, lectern_slot_get_room_id (slot));
  _lectern_store_bind_id (stmt, 3, lectern_slot_get_session_id (slot));
  if (lectern_slot_is_scheduled (slot))
    sqlite3_bind_int (stmt, 4, lectern_slot_get_start (slot));
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int (stmt, 5, lectern_slot_get_duration (slot));
  _lectern_store_bind_text (stmt, 6, lectern_slot_kind_to_string (lectern_slot_get_kind (slot)));
  _lectern_store_bind_text (stmt, 7, lectern_slot_get_emoji (slot));
  _lectern_store_bind_text (stmt, 8, lectern_slot_get_title (slot));
  _lectern_store_bind_text (stmt, 9, lectern_slot_get_abstract (slot));
  _lectern_store_bind_text (stmt, 10, lectern_slot_get_note (slot));
  _lectern_store_bind_text (stmt, 11, lectern_slot_get_note_link_text (slot));
  _lectern_store_bind_text (stmt, 12, lectern_slot_get_note_url (slot));
  _lectern_store_bind_id (stmt, 13, lectern_slot_get_sponsor_id (slot));
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

  if (!(stmt = _lectern_store_prepare (self, "DELETE FROM appearance WHERE slot_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_lectern_store_step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = _lectern_store_prepare (self, "DELETE FROM slot_link WHERE slot_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_lectern_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < appearances->len; i++)
    {
      const LecternAppearance *a = g_ptr_array_index (appearances, i);

      stmt = _lectern_store_prepare (self,
                                     "INSERT INTO appearance (slot_id, person_id, role, position, affiliation)"
                                     " VALUES (?, ?, ?, ?, ?)",
                                     error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, a->person_id);
      _lectern_store_bind_text (stmt, 3, lectern_appearance_role_to_string (a->role));
      sqlite3_bind_int (stmt, 4, i);
      if (a->affiliation != NULL)
        _lectern_store_bind_text (stmt, 5, a->affiliation);
      else
        sqlite3_bind_null (stmt, 5);

      if (!_lectern_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < links->len; i++)
    {
      const LecternLink *link = g_ptr_array_index (links, i);

      stmt = _lectern_store_prepare (self,
                                     "INSERT INTO slot_link (slot_id, position, kind, url) VALUES (?, ?, ?, ?)",
                                     error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      _lectern_store_bind_text (stmt, 3, link->kind);
      _lectern_store_bind_text (stmt, 4, link->url);

      if (!_lectern_store_step_done (self, stmt, error))
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
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SLOT (slot), FALSE);

  if (!validate_slot (slot, error))
    return FALSE;

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  label = slot_label (slot, FALSE);
  _lectern_store_label_edit (self, "%s", label);
  stmt = _lectern_store_prepare_insert (self, "slot",
                                        "INSERT INTO slot (day_id, room_id, session_id, start, duration, kind, emoji,"
                                        " title, abstract, note, note_link_text, note_url, sponsor_id, id, rev)"
                                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                        &rev, error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);

  bind_slot (stmt, slot);
  if (!_lectern_store_step_done (self, stmt, error))
    return _lectern_store_write_end (self, FALSE, NULL);

  lectern_slot_set_id (slot, sqlite3_last_insert_rowid (self->db));
  lectern_slot_set_rev (slot, rev);

  if (!write_slot_children (self, slot, error))
    {
      lectern_slot_set_id (slot, 0);
      return _lectern_store_write_end (self, FALSE, NULL);
    }

  if (!_lectern_store_write_end (self, TRUE, error))
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

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  label = slot_label (slot, TRUE);
  _lectern_store_label_edit (self, "%s", label);
  stmt = _lectern_store_prepare_update (self,
                                        "UPDATE slot SET day_id = ?, room_id = ?, session_id = ?,"
                                        " start = ?, duration = ?, kind = ?, emoji = ?, title = ?, abstract = ?,"
                                        " note = ?, note_link_text = ?, note_url = ?, sponsor_id = ?, rev = ?"
                                        " WHERE id = ? AND rev = ?",
                                        lectern_slot_get_id (slot), lectern_slot_get_rev (slot),
                                        &rev, error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);

  bind_slot (stmt, slot);
  if (!_lectern_store_step_at_rev (self, stmt, "slot", lectern_slot_get_id (slot),
                                   lectern_slot_get_title (slot), error))
    return _lectern_store_write_end (self, FALSE, NULL);

  if (!write_slot_children (self, slot, error))
    return _lectern_store_write_end (self, FALSE, NULL);

  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  lectern_slot_set_rev (slot, rev);
  return TRUE;
}

static GListModel *read_slots (LecternStore *self, gboolean pool, gint64 day_id, GError **error);

/* day_id: one day, or 0 for every day. Ordered by day, then time. The
 * slots in the pool are not among them: see lectern_store_list_unscheduled().
 */
GListModel *
lectern_store_list_slots (LecternStore  *self,
                          gint64         day_id,
                          GError       **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  return read_slots (self, FALSE, day_id, error);
}

/* The pool: the slots with no day and no start yet, by title. */
GListModel *
lectern_store_list_unscheduled (LecternStore  *self,
                                GError       **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  return read_slots (self, TRUE, 0, error);
}

static GListModel *
read_slots (LecternStore  *self,
            gboolean       pool,
            gint64         day_id,
            GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (LECTERN_TYPE_SLOT);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

#define SLOT_COLUMNS \
  "SELECT s.id, s.rev, s.day_id, s.room_id, s.session_id, s.start, s.duration," \
  " s.kind, s.emoji, s.title, s.abstract, s.note, s.note_link_text, s.note_url," \
  " s.sponsor_id FROM slot s"

  stmt = _lectern_store_prepare (self,
                                 pool
                                 ? SLOT_COLUMNS " WHERE s.day_id IS NULL ORDER BY s.title, s.id"
                                 : SLOT_COLUMNS " JOIN day d ON d.id = s.day_id"
                                   " WHERE ?1 IS NULL OR s.day_id = ?1"
                                   " ORDER BY d.date, s.start, s.id",
                                 error);
  if (stmt == NULL)
    return NULL;

  if (!pool)
    _lectern_store_bind_id (stmt, 1, day_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LecternSlot *slot = lectern_slot_new ();
      LecternSlotKind kind = LECTERN_SLOT_TALK;

      lectern_slot_kind_from_string (_lectern_store_column_text (stmt, 7), &kind);
      lectern_slot_set_id (slot, sqlite3_column_int64 (stmt, 0));
      lectern_slot_set_rev (slot, sqlite3_column_int64 (stmt, 1));
      lectern_slot_set_day_id (slot, sqlite3_column_int64 (stmt, 2));
      lectern_slot_set_room_id (slot, sqlite3_column_int64 (stmt, 3));
      lectern_slot_set_session_id (slot, sqlite3_column_int64 (stmt, 4));
      lectern_slot_set_start (slot, sqlite3_column_type (stmt, 5) == SQLITE_NULL
                                    ? -1 : sqlite3_column_int (stmt, 5));
      lectern_slot_set_duration (slot, sqlite3_column_int (stmt, 6));
      lectern_slot_set_kind (slot, kind);
      lectern_slot_set_emoji (slot, _lectern_store_column_text (stmt, 8));
      lectern_slot_set_title (slot, _lectern_store_column_text (stmt, 9));
      lectern_slot_set_abstract (slot, _lectern_store_column_text (stmt, 10));
      lectern_slot_set_note (slot, _lectern_store_column_text (stmt, 11));
      lectern_slot_set_note_link_text (slot, _lectern_store_column_text (stmt, 12));
      lectern_slot_set_note_url (slot, _lectern_store_column_text (stmt, 13));
      lectern_slot_set_sponsor_id (slot, sqlite3_column_int64 (stmt, 14));
      g_ptr_array_add (items, slot);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _lectern_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < items->len; i++)
    {
      LecternSlot *slot = g_ptr_array_index (items, i);
      gint64 *key = g_new (gint64, 1);

      *key = lectern_slot_get_id (slot);
      g_hash_table_insert (by_id, key, slot);
    }

  stmt = _lectern_store_prepare (self,
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

      lectern_appearance_role_from_string (_lectern_store_column_text (stmt, 2), &role);
      _lectern_slot_append_loaded_appearance (slot,
                                              sqlite3_column_int64 (stmt, 1),
                                              role,
                                              sqlite3_column_type (stmt, 3) == SQLITE_NULL
                                                ? NULL : _lectern_store_column_text (stmt, 3),
                                              _lectern_store_column_text (stmt, 4),
                                              _lectern_store_column_text (stmt, 5));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _lectern_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  stmt = _lectern_store_prepare (self,
                                 "SELECT slot_id, kind, url FROM slot_link ORDER BY slot_id, position",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 slot_id = sqlite3_column_int64 (stmt, 0);
      LecternSlot *slot = g_hash_table_lookup (by_id, &slot_id);

      if (slot != NULL)
        lectern_slot_add_link (slot,
                               _lectern_store_column_text (stmt, 1),
                               _lectern_store_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _lectern_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* ------------------------------------------------------------------ */
/* Plans                                                               */

/**
 * lectern_store_apply_plan:
 * @plan: from one of the lectern_schedule_plan_…() operations
 *
 * Moves the plan's slots (and its session's day) in one transaction,
 * one undo step named by the plan's label. A slot changed by someone
 * since the plan was made fails the whole plan with
 * %LECTERN_STORE_ERROR_CONFLICT, and nothing is written. @new_rev, if
 * given, is the rev of every row the plan changed.
 */
gboolean
lectern_store_apply_plan (LecternStore         *self,
                          LecternSchedulePlan  *plan,
                          gint64               *new_rev,
                          GError              **error)
{
  gint64 rev = 0;
  guint n;
  gint64 session_id, session_rev, session_day;
  const char *session_title;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SCHEDULE_PLAN (plan), FALSE);

  n = lectern_schedule_plan_get_n_moves (plan);
  session_day = lectern_schedule_plan_get_session_day (plan, &session_id, &session_rev, &session_title);
  if (n == 0 && session_day == 0)
    {
      if (new_rev != NULL)
        *new_rev = 0;
      return TRUE;
    }

  if (!lectern_store_begin_action (self, lectern_schedule_plan_get_label (plan), error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const LecternSlotMove *move = lectern_schedule_plan_get_move (plan, i);
      sqlite3_stmt *stmt;

      stmt = _lectern_store_prepare_update (self,
                                            "UPDATE slot SET day_id = ?, room_id = ?, start = ?, duration = ?,"
                                            " rev = ? WHERE id = ? AND rev = ?",
                                            move->slot_id, move->rev, &rev, error);
      if (stmt == NULL)
        return _lectern_store_write_end (self, FALSE, NULL);

      _lectern_store_bind_id (stmt, 1, move->after.day_id);
      _lectern_store_bind_id (stmt, 2, move->after.room_id);
      if (move->after.day_id > 0)
        sqlite3_bind_int (stmt, 3, move->after.start);
      else
        sqlite3_bind_null (stmt, 3);
      sqlite3_bind_int (stmt, 4, move->after.duration);

      if (!_lectern_store_step_at_rev (self, stmt, "slot", move->slot_id, move->title, error))
        return _lectern_store_write_end (self, FALSE, NULL);
    }

  if (session_day > 0)
    {
      sqlite3_stmt *stmt;

      stmt = _lectern_store_prepare_update (self, "UPDATE session SET day_id = ?, rev = ? WHERE id = ? AND rev = ?",
                                            session_id, session_rev, &rev, error);
      if (stmt == NULL)
        return _lectern_store_write_end (self, FALSE, NULL);
      sqlite3_bind_int64 (stmt, 1, session_day);
      if (!_lectern_store_step_at_rev (self, stmt, "session", session_id, session_title, error))
        return _lectern_store_write_end (self, FALSE, NULL);
    }

  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  if (new_rev != NULL)
    *new_rev = rev;
  return TRUE;
}

/* One slot, scheduled or in the pool. */
LecternSlot *
lectern_store_get_slot (LecternStore  *self,
                        gint64         id,
                        GError       **error)
{
  g_autoptr(GListModel) scheduled = NULL;
  g_autoptr(GListModel) pool = NULL;
  GListModel *lists[2];

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (!(scheduled = read_slots (self, FALSE, 0, error)) || !(pool = read_slots (self, TRUE, 0, error)))
    return NULL;

  lists[0] = scheduled;
  lists[1] = pool;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(LecternSlot) slot = g_list_model_get_item (lists[l], i);

        if (lectern_slot_get_id (slot) == id)
          return g_steal_pointer (&slot);
      }

  g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND,
               _("There is no slot %" G_GINT64_FORMAT " in the workshop."), id);
  return NULL;
}

/* Removes a slot, its people and its links (one undo step). */
gboolean
lectern_store_remove_slot (LecternStore  *self,
                           LecternSlot   *slot,
                           GError       **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SLOT (slot), FALSE);

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, _("Remove “%s”"), lectern_slot_get_title (slot) ? lectern_slot_get_title (slot) : "");
  if (!_lectern_store_remove_row (self, "slot", lectern_slot_get_id (slot), lectern_slot_get_rev (slot),
                                  lectern_slot_get_title (slot), error))
    return _lectern_store_write_end (self, FALSE, NULL);

  return _lectern_store_write_end (self, TRUE, error);
}

/* ------------------------------------------------------------------ */
/* Checks' severities                                                  */

/* What each check does when it fails; a check the organizers never set
 * warns.
 */
gboolean
lectern_store_get_check_severities (LecternStore     *self,
                                    LecternSeverity   severities[LECTERN_N_CHECKS],
                                    GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);

  for (guint i = 0; i < LECTERN_N_CHECKS; i++)
    severities[i] = LECTERN_SEVERITY_WARN;

  if (!(stmt = _lectern_store_prepare (self, "SELECT name, severity FROM check_severity", error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LecternCheck check;
      LecternSeverity severity;

      /* a check of a newer version is not this one's to apply */
      if (lectern_check_from_string (_lectern_store_column_text (stmt, 0), &check) &&
          lectern_severity_from_string (_lectern_store_column_text (stmt, 1), &severity))
        severities[check] = severity;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _lectern_store_set_error_from_db (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
lectern_store_set_check_severity (LecternStore     *self,
                                  LecternCheck      check,
                                  LecternSeverity   severity,
                                  GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (check < LECTERN_N_CHECKS && severity < LECTERN_N_SEVERITIES, FALSE);

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, "%s", _("Change what a check does"));
  stmt = _lectern_store_prepare (self, "INSERT INTO check_severity (name, severity) VALUES (?, ?)"
                                       " ON CONFLICT (name) DO UPDATE SET severity = excluded.severity",
                                 error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);
  _lectern_store_bind_text (stmt, 1, lectern_check_to_string (check));
  _lectern_store_bind_text (stmt, 2, lectern_severity_to_string (severity));
  if (!_lectern_store_step_done (self, stmt, error))
    return _lectern_store_write_end (self, FALSE, NULL);

  return _lectern_store_write_end (self, TRUE, error);
}

/* ------------------------------------------------------------------ */
/* Availability                                                        */

void
lectern_availability_clear (LecternAvailability *availability)
{
  g_clear_pointer (&availability->timezone, g_free);
}

/* Every window in which someone is available, by person, day and time. */
GArray *
lectern_store_list_availability (LecternStore  *self,
                                 GError       **error)
{
  g_autoptr(GArray) windows = g_array_new (FALSE, TRUE, sizeof (LecternAvailability));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  g_array_set_clear_func (windows, (GDestroyNotify) lectern_availability_clear);
  stmt = _lectern_store_prepare (self, "SELECT id, rev, person_id, day_id, start, end, timezone FROM availability"
                                       " ORDER BY person_id, day_id, start",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LecternAvailability window = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
        sqlite3_column_int (stmt, 4), sqlite3_column_int (stmt, 5),
        g_strdup (_lectern_store_column_text (stmt, 6)),
      };

      g_array_append_val (windows, window);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _lectern_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&windows);
}

/* A window in the workshop's time (start and end in minutes of the
 * day); timezone is the one the person gave it in, for showing it back.
 * Sets its id and rev.
 */
gboolean
lectern_store_add_availability (LecternStore         *self,
                                LecternAvailability  *window,
                                GError              **error)
{
  sqlite3_stmt *stmt;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (window != NULL, FALSE);

  if (window->start < 0 || window->end > 24 * 60 || window->start >= window->end)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("An availability runs from a start to a later end, within the day."));
      return FALSE;
    }

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, "%s", _("Add an availability"));
  stmt = _lectern_store_prepare_insert (self, "availability",
                                        "INSERT INTO availability (person_id, day_id, start, end, timezone, id, rev)"
                                        " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                        &rev, error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);

  sqlite3_bind_int64 (stmt, 1, window->person_id);
  sqlite3_bind_int64 (stmt, 2, window->day_id);
  sqlite3_bind_int (stmt, 3, window->start);
  sqlite3_bind_int (stmt, 4, window->end);
  _lectern_store_bind_text (stmt, 5, window->timezone);
  if (!_lectern_store_finish_insert (self, stmt, &window->id, error))
    return FALSE;

  window->rev = rev;
  return TRUE;
}

gboolean
lectern_store_remove_availability (LecternStore               *self,
                                   const LecternAvailability  *window,
                                   GError                    **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (window != NULL, FALSE);

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, "%s", _("Remove an availability"));
  if (!_lectern_store_remove_row (self, "availability", window->id, window->rev, _("The availability"), error))
    return _lectern_store_write_end (self, FALSE, NULL);

  return _lectern_store_write_end (self, TRUE, error);
}

/* A session's title and emoji (its day moves with its slots: see
 * lectern_schedule_plan_move_session()). */
gboolean
lectern_store_update_session (LecternStore    *self,
                              LecternSession  *session,
                              GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SESSION (session), FALSE);

  if (lectern_session_get_title (session) == NULL || lectern_session_get_title (session)[0] == '\0')
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID, _("A session needs a title."));
      return FALSE;
    }

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, _("Edit the session “%s”"), lectern_session_get_title (session));
  stmt = _lectern_store_prepare_update (self, "UPDATE session SET title = ?, emoji = ?, rev = ? WHERE id = ? AND rev = ?",
                                        lectern_session_get_id (session), lectern_session_get_rev (session), &rev,
                                        error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);
  _lectern_store_bind_text (stmt, 1, lectern_session_get_title (session));
  _lectern_store_bind_text (stmt, 2, lectern_session_get_emoji (session));
  if (!_lectern_store_step_at_rev (self, stmt, "session", lectern_session_get_id (session),
                                   lectern_session_get_title (session), error))
    return _lectern_store_write_end (self, FALSE, NULL);
  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  lectern_session_set_rev (session, rev);
  return TRUE;
}

/* Whether any slot is on the timeline (has a day): one query, for the
 * views that only need to know that */
gboolean
lectern_store_has_scheduled_slots (LecternStore *self)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);

  return _lectern_store_query_int (self, "SELECT EXISTS (SELECT 1 FROM slot WHERE day_id IS NOT NULL)", 0) != 0;
}
