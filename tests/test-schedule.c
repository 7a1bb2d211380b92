/* test-schedule.c: the schedule's pool, operations and plans
 *
 * Each operation is planned without writing, then applied as one undo
 * step; undo puts back exactly the rows before it (compared as text of
 * the whole slot table), redo exactly the rows after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "lectern-schedule-checks.h"
#include "lectern-schedule.h"
#include "lectern-schedule-ops.h"
#include "lectern-store.h"
#include "lectern-test-util.h"

typedef LecternTestWorkshop Fixture;

/* A one-day, one-room workshop: A 9:00–9:30, B 9:30–10:00, C 10:00–10:30,
 * all in the session "Morning"; D waits in the pool (20 minutes).
 */
typedef struct
{
  LecternStore   *store;
  LecternDay     *day;
  LecternSession *session;
  gint64          a, b, c, d;
} Workshop;

static gint64
add_slot (LecternStore *store,
          gint64        day_id,
          gint64        session_id,
          const char   *title,
          int           start,
          int           duration)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSlot) slot = lectern_slot_new ();

  lectern_slot_set_title (slot, title);
  lectern_slot_set_kind (slot, LECTERN_SLOT_TALK);
  lectern_slot_set_day_id (slot, day_id);
  lectern_slot_set_session_id (slot, session_id);
  lectern_slot_set_start (slot, start);
  lectern_slot_set_duration (slot, duration);
  g_assert_true (lectern_store_add_slot (store, slot, &error));
  g_assert_no_error (error);

  return lectern_slot_get_id (slot);
}

static void
workshop_open (Workshop   *w,
               const char *path)
{
  g_autoptr(GError) error = NULL;

  w->store = lectern_store_create (path, "Schedule", &error);
  g_assert_no_error (error);
  w->day = lectern_store_add_day (w->store, "2025-07-18", &error);
  g_assert_no_error (error);
  w->session = lectern_store_add_session (w->store, lectern_day_get_id (w->day), "Morning", "🌅", &error);
  g_assert_no_error (error);
  w->a = add_slot (w->store, lectern_day_get_id (w->day), lectern_session_get_id (w->session), "A", 540, 30);
  w->b = add_slot (w->store, lectern_day_get_id (w->day), lectern_session_get_id (w->session), "B", 570, 30);
  w->c = add_slot (w->store, lectern_day_get_id (w->day), lectern_session_get_id (w->session), "C", 600, 30);
  w->d = add_slot (w->store, 0, 0, "D", -1, 20);
}

static void
workshop_close (Workshop *w)
{
  g_clear_object (&w->day);
  g_clear_object (&w->session);
  g_clear_object (&w->store);
}

static GListModel *
scheduled (LecternStore *store)
{
  g_autoptr(GError) error = NULL;
  GListModel *slots = lectern_store_list_slots (store, 0, &error);

  g_assert_no_error (error);
  return slots;
}

static LecternSlot *
get_slot (LecternStore *store,
          gint64        id)
{
  g_autoptr(GError) error = NULL;
  LecternSlot *slot = lectern_store_get_slot (store, id, &error);

  g_assert_no_error (error);
  return slot;
}

/* "A@540+30 B@570+30 …": where each slot is, by id */
static char *
layout (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT title, COALESCE (day_id, 0), COALESCE (room_id, 0),"
                                           " COALESCE (start, -1), duration FROM slot ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 1) == 0)
        g_string_append_printf (out, "%s%s@pool+%d", out->len ? " " : "",
                                sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 4));
      else
        g_string_append_printf (out, "%s%s@%s%d+%d", out->len ? " " : "",
                                sqlite3_column_text (stmt, 0),
                                sqlite3_column_int (stmt, 2) ? "r" : "",
                                sqlite3_column_int (stmt, 3), sqlite3_column_int (stmt, 4));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

