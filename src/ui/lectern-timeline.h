/* lectern-timeline.h: a day of the schedule on a time grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-schedule.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_TIMELINE (lectern_timeline_get_type ())

G_DECLARE_FINAL_TYPE (LecternTimeline, lectern_timeline, LECTERN, TIMELINE, GtkWidget)

GtkWidget   *lectern_timeline_new              (void);
void         lectern_timeline_set_schedule     (LecternTimeline *self,
                                                LecternSchedule *schedule,
                                                gint64           day_id);
GArray      *lectern_timeline_get_shade        (LecternTimeline *self);
gint64       lectern_timeline_get_day_id       (LecternTimeline *self);
LecternSlot *lectern_timeline_get_selected     (LecternTimeline *self);
guint        lectern_timeline_get_n_cards      (LecternTimeline *self);
GtkWidget   *lectern_timeline_find_card        (LecternTimeline *self,
                                                gint64           slot_id);
void         lectern_timeline_refresh          (LecternTimeline *self);
double       lectern_timeline_get_y            (LecternTimeline *self,
                                                int              minute);
gboolean     lectern_timeline_point_to_place   (LecternTimeline *self,
                                                double           x,
                                                double           y,
                                                gint64          *room_id,
                                                int             *start);
void         lectern_timeline_preview          (LecternTimeline *self,
                                                LecternSlot     *slot,
                                                double           x,
                                                double           y,
                                                gboolean         ripple);
gboolean     lectern_timeline_drop_slot        (LecternTimeline *self,
                                                LecternSlot     *slot,
                                                double           x,
                                                double           y,
                                                gboolean         ripple);
gboolean     lectern_timeline_move_selected    (LecternTimeline *self,
                                                int              steps,
                                                gboolean         resize);
gboolean     lectern_timeline_unschedule_selected (LecternTimeline *self);
gboolean     lectern_timeline_swap_selected    (LecternTimeline *self);
gboolean     lectern_timeline_compact          (LecternTimeline *self);

G_END_DECLS
