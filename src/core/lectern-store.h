/* lectern-store.h: the shared workshop file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-card.h"
#include "lectern-changes.h"
#include "lectern-day.h"
#include "lectern-event.h"
#include "lectern-person.h"
#include "lectern-room.h"
#include "lectern-schedule-plan.h"
#include "lectern-session.h"
#include "lectern-slot.h"
#include "lectern-sponsor.h"
#include "lectern-types.h"

G_BEGIN_DECLS

/* The schema this Lectern writes; see lectern-store.c for the history. */
#define LECTERN_SCHEMA_VERSION 8

/* "Lect": PRAGMA application_id of every Lectern file. */
#define LECTERN_APPLICATION_ID 0x4C656374

/* A window in which a person is available on a day: start and end in
 * minutes of the day, in the workshop's time zone; timezone is the zone
 * the person gave it in (shown back beside it), or "". */
typedef struct
{
  gint64  id;
  gint64  rev;
  gint64  person_id;
  gint64  day_id;
  int     start;
  int     end;
  char   *timezone;
} LecternAvailability;

void lectern_availability_clear (LecternAvailability *availability);

#define LECTERN_STORE_ERROR (lectern_store_error_quark ())

typedef enum
{
  LECTERN_STORE_ERROR_NOT_FOUND,     /* no such file, or no such row */
  LECTERN_STORE_ERROR_EXISTS,        /* a new file would overwrite one */
  LECTERN_STORE_ERROR_NOT_SQLITE,    /* the file is not an SQLite database */
  LECTERN_STORE_ERROR_NOT_LECTERN,   /* an SQLite database of another program */
  LECTERN_STORE_ERROR_READ_ONLY,     /* the file is open read-only */
  LECTERN_STORE_ERROR_CONFLICT,      /* the row changed since it was read */
  LECTERN_STORE_ERROR_INVALID,       /* the value is refused (bad slug, …) */
  LECTERN_STORE_ERROR_BUSY,          /* another organizer holds the lock */
  LECTERN_STORE_ERROR_FAILED,        /* SQLite reported an error */
  LECTERN_STORE_ERROR_DAMAGED,       /* a Lectern or SQLite file, truncated or damaged */
} LecternStoreError;

#define LECTERN_TYPE_STORE (lectern_store_get_type ())

G_DECLARE_FINAL_TYPE (LecternStore, lectern_store, LECTERN, STORE, GObject)

GQuark         lectern_store_error_quark        (void);

LecternStore  *lectern_store_open               (const char     *path,
                                                 GError        **error);