/* The whole slot table as text, revs included: what undo must restore. */
static char *
dump (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM slot ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s|", sqlite3_column_type (stmt, i) == SQLITE_NULL
                                            ? "NULL" : (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM session ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "session %s day %s rev %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

/* Applies the plan; checks its label, the layout after, and that undo
 * and redo restore the rows exactly.
 */
static void
apply_and_check (Workshop            *w,
                 const char          *path,
                 LecternSchedulePlan *plan,
                 const char          *label,
                 const char          *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (path);
  g_autofree char *after = NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *now = NULL;
  g_autofree char *again = NULL;

  g_assert_nonnull (plan);
  g_assert_cmpstr (lectern_schedule_plan_get_label (plan), ==, label);
  g_assert_true (lectern_store_apply_plan (w->store, plan, NULL, &error));
  g_assert_no_error (error);
  now = layout (path);
  g_assert_cmpstr (now, ==, expected);

  undo_label = lectern_store_get_undo_label (w->store);
  g_assert_cmpstr (undo_label, ==, label);
  after = dump (path);

  g_assert_true (lectern_store_undo (w->store, &error));
  g_assert_no_error (error);
  again = dump (path);
  g_assert_cmpstr (again, ==, before);
  g_clear_pointer (&again, g_free);

  g_assert_true (lectern_store_redo (w->store, &error));
  g_assert_no_error (error);
  again = dump (path);
  g_assert_cmpstr (again, ==, after);
}

/* The file's own constraints refuse the statement. */
static void
sql_fails (const char *path,
           const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* ------------------------------------------------------------------ */

/* A version-3 file: its slots keep their people and links through the
 * rebuilt table; the history (of the old shapes) is emptied.
 */
static void
test_migrate_v3 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) old = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternSlot) slot = NULL;
  g_autoptr(GListModel) pool = NULL;
  g_autoptr(LecternSlot) pooled = lectern_slot_new ();

  old = _lectern_store_create_at_version (f->path, 3, &error);
  g_assert_no_error (error);
  g_clear_object (&old);
  lectern_test_sql_exec (f->path,
                         "INSERT INTO person (id, name) VALUES (1, 'Tri Dao');"
                         "INSERT INTO day (id, date) VALUES (2, '2025-07-18');"
                         "INSERT INTO room (id, name) VALUES (3, 'West 208');"
                         "INSERT INTO session (id, day_id, title) VALUES (4, 2, 'Morning');"
                         "INSERT INTO slot (id, rev, day_id, room_id, session_id, start, duration, kind, title)"
                         " VALUES (5, 9, 2, 3, 4, 540, 25, 'talk', 'FlashAttention');"
                         "INSERT INTO appearance (slot_id, person_id, role, position) VALUES (5, 1, 'speaker', 0);"
                         "INSERT INTO slot_link (slot_id, position, kind, url) VALUES (5, 0, 'slides', 'https://x.org/s.pdf');"
                         "INSERT INTO history (actor, label, changeset, created) VALUES ('a', 'Edit', x'00', 'now');");

  store = lectern_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_store_get_schema_version (store), ==, LECTERN_SCHEMA_VERSION);
  g_assert_true (g_str_has_suffix (lectern_store_get_backup_path (store), ".v3.bak"));
  /* and through to the record of the site, empty */
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM site_file"), ==, 0);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM history"), ==, 0);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT visible_start FROM day"), ==, 480);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT visible_end FROM day"), ==, 1080);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT grid_step FROM event"), ==, 5);

  slot = lectern_store_get_slot (store, 5, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_slot_is_scheduled (slot));
  g_assert_cmpint (lectern_slot_get_start (slot), ==, 540);
  g_assert_cmpint (lectern_slot_get_rev (slot), ==, 9);
  g_assert_cmpint (lectern_slot_get_room_id (slot), ==, 3);
  g_assert_cmpuint (lectern_slot_get_appearances (slot)->len, ==, 1);
  g_assert_cmpuint (lectern_slot_get_links (slot)->len, ==, 1);

  /* foreign keys are on again: removing the day removes its slots */
  lectern_slot_set_title (pooled, "Poster lightning talks");
  lectern_slot_set_duration (pooled, 15);
  g_assert_true (lectern_store_add_slot (store, pooled, &error));
  g_assert_no_error (error);
  lectern_test_sql_exec (f->path, "PRAGMA foreign_keys = ON; DELETE FROM day");
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM appearance"), ==, 0);
  pool = lectern_store_list_unscheduled (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pool), ==, 1);
}

/* The pool: a slot with no day and no start, kept with its length. */
static void
test_pool (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(GListModel) pool = NULL;
  g_autoptr(LecternSlot) d = NULL;
  g_autoptr(LecternSlot) bad = lectern_slot_new ();
  Workshop w = { 0 };

  workshop_open (&w, f->path);
  slots = scheduled (w.store);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, 3);
  pool = lectern_store_list_unscheduled (w.store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (pool), ==, 1);
  d = g_list_model_get_item (pool, 0);
  g_assert_false (lectern_slot_is_scheduled (d));
  g_assert_cmpint (lectern_slot_get_start (d), ==, -1);
  g_assert_cmpint (lectern_slot_get_duration (d), ==, 20);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM slot WHERE start IS NULL AND day_id IS NULL"), ==, 1);

  /* the file refuses a start without a day, and a day without a start */
  sql_fails (f->path, "UPDATE slot SET start = 600 WHERE title = 'D'");
  sql_fails (f->path, "UPDATE slot SET start = NULL WHERE title = 'A'");
  sql_fails (f->path, "UPDATE slot SET start = 1430 WHERE title = 'A'");

  /* a pool slot longer than a day is refused */
  lectern_slot_set_duration (bad, 1441);
  g_assert_false (lectern_store_add_slot (w.store, bad, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);

  workshop_close (&w);
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Workshop w = { 0 };
  gint64 day;

  workshop_open (&w, f->path);
  day = lectern_day_get_id (w.day);

  /* plain move: C to 11:00, nothing else moves; planning wrote nothing */
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) c = get_slot (w.store, w.c);
    g_autofree char *before = layout (f->path);
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_move (slots, c, day, 0, 660, 0, &error);
    g_autofree char *unchanged = layout (f->path);

    g_assert_no_error (error);
    g_assert_cmpstr (before, ==, unchanged);
    g_assert_cmpuint (lectern_schedule_plan_get_n_moves (plan), ==, 1);
    apply_and_check (&w, f->path, plan, "Move “C” to 11:00am", "A@540+30 B@570+30 C@660+30 D@pool+20");
  }

  /* with ripple: C back before B; C's gap closes, B makes way */
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) c = get_slot (w.store, w.c);
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_move (slots, c, day, 0, 570,
                                                                      LECTERN_SCHEDULE_RIPPLE, &error);

    g_assert_no_error (error);
    apply_and_check (&w, f->path, plan, "Move “C” to 9:30am, shifting 1 slot",
                     "A@540+30 B@600+30 C@570+30 D@pool+20");
  }

  /* moving A to the end with ripple: B and C close up, A goes after */
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) a = get_slot (w.store, w.a);
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_move (slots, a, day, 0, 600,
                                                                      LECTERN_SCHEDULE_RIPPLE, &error);

    g_assert_no_error (error);
    apply_and_check (&w, f->path, plan, "Move “A” to 10:00am, shifting 2 slots",
                     "A@600+30 B@570+30 C@540+30 D@pool+20");
  }

  /* to another room: only its room changes */
  {
    g_autoptr(LecternRoom) room = lectern_store_add_room (w.store, "West 208", "", &error);
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) a = get_slot (w.store, w.a);
    g_autoptr(LecternSchedulePlan) plan = NULL;

    g_assert_no_error (error);
    plan = lectern_schedule_plan_move (slots, a, day, lectern_room_get_id (room), 600,
                                       LECTERN_SCHEDULE_RIPPLE, &error);
    g_assert_no_error (error);
    apply_and_check (&w, f->path, plan, "Move “A” to 10:00am", "A@r600+30 B@570+30 C@540+30 D@pool+20");
  }

  workshop_close (&w);
}

