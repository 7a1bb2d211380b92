/* lectern-store-private.h: what the parts of LecternStore share
 *
 * LecternStore is written in several files: lectern-store.c (the object,
 * the schema, transactions, opening), lectern-store-history.c (undo and
 * redo), lectern-store-people.c (event, people, cards, sponsors) and
 * lectern-store-schedule.c (days, rooms, sessions, slots). Nothing here
 * is for use outside them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "lectern-store.h"

G_BEGIN_DECLS

/* Widens each day's visible hours (whole hours) to show all its slots;
 * a step of the version-4 upgrade, and lectern_store_fit_day_hours(). */
#define LECTERN_FIT_DAY_HOURS_SQL \
  "UPDATE day SET" \
  " visible_start = MIN (visible_start, COALESCE ((SELECT MIN (start) FROM slot" \
  "   WHERE slot.day_id = day.id) / 60 * 60, visible_start))," \
  " visible_end = MAX (visible_end, COALESCE ((SELECT MAX (start + duration) + 59 FROM slot" \
  "   WHERE slot.day_id = day.id) / 60 * 60, visible_end))" \
  " WHERE EXISTS (SELECT 1 FROM slot WHERE slot.day_id = day.id)"

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
  gint64           site_version;   /* meta 'site_version': the record of the site's writes */
  guint            watch_id;
  GFileMonitor    *monitor;            /* of the file's folder (see lectern_store_watch) */
  guint            poll_soon_id;

  /* history */
  char            *actor;
  gboolean         history_suspended;  /* creating a file: no step */
  sqlite3_session *session;            /* records the action under way */
  char            *action_label;       /* from lectern_store_begin_action() */
  char            *first_label;        /* of the first edit in the action */
  guint            n_other_labels;     /* edits with another label */
  gint64           txn_rev;            /* the rev this transaction writes */
  GArray          *stepped;            /* SteppedRow: what the last undo/redo wrote */
  GHashTable      *seen_steps;         /* history id -> undone, as last seen (see collect_changes) */
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

extern const char *const _lectern_store_migrations[LECTERN_SCHEMA_VERSION];

/* history: what other connections changed since the last look */
void            _lectern_store_note_steps          (LecternStore     *self);
void            _lectern_store_note_step           (LecternStore     *self,
                                                    gint64            id,
                                                    gboolean          undone);
LecternChanges *_lectern_store_collect_changes     (LecternStore     *self,
                                                    gboolean         *stepped);
void            _lectern_store_emit_changed        (LecternStore     *self,
                                                    LecternChanges   *changes);

/* the parts' shared helpers */
static inline const char *
_lectern_store_text_or_empty (const char *text)
{
  return text != NULL ? text : "";
}

char           *_lectern_store_card_display_name   (LecternStore     *self,
                                                    LecternCard      *card);

/* SQLite helpers */
gboolean      _lectern_store_set_error_from_db    (LecternStore     *self,
                                                   int               rc,
                                                   GError          **error);
/* Makes the object of the row @stmt stands on. */
typedef gpointer (*LecternRowReader) (sqlite3_stmt *stmt);

GListModel   *_lectern_store_read_rows            (LecternStore     *self,
                                                   sqlite3_stmt     *stmt,
                                                   GType             item_type,
                                                   LecternRowReader  read,
                                                   GError          **error);
gpointer      _lectern_store_read_row             (LecternStore     *self,
                                                   sqlite3_stmt     *stmt,
                                                   LecternRowReader  read,
                                                   const char       *not_found,
                                                   GError          **error);
sqlite3_stmt *_lectern_store_prepare              (LecternStore     *self,
                                                   const char       *sql,
                                                   GError          **error);
gboolean      _lectern_store_exec                 (LecternStore     *self,
                                                   const char       *sql,
                                                   GError          **error);
void          _lectern_store_bind_text            (sqlite3_stmt     *stmt,
                                                   int               index,
                                                   const char       *value);
void          _lectern_store_bind_id              (sqlite3_stmt     *stmt,
                                                   int               index,
                                                   gint64            id);
const char   *_lectern_store_column_text          (sqlite3_stmt     *stmt,
                                                   int               index);
GBytes       *_lectern_store_column_blob          (sqlite3_stmt     *stmt,
                                                   int               index);
gboolean      _lectern_store_step_done            (LecternStore     *self,
                                                   sqlite3_stmt     *stmt,
                                                   GError          **error);
gint64        _lectern_store_query_int            (LecternStore     *self,
                                                   const char       *sql,
                                                   gint64            fallback);

/* Transactions */
gboolean      _lectern_store_start_session        (LecternStore     *self,
                                                   sqlite3_session **session,
                                                   GError          **error);
gint64        _lectern_store_txn_rev              (LecternStore     *self,
                                                   GError          **error);
gboolean      _lectern_store_write_begin          (LecternStore     *self,
                                                   GError          **error);
void          _lectern_store_label_edit           (LecternStore     *self,
                                                   const char       *format,
                                                   ...) G_GNUC_PRINTF (2, 3);
gboolean      _lectern_store_remove_row           (LecternStore     *self,
                                                   const char       *table,
                                                   gint64            id,
                                                   gint64            rev,
                                                   const char       *what,
                                                   GError          **error);
gboolean      _lectern_store_write_end            (LecternStore     *self,
                                                   gboolean          ok,
                                                   GError          **error);
gboolean      _lectern_store_report_stale         (LecternStore     *self,
                                                   const char       *table,
                                                   gint64            id,
                                                   const char       *what,
                                                   GError          **error);

/* Writing one row */
sqlite3_stmt *_lectern_store_prepare_insert       (LecternStore     *self,
                                                   const char       *table,
                                                   const char       *sql,
                                                   gint64           *rev,
                                                   GError          **error);
gboolean      _lectern_store_finish_insert        (LecternStore     *self,
                                                   sqlite3_stmt     *stmt,
                                                   gint64           *id,
                                                   GError          **error);
sqlite3_stmt *_lectern_store_prepare_update       (LecternStore     *self,
                                                   const char       *sql,
                                                   gint64            id,
                                                   gint64            old_rev,
                                                   gint64           *rev,
                                                   GError          **error);
gboolean      _lectern_store_step_at_rev          (LecternStore     *self,
                                                   sqlite3_stmt     *stmt,
                                                   const char       *table,
                                                   gint64            id,
                                                   const char       *what,
                                                   GError          **error);

/* The object */
gboolean      _lectern_store_move_row             (LecternStore     *self,
                                                   const char       *table,
                                                   const char       *scope,
                                                   const char       *scope_value,
                                                   gint64            id,
                                                   guint             position,
                                                   int              *new_position,
                                                   gint64           *new_rev,
                                                   GError          **error);
gboolean      _lectern_store_check_rev            (LecternStore     *self,
                                                   const char       *table,
                                                   gint64            id,
                                                   gint64            rev,
                                                   const char       *what,
                                                   GError          **error);

void          _lectern_store_emit_history_changed (LecternStore     *self);
char         *_lectern_store_default_actor        (void);

/* lectern-store-file.c */
gboolean      _lectern_store_check_header         (const char       *path,
                                                   GError          **error);
void          _lectern_store_set_damaged_error    (const char       *path,
                                                   GError          **error);
gboolean      _lectern_store_make_backup          (LecternStore     *self,
                                                   int               version,
                                                   GError          **error);

G_END_DECLS
