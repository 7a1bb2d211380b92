/* lectern-program-data.h: the scheduled program, read once from the
 * workshop file, for the calendar and the conference-app formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-cfp-date.h"
#include "lectern-day.h"
#include "lectern-event.h"
#include "lectern-room.h"
#include "lectern-session.h"
#include "lectern-slot.h"
#include "lectern-store.h"

G_BEGIN_DECLS

/* Read-only once made: the formats may read one from several threads
 * at once (arrays and hash tables, no GListModel, whose lookups cache). */
typedef struct
{
  char         *path;        /* the workshop file's, for messages */
  char         *uuid;        /* the workshop's own identifier */
  LecternEvent *event;
  GPtrArray    *days;        /* LecternDay, in order */
  GPtrArray    *day_slots;   /* per day: a GPtrArray of its LecternSlot, in order */
  GPtrArray    *rooms;       /* LecternRoom, in order */
  GHashTable   *rooms_by_id; /* gint64 * -> LecternRoom */
  GHashTable   *sessions_by_id; /* gint64 * -> LecternSession */
  gboolean      any_scheduled;  /* a slot is on the timeline */
  GPtrArray    *deadlines;   /* LecternCfpDate: the call's dates, when it is published */
} LecternProgramData;

LecternProgramData *lectern_program_data_new     (const char          *path,
                                                  const char          *uuid,
                                                  LecternEvent        *event,
                                                  GPtrArray           *days,
                                                  GPtrArray           *slots,
                                                  GListModel          *sessions,
                                                  GListModel          *rooms);
LecternProgramData *lectern_program_data_read    (LecternStore        *store,
                                                  GError             **error);
void                lectern_program_data_free    (LecternProgramData  *data);
gboolean            lectern_program_data_read_deadlines (LecternProgramData  *data,
                                                         LecternStore        *store,
                                                         GError             **error);
LecternRoom        *lectern_program_data_room    (LecternProgramData  *data,
                                                  LecternSlot         *slot);
LecternSession     *lectern_program_data_session (LecternProgramData  *data,
                                                  LecternSlot         *slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternProgramData, lectern_program_data_free)

G_END_DECLS