/* From the pool, with and without ripple; the edges of the day. */
static void
test_place (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Workshop w = { 0 };
  gint64 day;

  workshop_open (&w, f->path);
  day = lectern_day_get_id (w.day);

  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) d = get_slot (w.store, w.d);
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_move (slots, d, day, 0, 570,
                                                                      LECTERN_SCHEDULE_RIPPLE, &error);

    g_assert_no_error (error);
    apply_and_check (&w, f->path, plan, "Schedule “D” at 9:30am, shifting 2 slots",
                     "A@540+30 B@590+30 C@620+30 D@570+20");
  }

  /* the last minute of the day: fits exactly; one more does not */
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) c = get_slot (w.store, w.c);
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_move (slots, c, day, 0, 1410, 0, &error);
    g_autoptr(LecternSchedulePlan) late = NULL;
    g_autoptr(LecternSchedulePlan) midnight = NULL;

    g_assert_no_error (error);
    apply_and_check (&w, f->path, plan, "Move “C” to 11:30pm", "A@540+30 B@590+30 C@1410+30 D@570+20");

    g_clear_object (&c);
    c = get_slot (w.store, w.c);
    late = lectern_schedule_plan_move (slots, c, day, 0, 1411, 0, &error);
    g_assert_null (late);
    g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“C” would end after midnight"));
    g_clear_error (&error);

    midnight = lectern_schedule_plan_move (slots, c, day, 0, 1440, 0, &error);
    g_assert_null (midnight);
    g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* ripple pushing a slot past midnight refuses the whole move */
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) b = get_slot (w.store, w.b);
    g_autofree char *before = layout (f->path);
    g_autofree char *after = NULL;
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_resize (slots, b, 60,
                                                                        LECTERN_SCHEDULE_RIPPLE, &error);

    g_assert_null (plan);
    g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“C” would end after midnight"));
    after = layout (f->path);
    g_assert_cmpstr (after, ==, before);
  }

  workshop_close (&w);
}

static void
test_resize (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Workshop w = { 0 };

  workshop_open (&w, f->path);

  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) a = get_slot (w.store, w.a);
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_resize (slots, a, 45, LECTERN_SCHEDULE_RIPPLE,
                                                                        &error);

    g_assert_no_error (error);
    apply_and_check (&w, f->path, plan, "Make “A” 45 minutes long, shifting 2 slots",
                     "A@540+45 B@585+30 C@615+30 D@pool+20");
  }

  /* shorter without ripple: a gap opens, nothing else moves */
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) b = get_slot (w.store, w.b);
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_resize (slots, b, 0, 0, &error);

    g_assert_no_error (error);
    apply_and_check (&w, f->path, plan, "Make “B” 0 minutes long", "A@540+45 B@585+0 C@615+30 D@pool+20");
  }

  /* longer than the day, or past midnight: refused */
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) c = get_slot (w.store, w.c);
    g_autoptr(LecternSchedulePlan) too_long = lectern_schedule_plan_resize (slots, c, 1441, 0, &error);
    g_autoptr(LecternSchedulePlan) past = NULL;

    g_assert_null (too_long);
    g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    past = lectern_schedule_plan_resize (slots, c, 1440 - 615 + 1, 0, &error);
    g_assert_null (past);
    g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
  }

  workshop_close (&w);
}

static void
test_swap (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Workshop w = { 0 };

  workshop_open (&w, f->path);

  /* neighbours of different lengths stay neighbours */
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) a = get_slot (w.store, w.a);
    g_autoptr(LecternSlot) b = get_slot (w.store, w.b);
    g_autoptr(LecternSchedulePlan) resize = lectern_schedule_plan_resize (slots, b, 20, 0, &error);
    g_autoptr(LecternSchedulePlan) plan = NULL;
    g_autoptr(GListModel) again = NULL;

    g_assert_true (lectern_store_apply_plan (w.store, resize, NULL, &error));
    g_clear_object (&b);
    b = get_slot (w.store, w.b);
    again = scheduled (w.store);
    plan = lectern_schedule_plan_swap (again, b, a, &error);
    g_assert_no_error (error);
    apply_and_check (&w, f->path, plan, "Swap “B” and “A”", "A@560+30 B@540+20 C@600+30 D@pool+20");
  }

  /* with itself, or with a slot in the pool: refused */
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) a = get_slot (w.store, w.a);
    g_autoptr(LecternSlot) d = get_slot (w.store, w.d);
    g_autoptr(LecternSchedulePlan) self_swap = lectern_schedule_plan_swap (slots, a, a, &error);
    g_autoptr(LecternSchedulePlan) pool_swap = NULL;

    g_assert_null (self_swap);
    g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    pool_swap = lectern_schedule_plan_swap (slots, a, d, &error);
    g_assert_null (pool_swap);
    g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
  }

  workshop_close (&w);
}

static void
test_unschedule (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Workshop w = { 0 };

  workshop_open (&w, f->path);

  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) a = get_slot (w.store, w.a);
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_unschedule (slots, a, LECTERN_SCHEDULE_RIPPLE,
                                                                            &error);

    g_assert_no_error (error);
    apply_and_check (&w, f->path, plan, "Unschedule “A”, shifting 2 slots",
                     "A@pool+30 B@540+30 C@570+30 D@pool+20");
  }

  /* the last slots of the session: the session stays, empty */
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) b = get_slot (w.store, w.b);
    g_autoptr(LecternSlot) c = NULL;
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_unschedule (slots, b, 0, &error);
    g_autoptr(LecternSchedulePlan) last = NULL;
    g_autoptr(GListModel) again = NULL;

    g_assert_true (lectern_store_apply_plan (w.store, plan, NULL, &error));
    again = scheduled (w.store);
    c = get_slot (w.store, w.c);
    last = lectern_schedule_plan_unschedule (again, c, 0, &error);
    g_assert_no_error (error);
    apply_and_check (&w, f->path, last, "Unschedule “C”", "A@pool+30 B@pool+30 C@pool+30 D@pool+20");
  }

  workshop_close (&w);
}