void           lectern_store_open_async         (const char          *path,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
LecternStore  *lectern_store_open_finish        (GAsyncResult        *result,
                                                 GError             **error);
LecternStore  *lectern_store_create             (const char     *path,
                                                 const char     *title,
                                                 GError        **error);
LecternStore  *_lectern_store_create_at_version (const char     *path,
                                                 int             version,
                                                 GError        **error);

LecternStore  *lectern_store_new_edition        (LecternStore   *self,
                                                 const char     *path,
                                                 GError        **error);

const char    *lectern_store_get_path           (LecternStore   *self);
gboolean       lectern_store_get_read_only      (LecternStore   *self);
const char    *lectern_store_get_read_only_reason (LecternStore *self);
int            lectern_store_get_schema_version (LecternStore   *self);
char          *lectern_store_get_workshop_uuid  (LecternStore   *self);
const char    *lectern_store_get_backup_path    (LecternStore   *self);

/* Several edits as one transaction (one user action). */
gboolean       lectern_store_begin              (LecternStore   *self,
                                                 GError        **error);
gboolean       lectern_store_commit             (LecternStore   *self,
                                                 GError        **error);
void           lectern_store_rollback           (LecternStore   *self);

/* Undo and redo, kept in the file, per organizer (the actor). */
void           lectern_store_set_actor          (LecternStore   *self,
                                                 const char     *actor);
const char    *lectern_store_get_actor          (LecternStore   *self);
gboolean       lectern_store_begin_action       (LecternStore   *self,
                                                 const char     *label,
                                                 GError        **error);
gboolean       lectern_store_can_undo           (LecternStore   *self);
gboolean       lectern_store_can_redo           (LecternStore   *self);
char          *lectern_store_get_undo_label     (LecternStore   *self);
char          *lectern_store_get_redo_label     (LecternStore   *self);
gboolean       lectern_store_undo               (LecternStore   *self,
                                                 GError        **error);
gboolean       lectern_store_redo               (LecternStore   *self,
                                                 GError        **error);
GArray        *lectern_store_get_stepped_ids    (LecternStore   *self,
                                                 const char     *table);

/* Changes by other processes. */
gboolean       lectern_store_poll_changes       (LecternStore   *self);
void           lectern_store_watch              (LecternStore   *self,
                                                 guint           interval_ms);

/* Soundness: a list of problems (empty when the file is sound). */
GPtrArray     *lectern_store_check              (LecternStore   *self,
                                                 GError        **error);

/* Event */
LecternEvent  *lectern_store_get_event          (LecternStore   *self,
                                                 GError        **error);
gboolean       lectern_store_update_event       (LecternStore   *self,
                                                 LecternEvent   *event,
                                                 GError        **error);

/* People */
GListModel    *lectern_store_list_people        (LecternStore   *self,
                                                 GError        **error);
LecternPerson *lectern_store_get_person         (LecternStore   *self,
                                                 gint64          id,
                                                 GError        **error);
gboolean       lectern_store_add_person         (LecternStore   *self,
                                                 LecternPerson  *person,
                                                 GError        **error);
gboolean       lectern_store_update_person      (LecternStore   *self,
                                                 LecternPerson  *person,
                                                 GError        **error);
LecternPerson *lectern_store_find_person_by_name (LecternStore *self,
                                                 const char     *name);
gboolean       lectern_store_add_named          (LecternStore   *self,
                                                 const char     *name,
                                                 LecternRole     role,
                                                 const char     *label,
                                                 gint64         *id,
                                                 GError        **error);
gboolean       lectern_store_set_role           (LecternStore   *self,
                                                 LecternPerson  *person,
                                                 LecternRole     role,
                                                 LecternCard    *card,
                                                 gboolean        active,
                                                 const char     *label,
                                                 GError        **error);
gboolean       lectern_store_remove_person      (LecternStore   *self,
                                                 LecternPerson  *person,
                                                 GError        **error);

/* Cards */
LecternCard   *lectern_store_add_card           (LecternStore   *self,
                                                 LecternPerson  *person,
                                                 LecternRole     role,
                                                 const char     *slug,
                                                 GError        **error);
GListModel    *lectern_store_list_cards         (LecternStore   *self,
                                                 int             role,
                                                 GError        **error);
gboolean       lectern_store_update_card        (LecternStore   *self,
                                                 LecternCard    *card,
                                                 GError        **error);
char          *lectern_store_suggest_slug       (LecternStore   *self,
                                                 LecternPerson  *person,
                                                 LecternRole     role);
gboolean       lectern_store_move_card          (LecternStore   *self,
                                                 LecternCard    *card,
                                                 guint           position,
                                                 GError        **error);
gboolean       lectern_store_remove_card        (LecternStore   *self,
                                                 LecternCard    *card,
                                                 GError        **error);

/* Sponsors */
gboolean       lectern_store_add_sponsor        (LecternStore   *self,
                                                 LecternSponsor *sponsor,
                                                 GError        **error);
gboolean       lectern_store_update_sponsor     (LecternStore   *self,
                                                 LecternSponsor *sponsor,
                                                 GError        **error);
GListModel    *lectern_store_list_sponsors      (LecternStore   *self,
                                                 GError        **error);
LecternSponsor *lectern_store_get_sponsor       (LecternStore   *self,
                                                 gint64          id,
                                                 GError        **error);
gboolean       lectern_store_move_sponsor       (LecternStore   *self,
                                                 LecternSponsor *sponsor,
                                                 guint           position,
                                                 GError        **error);
gboolean       lectern_store_remove_sponsor     (LecternStore   *self,
                                                 LecternSponsor *sponsor,
                                                 GError        **error);

/* Schedule */
LecternDay    *lectern_store_add_day            (LecternStore   *self,
                                                 const char     *date,
                                                 GError        **error);
gboolean       lectern_store_set_day_hours      (LecternStore   *self,
                                                 LecternDay     *day,
                                                 int             start,
                                                 int             end,
                                                 GError        **error);
gboolean       lectern_store_fit_day_hours      (LecternStore   *self,
                                                 GError        **error);
GListModel    *lectern_store_list_days          (LecternStore   *self,
                                                 GError        **error);
LecternRoom   *lectern_store_add_room           (LecternStore   *self,
                                                 const char     *name,
                                                 const char     *map_url,
                                                 GError        **error);
GListModel    *lectern_store_list_rooms         (LecternStore   *self,
                                                 GError        **error);
LecternSession *lectern_store_add_session       (LecternStore   *self,
                                                 gint64          day_id,
                                                 const char     *title,
                                                 const char     *emoji,
                                                 GError        **error);
LecternSession *lectern_store_start_session     (LecternStore   *self,
                                                 LecternSlot    *slot,
                                                 const char     *title,
                                                 GError        **error);
gboolean       lectern_store_update_session     (LecternStore   *self,
                                                 LecternSession *session,
                                                 GError        **error);
GListModel    *lectern_store_list_sessions      (LecternStore   *self,
                                                 GError        **error);
gboolean       lectern_store_add_slot           (LecternStore   *self,
                                                 LecternSlot    *slot,
                                                 GError        **error);
gboolean       lectern_store_update_slot        (LecternStore   *self,
                                                 LecternSlot    *slot,
                                                 GError        **error);
gboolean       lectern_store_has_scheduled_slots (LecternStore  *self);
GListModel    *lectern_store_list_slots         (LecternStore   *self,
                                                 gint64          day_id,
                                                 GError        **error);
GListModel    *lectern_store_list_unscheduled   (LecternStore   *self,
                                                 GError        **error);
gboolean       lectern_store_remove_slot        (LecternStore   *self,
                                                 LecternSlot    *slot,
                                                 GError        **error);
LecternSlot   *lectern_store_get_slot           (LecternStore   *self,
                                                 gint64          id,
                                                 GError        **error);
gboolean       lectern_store_apply_plan         (LecternStore   *self,
                                                 LecternSchedulePlan *plan,
                                                 gint64         *new_rev,
                                                 GError        **error);

/* The schedule's checks and availability */
gboolean       lectern_store_get_check_severities (LecternStore  *self,
                                                   LecternSeverity severities[LECTERN_N_CHECKS],
                                                   GError       **error);
gboolean       lectern_store_set_check_severity (LecternStore   *self,
                                                 LecternCheck    check,
                                                 LecternSeverity severity,
                                                 GError        **error);
GArray        *lectern_store_list_availability  (LecternStore   *self,
                                                 GError        **error);
gboolean       lectern_store_add_availability   (LecternStore   *self,
                                                 LecternAvailability *window,
                                                 GError        **error);
gboolean       lectern_store_remove_availability (LecternStore  *self,
                                                  const LecternAvailability *window,
                                                  GError       **error);

G_END_DECLS
