/* lectern-schedule-plan.h: what a schedule operation would change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where a slot is: a day and a start (minutes after midnight), or in
 * the pool (day_id 0, start -1); a room or none (0); a length.
 */
typedef struct
{
  gint64 day_id;
  gint64 room_id;
  int    start;
  int    duration;
} LecternPlacement;

/* One slot the plan moves, with the rev it was read at. */
typedef struct
{
  gint64            slot_id;
  gint64            rev;
  char             *title;
  LecternPlacement  before;
  LecternPlacement  after;
} LecternSlotMove;

#define LECTERN_TYPE_SCHEDULE_PLAN (lectern_schedule_plan_get_type ())

G_DECLARE_FINAL_TYPE (LecternSchedulePlan, lectern_schedule_plan, LECTERN, SCHEDULE_PLAN, GObject)

LecternSchedulePlan   *lectern_schedule_plan_new              (const char          *label);
const char            *lectern_schedule_plan_get_label        (LecternSchedulePlan *self);
void                   lectern_schedule_plan_add_move         (LecternSchedulePlan *self,
                                                               gint64               slot_id,
                                                               gint64               rev,
                                                               const char          *title,
                                                               const LecternPlacement *before,
                                                               const LecternPlacement *after);
guint                  lectern_schedule_plan_get_n_moves      (LecternSchedulePlan *self);
const LecternSlotMove *lectern_schedule_plan_get_move         (LecternSchedulePlan *self,
                                                               guint                i);
const LecternSlotMove *lectern_schedule_plan_find_move        (LecternSchedulePlan *self,
                                                               gint64               slot_id);
void                   lectern_schedule_plan_set_session_day  (LecternSchedulePlan *self,
                                                               gint64               session_id,
                                                               gint64               rev,
                                                               const char          *title,
                                                               gint64               day_id);
gint64                 lectern_schedule_plan_get_session_day  (LecternSchedulePlan *self,
                                                               gint64              *session_id,
                                                               gint64              *rev,
                                                               const char         **title);

G_END_DECLS