static void
test_compact (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Workshop w = { 0 };

  workshop_open (&w, f->path);
  lectern_test_sql_exec (f->path, "UPDATE slot SET start = 620 WHERE title = 'B'; UPDATE slot SET start = 700 WHERE title = 'C'");

  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_compact (slots, lectern_day_get_id (w.day), 0,
                                                                         &error);

    g_assert_no_error (error);
    apply_and_check (&w, f->path, plan, "Close the gaps in the day", "A@540+30 B@570+30 C@600+30 D@pool+20");
  }
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_compact (slots, lectern_day_get_id (w.day), 5,
                                                                         &error);

    g_assert_no_error (error);
    apply_and_check (&w, f->path, plan, "Even out the gaps in the day", "A@540+30 B@575+30 C@610+30 D@pool+20");
  }

  workshop_close (&w);
}

static void
test_move_session (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Workshop w = { 0 };
  g_autoptr(LecternDay) day2 = NULL;

  workshop_open (&w, f->path);
  day2 = lectern_store_add_day (w.store, "2025-07-19", &error);
  g_assert_no_error (error);

  /* onto itself: nothing moves */
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_move_session (slots, w.session,
                                                                              lectern_day_get_id (w.day), -1,
                                                                              540, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (lectern_schedule_plan_get_n_moves (plan), ==, 0);
    g_assert_cmpint (lectern_schedule_plan_get_session_day (plan, NULL, NULL, NULL), ==, 0);
  }

  /* to the afternoon of the next day, offsets kept, the session's day too */
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_move_session (slots, w.session,
                                                                              lectern_day_get_id (day2), -1,
                                                                              840, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (lectern_schedule_plan_get_n_moves (plan), ==, 3);
    apply_and_check (&w, f->path, plan, "Move the session “Morning” to 2:00pm",
                     "A@840+30 B@870+30 C@900+30 D@pool+20");
    g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT day_id FROM session"), ==, lectern_day_get_id (day2));
    g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM slot WHERE day_id = (SELECT id FROM day WHERE date = '2025-07-19')"), ==, 3);
  }

  workshop_close (&w);
}

/* A colleague moves a slot after the plan was made: the plan is refused
 * whole, and the colleague's move stands.
 */
static void
test_stale_plan (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(LecternSlot) a = NULL;
  g_autoptr(LecternSchedulePlan) plan = NULL;
  g_autofree char *after = NULL;
  Workshop w = { 0 };

  workshop_open (&w, f->path);
  slots = scheduled (w.store);
  a = get_slot (w.store, w.a);
  plan = lectern_schedule_plan_resize (slots, a, 60, LECTERN_SCHEDULE_RIPPLE, &error);
  g_assert_no_error (error);

  lectern_test_sql_exec (f->path, "UPDATE slot SET start = 700, rev = rev + 1000 WHERE title = 'C'");
  g_assert_false (lectern_store_apply_plan (w.store, plan, NULL, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  after = layout (f->path);
  g_assert_cmpstr (after, ==, "A@540+30 B@570+30 C@700+30 D@pool+20");

  workshop_close (&w);
}


/* ------------------------------------------------------------------ */
/* Checks                                                              */

static GPtrArray *
check_now (LecternStore        *store,
           LecternSchedulePlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternScheduleFacts) facts = lectern_schedule_facts_read (store, &error);

  g_assert_no_error (error);
  return lectern_schedule_check (facts, plan);
}

/* The messages of the problems of one check, joined by " / " */
static char *
messages (GPtrArray    *problems,
          LecternCheck  check)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      LecternProblem *p = g_ptr_array_index (problems, i);

      if (p->check == check)
        g_string_append_printf (out, "%s%s", out->len ? " / " : "", p->message);
    }

  return g_string_free (out, FALSE);
}

static void
add_person_to (LecternStore          *store,
               gint64                 slot_id,
               LecternPerson         *person,
               LecternAppearanceRole  role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSlot) slot = get_slot (store, slot_id);

  lectern_slot_add_appearance (slot, lectern_person_get_id (person), role, NULL);
  g_assert_true (lectern_store_update_slot (store, slot, &error));
  g_assert_no_error (error);
}

