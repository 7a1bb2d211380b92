/* lectern-schedule.h: the schedule as live models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-schedule-checks.h"
#include "lectern-schedule-plan.h"
#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_SCHEDULE (lectern_schedule_get_type ())

G_DECLARE_FINAL_TYPE (LecternSchedule, lectern_schedule, LECTERN, SCHEDULE, GObject)

LecternSchedule *lectern_schedule_new           (LecternStore         *store,
                                                 GError              **error);
LecternStore    *lectern_schedule_get_store     (LecternSchedule      *self);
GListModel      *lectern_schedule_get_day_slots (LecternSchedule      *self,
                                                 gint64                day_id);
GListModel      *lectern_schedule_get_pool      (LecternSchedule      *self);
GListModel      *lectern_schedule_get_scheduled (LecternSchedule      *self);
LecternSlot     *lectern_schedule_find_slot     (LecternSchedule      *self,
                                                 gint64                id);
GPtrArray       *lectern_schedule_get_problems  (LecternSchedule      *self,
                                                 LecternSchedulePlan  *plan,
                                                 GError              **error);
gboolean         lectern_schedule_apply         (LecternSchedule      *self,
                                                 LecternSchedulePlan  *plan,
                                                 GError              **error);
gboolean         lectern_schedule_reload        (LecternSchedule      *self,
                                                 GError              **error);

G_END_DECLS
