/* lectern-schedule-ops.h: the schedule's operations, as plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-schedule-plan.h"
#include "lectern-session.h"
#include "lectern-slot.h"

G_BEGIN_DECLS

typedef enum
{
  LECTERN_SCHEDULE_NONE   = 0,
  LECTERN_SCHEDULE_RIPPLE = 1 << 0,  /* later slots of the room shift */
} LecternScheduleFlags;

char                *lectern_format_time              (int                   minutes);
char                *lectern_format_duration          (int                   minutes);
gboolean             lectern_parse_time               (const char           *text,
                                                       int                  *minutes);
gboolean             lectern_parse_time_span          (const char           *text,
                                                       int                  *start,
                                                       int                  *end);
gboolean             lectern_convert_time             (const char           *date,
                                                       int                   minutes,
                                                       const char           *from_zone,
                                                       const char           *to_zone,
                                                       int                  *out,
                                                       GError              **error);

LecternSchedulePlan *lectern_schedule_plan_move       (GListModel           *scheduled,
                                                       LecternSlot          *slot,
                                                       gint64                day_id,
                                                       gint64                room_id,
                                                       int                   start,
                                                       LecternScheduleFlags  flags,
                                                       GError              **error);
LecternSchedulePlan *lectern_schedule_plan_resize     (GListModel           *scheduled,
                                                       LecternSlot          *slot,
                                                       int                   duration,
                                                       LecternScheduleFlags  flags,
                                                       GError              **error);
LecternSchedulePlan *lectern_schedule_plan_swap       (GListModel           *scheduled,
                                                       LecternSlot          *a,
                                                       LecternSlot          *b,
                                                       GError              **error);
LecternSchedulePlan *lectern_schedule_plan_unschedule (GListModel           *scheduled,
                                                       LecternSlot          *slot,
                                                       LecternScheduleFlags  flags,
                                                       GError              **error);
LecternSchedulePlan *lectern_schedule_plan_compact    (GListModel           *scheduled,
                                                       gint64                day_id,
                                                       int                   gap,
                                                       GError              **error);
LecternSchedulePlan *lectern_schedule_plan_move_session (GListModel         *scheduled,
                                                       LecternSession       *session,
                                                       gint64                day_id,
                                                       gint64                room_id,
                                                       int                   start,
                                                       GError              **error);

G_END_DECLS