static void
test_checks (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LecternPerson) tri = NULL;
  g_autoptr(LecternPerson) dan = NULL;
  g_autoptr(LecternRoom) hall = NULL;
  Workshop w = { 0 };
  gint64 panel, lunch;
  char *text;

  workshop_open (&w, f->path);
  tri = lectern_test_add_person (w.store, "Tri Dao", "Princeton");
  dan = lectern_test_add_person (w.store, "Dan Fu", "Together");
  add_person_to (w.store, w.a, tri, LECTERN_APPEARANCE_SPEAKER);
  add_person_to (w.store, w.b, dan, LECTERN_APPEARANCE_SPEAKER);

  /* the talks without a speaker, and the empty session of the day */
  {
    g_autoptr(LecternSession) empty = lectern_store_add_session (w.store, lectern_day_get_id (w.day), "Afternoon",
                                                                 "", &error);

    g_assert_no_error (error);
    problems = check_now (w.store, NULL);
    text = messages (problems, LECTERN_CHECK_TALK_SPEAKER);
    g_assert_cmpstr (text, ==, "“C” has no speaker.");
    g_free (text);
    text = messages (problems, LECTERN_CHECK_EMPTY_SESSION);
    g_assert_cmpstr (text, ==, "The session “Afternoon” has no scheduled slot.");
    g_free (text);
    g_assert_cmpuint (problems->len, ==, 2);
    g_assert_cmpuint (lectern_schedule_count_blocking (problems), ==, 0);
    g_clear_pointer (&problems, g_ptr_array_unref);
  }
  add_person_to (w.store, w.c, dan, LECTERN_APPEARANCE_AUTHOR);
  lectern_test_sql_exec (f->path, "DELETE FROM session WHERE title = 'Afternoon'");

  /* a panel at 11:00 without its moderator, Tri on it and on a lunch-time talk */
  panel = add_slot (w.store, lectern_day_get_id (w.day), 0, "Panel", 660, 60);
  lectern_test_sql_exec (f->path, "UPDATE slot SET kind = 'panel' WHERE title = 'Panel'");
  add_person_to (w.store, panel, tri, LECTERN_APPEARANCE_PANELIST);
  hall = lectern_store_add_room (w.store, "Hall B", "", &error);
  g_assert_no_error (error);
  lunch = add_slot (w.store, lectern_day_get_id (w.day), 0, "Lunch talk", 700, 30);
  lectern_test_sql_exec (f->path, "UPDATE slot SET room_id = (SELECT id FROM room) WHERE title = 'Lunch talk'");
  add_person_to (w.store, lunch, tri, LECTERN_APPEARANCE_SPEAKER);

  problems = check_now (w.store, NULL);
  text = messages (problems, LECTERN_CHECK_PANEL_MODERATOR);
  g_assert_cmpstr (text, ==, "The panel “Panel” has no moderator.");
  g_free (text);
  text = messages (problems, LECTERN_CHECK_PERSON_CLASH);
  g_assert_cmpstr (text, ==, "Tri Dao is in “Panel” and “Lunch talk” at once (at 11:40am).");
  g_free (text);
  text = messages (problems, LECTERN_CHECK_ROOM_OVERLAP);
  g_assert_cmpstr (text, ==, "");   /* different rooms */
  g_free (text);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* the lunch talk moved to 12:05 in the plan: no clash, but with a
   * 10-minute changeover, 5 minutes to change rooms is too little;
   * the plan is checked without being applied */
  {
    g_autoptr(LecternEvent) event = lectern_store_get_event (w.store, &error);
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) slot = get_slot (w.store, lunch);
    g_autoptr(LecternSchedulePlan) plan = NULL;

    lectern_event_set_changeover (event, 10);
    g_assert_true (lectern_store_update_event (w.store, event, &error));
    g_assert_no_error (error);
    plan = lectern_schedule_plan_move (slots, slot, lectern_day_get_id (w.day), lectern_room_get_id (hall), 725, 0,
                                       &error);
    g_assert_no_error (error);
    problems = check_now (w.store, plan);
    text = messages (problems, LECTERN_CHECK_PERSON_CLASH);
    g_assert_cmpstr (text, ==, "");
    g_free (text);
    text = messages (problems, LECTERN_CHECK_CHANGEOVER);
    g_assert_cmpstr (text, ==, "Tri Dao has 5 minutes to get from “Panel” (no room) to “Lunch talk” (Hall B); the changeover is 10.");
    g_free (text);
    g_clear_pointer (&problems, g_ptr_array_unref);
    g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT start FROM slot WHERE title = 'Lunch talk'"), ==, 700);
  }

  /* two slots in one room at once; a slot outside the day's hours */
  lectern_test_sql_exec (f->path, "UPDATE slot SET start = 580 WHERE title = 'C';"
                                  "UPDATE slot SET start = 1080 WHERE title = 'Panel'");
  problems = check_now (w.store, NULL);
  text = messages (problems, LECTERN_CHECK_ROOM_OVERLAP);
  g_assert_cmpstr (text, ==, "“B” and “C” overlap (9:40am–10:00am).");
  g_free (text);
  text = messages (problems, LECTERN_CHECK_OUTSIDE_HOURS);
  g_assert_cmpstr (text, ==, "“Panel” (6:00pm–7:00pm) is outside the day’s hours (8:00am–6:00pm).");
  g_free (text);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* an hour-long overlap found even past a short slot in between */
  lectern_test_sql_exec (f->path, "UPDATE slot SET start = 540, duration = 120 WHERE title = 'A';"
                                  "UPDATE slot SET start = 570, duration = 10 WHERE title = 'B';"
                                  "UPDATE slot SET start = 600 WHERE title = 'C'");
  problems = check_now (w.store, NULL);
  text = messages (problems, LECTERN_CHECK_ROOM_OVERLAP);
  g_assert_cmpstr (text, ==, "“A” and “B” overlap (9:30am–9:40am). / “A” and “C” overlap (10:00am–10:30am).");
  g_free (text);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* severities: ignore hides a check, block counts */
  g_assert_true (lectern_store_set_check_severity (w.store, LECTERN_CHECK_ROOM_OVERLAP, LECTERN_SEVERITY_BLOCK,
                                                   &error));
  g_assert_true (lectern_store_set_check_severity (w.store, LECTERN_CHECK_OUTSIDE_HOURS, LECTERN_SEVERITY_IGNORE,
                                                   &error));
  g_assert_no_error (error);
  problems = check_now (w.store, NULL);
  g_assert_cmpuint (lectern_schedule_count_blocking (problems), ==, 2);
  text = messages (problems, LECTERN_CHECK_OUTSIDE_HOURS);
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* and the severity is an undoable edit like any other */
  g_assert_true (lectern_store_undo (w.store, &error));
  problems = check_now (w.store, NULL);
  text = messages (problems, LECTERN_CHECK_OUTSIDE_HOURS);
  g_assert_cmpstr (text, !=, "");
  g_free (text);
  g_clear_pointer (&problems, g_ptr_array_unref);

  workshop_close (&w);
}

/* A speaker flying out at 3pm; a remote speaker's daytime. */
static void
test_availability (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LecternPerson) tri = NULL;
  g_autoptr(GArray) windows = NULL;
  LecternAvailability morning = { 0 }, late = { 0 }, bad = { 0 };
  Workshop w = { 0 };
  char *text;

  workshop_open (&w, f->path);
  tri = lectern_test_add_person (w.store, "Tri Dao", "Princeton");
  add_person_to (w.store, w.b, tri, LECTERN_APPEARANCE_SPEAKER);

  /* no windows: available all day */
  problems = check_now (w.store, NULL);
  text = messages (problems, LECTERN_CHECK_UNAVAILABLE);
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  g_clear_pointer (&problems, g_ptr_array_unref);

  morning.person_id = lectern_person_get_id (tri);
  morning.day_id = lectern_day_get_id (w.day);
  morning.start = 480;
  morning.end = 580;
  morning.timezone = (char *) "Europe/Zurich";
  g_assert_true (lectern_store_add_availability (w.store, &morning, &error));
  g_assert_no_error (error);
  late = morning;
  late.start = 840;
  late.end = 900;
  g_assert_true (lectern_store_add_availability (w.store, &late, &error));
  bad = morning;
  bad.start = 900;
  bad.end = 840;
  g_assert_false (lectern_store_add_availability (w.store, &bad, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  windows = lectern_store_list_availability (w.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (windows->len, ==, 2);
  g_assert_cmpstr (g_array_index (windows, LecternAvailability, 0).timezone, ==, "Europe/Zurich");

  /* B runs 9:30–10:00; Tri is there until 9:40 */
  problems = check_now (w.store, NULL);
  text = messages (problems, LECTERN_CHECK_UNAVAILABLE);
  g_assert_cmpstr (text, ==, "Tri Dao is not available for “B” (9:30am–10:00am); they are available 8:00am–9:40am, 2:00pm–3:00pm.");
  g_free (text);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* a plan that moves B into the afternoon window clears it */
  {
    g_autoptr(GListModel) slots = scheduled (w.store);
    g_autoptr(LecternSlot) b = get_slot (w.store, w.b);
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_move (slots, b, lectern_day_get_id (w.day), 0, 840, 0,
                                                                      &error);

    problems = check_now (w.store, plan);
    text = messages (problems, LECTERN_CHECK_UNAVAILABLE);
    g_assert_cmpstr (text, ==, "");
    g_free (text);
    g_clear_pointer (&problems, g_ptr_array_unref);
  }

  /* removing the morning window */
  g_assert_true (lectern_store_remove_availability (w.store, &g_array_index (windows, LecternAvailability, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM availability"), ==, 1);

  workshop_close (&w);
}


/* ------------------------------------------------------------------ */
/* The live models                                                     */

typedef struct
{
  guint position, removed, added;
} Change;

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static char *
titles (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%s", i ? " " : "", lectern_slot_get_title (slot));
    }

  return g_string_free (out, FALSE);
}

static void
assert_titles (GListModel *model,
               const char *expected)
{
  g_autofree char *text = titles (model);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_live (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSchedule) schedule = NULL;
  g_autoptr(GArray) day_changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) pool_changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(LecternStore) colleague = NULL;
  GListModel *day, *pool;
  LecternSlot *c, *d;
  Workshop w = { 0 };

  workshop_open (&w, f->path);
  schedule = lectern_schedule_new (w.store, &error);
  g_assert_no_error (error);
  day = lectern_schedule_get_day_slots (schedule, lectern_day_get_id (w.day));
  pool = lectern_schedule_get_pool (schedule);
  assert_titles (day, "A B C");
  assert_titles (pool, "D");
  g_signal_connect (day, "items-changed", G_CALLBACK (record_change), day_changes);
  g_signal_connect (pool, "items-changed", G_CALLBACK (record_change), pool_changes);
  c = lectern_schedule_find_slot (schedule, w.c);
  d = lectern_schedule_find_slot (schedule, w.d);

  /* C to 8:00: one removal at 2, one insertion at 0; the same object */
  {
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_move (lectern_schedule_get_scheduled (schedule), c,
                                                                      lectern_day_get_id (w.day), 0, 480, 0, &error);

    g_assert_true (lectern_schedule_apply (schedule, plan, &error));
    g_assert_no_error (error);
    assert_titles (day, "C A B");
    g_assert_cmpuint (day_changes->len, ==, 2);
    g_assert_cmpuint (g_array_index (day_changes, Change, 0).position, ==, 2);
    g_assert_cmpuint (g_array_index (day_changes, Change, 0).removed, ==, 1);
    g_assert_cmpuint (g_array_index (day_changes, Change, 1).position, ==, 0);
    g_assert_cmpuint (g_array_index (day_changes, Change, 1).added, ==, 1);
    g_assert_true (lectern_schedule_find_slot (schedule, w.c) == c);
    g_assert_cmpint (lectern_slot_get_start (c), ==, 480);
    g_assert_cmpint (lectern_slot_get_rev (c), ==, lectern_test_sql_int (f->path, "SELECT rev FROM slot WHERE title = 'C'"));
  }

  /* D from the pool to 9:00 with ripple: out of the pool, into the day */
  {
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_move (lectern_schedule_get_scheduled (schedule), d,
                                                                      lectern_day_get_id (w.day), 0, 540,
                                                                      LECTERN_SCHEDULE_RIPPLE, &error);
    g_autoptr(GPtrArray) problems = lectern_schedule_get_problems (schedule, plan, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 4);   /* A, B, C and D, placed: talks without a speaker */
    g_array_set_size (day_changes, 0);
    g_assert_true (lectern_schedule_apply (schedule, plan, &error));
    assert_titles (day, "C D A B");
    assert_titles (pool, "");
    g_assert_cmpuint (pool_changes->len, ==, 1);
    g_assert_cmpint (lectern_slot_get_start (d), ==, 540);
  }

  /* undo: the store says it changed; the models follow */
  g_array_set_size (day_changes, 0);
  g_assert_true (lectern_store_undo (w.store, &error));
  g_assert_no_error (error);
  assert_titles (day, "C A B");
  assert_titles (pool, "D");
  g_assert_true (lectern_schedule_find_slot (schedule, w.d) == d);
  g_assert_false (lectern_slot_is_scheduled (d));

  /* a colleague renames A (no list changes) and moves B to 7:00 */
  colleague = lectern_store_open (f->path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(LecternSlot) a = lectern_store_get_slot (colleague, w.a, &error);
    g_autoptr(LecternSlot) b = lectern_store_get_slot (colleague, w.b, &error);
    LecternSlot *ours = lectern_schedule_find_slot (schedule, w.a);

    lectern_slot_set_title (a, "A, renamed");
    g_assert_true (lectern_store_update_slot (colleague, a, &error));
    lectern_slot_set_start (b, 420);
    g_assert_true (lectern_store_update_slot (colleague, b, &error));
    g_assert_no_error (error);

    g_array_set_size (day_changes, 0);
    g_assert_true (lectern_store_poll_changes (w.store));
    assert_titles (day, "B C A, renamed");
    g_assert_true (lectern_schedule_find_slot (schedule, w.a) == ours);
    g_assert_cmpuint (day_changes->len, ==, 2);   /* B out, B in: A changed in place */
  }

  /* a plan made before the colleague's move is refused, and the models
   * show the colleague's version */
  {
    g_autoptr(LecternSchedulePlan) plan = lectern_schedule_plan_resize (lectern_schedule_get_scheduled (schedule),
                                                                        c, 45, LECTERN_SCHEDULE_RIPPLE, &error);
    g_autoptr(LecternSlot) theirs = lectern_store_get_slot (colleague, w.c, &error);

    lectern_slot_set_start (theirs, 1200);
    g_assert_true (lectern_store_update_slot (colleague, theirs, &error));
    g_assert_false (lectern_schedule_apply (schedule, plan, &error));
    g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_cmpint (lectern_slot_get_start (c), ==, 1200);
    assert_titles (day, "B A, renamed C");
  }

  /* a colleague removes a slot */
  {
    g_autoptr(LecternSlot) theirs = lectern_store_get_slot (colleague, w.b, &error);

    g_assert_true (lectern_store_remove_slot (colleague, theirs, &error));
    g_assert_true (lectern_store_poll_changes (w.store));
    assert_titles (day, "A, renamed C");
    g_assert_null (lectern_schedule_find_slot (schedule, w.b));
  }

  workshop_close (&w);
}

/* Each entity's own copy keeps every property, and a slot's copy its
 * people and links (what the editors copy through). */
static void
assert_same_properties (gpointer a,
                        gpointer b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        g_error ("%s: the copy's “%s” differs", G_OBJECT_TYPE_NAME (a), pspecs[i]->name);
    }
}

static void
test_copies (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LecternStore) store = lectern_test_create_demo (f->path, NULL);
  g_autoptr(GError) error = NULL;
  GListModel *lists[6];

  lists[0] = lectern_store_list_people (store, &error);
  lists[1] = lectern_store_list_cards (store, -1, &error);
  lists[2] = lectern_store_list_sponsors (store, &error);
  lists[3] = lectern_store_list_days (store, &error);
  lists[4] = lectern_store_list_sessions (store, &error);
  lists[5] = lectern_store_list_slots (store, 0, &error);
  g_assert_no_error (error);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
          g_autoptr(GObject) copy = NULL;

          if (LECTERN_IS_PERSON (item))
            copy = G_OBJECT (lectern_person_copy (LECTERN_PERSON (item)));
          else if (LECTERN_IS_CARD (item))
            copy = G_OBJECT (lectern_card_copy (LECTERN_CARD (item)));
          else if (LECTERN_IS_SPONSOR (item))
            copy = G_OBJECT (lectern_sponsor_copy (LECTERN_SPONSOR (item)));
          else if (LECTERN_IS_DAY (item))
            copy = G_OBJECT (lectern_day_copy (LECTERN_DAY (item)));
          else if (LECTERN_IS_SESSION (item))
            copy = G_OBJECT (lectern_session_copy (LECTERN_SESSION (item)));
          else
            {
              LecternSlot *slot = LECTERN_SLOT (item);
              LecternSlot *slot_copy = lectern_slot_copy (slot);

              copy = G_OBJECT (slot_copy);
              g_assert_cmpuint (lectern_slot_get_appearances (slot_copy)->len, ==,
                                lectern_slot_get_appearances (slot)->len);
              g_assert_cmpuint (lectern_slot_get_links (slot_copy)->len, ==, lectern_slot_get_links (slot)->len);
            }
          assert_same_properties (item, copy);
        }
      g_object_unref (lists[l]);
    }

  {
    g_autoptr(LecternEvent) event = lectern_store_get_event (store, &error);
    g_autoptr(LecternEvent) copy = lectern_event_copy (event);

    assert_same_properties (event, copy);
  }
}

/* Sessions: renamed and given an emoji, as one undo step; a stale one
 * refused; no title refused. */
static void
test_sessions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSession) stale = NULL;
  Workshop w = { 0 };

  workshop_open (&w, f->path);
  stale = lectern_session_copy (w.session);
  lectern_session_set_title (w.session, "Keynotes");
  lectern_session_set_emoji (w.session, "🎤");
  g_assert_true (lectern_store_update_session (w.store, w.session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM session WHERE title = 'Keynotes' AND emoji = '🎤'"), ==, 1);

  lectern_session_set_title (stale, "Something else");
  g_assert_false (lectern_store_update_session (w.store, stale, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  lectern_session_set_title (w.session, "");
  g_assert_false (lectern_store_update_session (w.store, w.session, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (lectern_store_undo (w.store, &error));
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM session WHERE title = 'Morning'"), ==, 1);

  /* a new session started from a slot: the slot in it, one step, and
   * undone whole */
  {
    g_autoptr(LecternSlot) b = get_slot (w.store, w.b);
    g_autoptr(LecternSlot) pooled = get_slot (w.store, w.d);
    g_autoptr(LecternSlot) stale_b = get_slot (w.store, w.b);
    g_autoptr(LecternSession) started = NULL;
    g_autoptr(LecternSession) refused = NULL;
    g_autofree char *label = NULL;
    g_autofree char *before = layout (f->path);
    g_autofree char *after_undo = NULL;
    gint64 n_sessions = lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM session");

    started = lectern_store_start_session (w.store, b, "Orals", &error);
    g_assert_no_error (error);
    g_assert_nonnull (started);
    g_assert_cmpint (lectern_slot_get_session_id (b), ==, lectern_session_get_id (started));
    g_assert_cmpint (lectern_session_get_day_id (started), ==, lectern_day_get_id (w.day));
    g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT session_id FROM slot WHERE title = 'B'"), ==,
                     lectern_session_get_id (started));
    label = lectern_store_get_undo_label (w.store);
    g_assert_cmpstr (label, ==, "New session “Orals”");

    /* the returned slot is current: it can be edited again */
    lectern_slot_set_title (b, "B2");
    g_assert_true (lectern_store_update_slot (w.store, b, &error));
    g_assert_no_error (error);
    g_assert_true (lectern_store_undo (w.store, &error));

    /* a stale slot is a conflict, and nothing is written */
    refused = lectern_store_start_session (w.store, stale_b, "Again", &error);
    g_assert_null (refused);
    g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM session"), ==, n_sessions + 1);

    /* a slot of the pool has no day */
    g_assert_null (lectern_store_start_session (w.store, pooled, "Pool", &error));
    g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
    g_clear_error (&error);

    g_assert_true (lectern_store_undo (w.store, &error));
    g_assert_no_error (error);
    after_undo = layout (f->path);
    g_assert_cmpstr (after_undo, ==, before);
    g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM session"), ==, n_sessions);
  }

  workshop_close (&w);
}

static void
test_format (void)
{
  g_autofree char *noon = lectern_format_time (720);
  g_autofree char *midnight = lectern_format_time (0);
  g_autofree char *late = lectern_format_time (1439);
  g_autofree char *d25 = lectern_format_duration (25);
  g_autofree char *d90 = lectern_format_duration (90);
  g_autofree char *d120 = lectern_format_duration (120);
  g_autofree char *d150 = lectern_format_duration (150);

  g_assert_cmpstr (noon, ==, "12:00pm");
  g_assert_cmpstr (midnight, ==, "12:00am");
  g_assert_cmpstr (late, ==, "11:59pm");
  g_assert_cmpstr (d25, ==, "25 minutes");
  g_assert_cmpstr (d90, ==, "90 minutes");
  g_assert_cmpstr (d120, ==, "2 hours");
  g_assert_cmpstr (d150, ==, "2 h 30 min");

  {
    static const struct { const char *text; int minutes; } good[] = {
      { "14:05", 845 }, { "9:05", 545 }, { "09:05", 545 }, { "0:00", 0 }, { "23:59", 1439 },
      { "9:05am", 545 }, { "2pm", 840 }, { "12:30 PM", 750 }, { "12am", 0 }, { "12:15am", 15 }, { " 1:00pm ", 780 },
    };
    static const char *bad[] = { "24:00", "9:5", "14", "13pm", "0am", "9:60", "", "noon", "9:05:00", "-1:00", "1:0x" };
    int m;

    for (guint i = 0; i < G_N_ELEMENTS (good); i++)
      {
        g_assert_true (lectern_parse_time (good[i].text, &m));
        g_assert_cmpint (m, ==, good[i].minutes);
      }
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      g_assert_false (lectern_parse_time (bad[i], &m));
  }

  /* a remote speaker's time in the workshop's: Zurich (UTC+2 in July)
   * to Honolulu (UTC-10) is 12 hours back; a winter date has UTC+1 */
  {
    g_autoptr(GError) error = NULL;
    int m;

    g_assert_true (lectern_convert_time ("2023-07-29", 21 * 60, "Europe/Zurich", "Pacific/Honolulu", &m, &error));
    g_assert_cmpint (m, ==, 9 * 60);
    g_assert_true (lectern_convert_time ("2023-07-29", 9 * 60, "Europe/Zurich", "Pacific/Honolulu", &m, &error));
    g_assert_cmpint (m, ==, -3 * 60);   /* the day before */
    g_assert_true (lectern_convert_time ("2023-12-10", 9 * 60, "Europe/Zurich", "UTC", &m, &error));
    g_assert_cmpint (m, ==, 8 * 60);
    g_assert_true (lectern_convert_time ("2023-12-10", 23 * 60, "America/New_York", "Europe/Zurich", &m, &error));
    g_assert_cmpint (m, ==, 24 * 60 + 5 * 60);   /* the day after */
    g_assert_false (lectern_convert_time ("2023-12-10", 0, "Mars/Olympus", "UTC", &m, &error));
    g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, lectern_test_workshop_set_up, func, \
              lectern_test_workshop_tear_down)

  g_test_add_func ("/schedule/format", test_format);
  ADD ("/schedule/migrate-v3", test_migrate_v3);
  ADD ("/schedule/pool", test_pool);
  ADD ("/schedule/move", test_move);
  ADD ("/schedule/place", test_place);
  ADD ("/schedule/resize", test_resize);
  ADD ("/schedule/swap", test_swap);
  ADD ("/schedule/unschedule", test_unschedule);
  ADD ("/schedule/compact", test_compact);
  ADD ("/schedule/move-session", test_move_session);
  ADD ("/schedule/stale-plan", test_stale_plan);
  ADD ("/schedule/checks", test_checks);
  ADD ("/schedule/availability", test_availability);
  ADD ("/schedule/live", test_live);
  ADD ("/schedule/copies", test_copies);
  ADD ("/schedule/sessions", test_sessions);

  return g_test_run ();
}
