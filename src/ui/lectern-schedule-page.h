/* lectern-schedule-page.h: the schedule, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-store.h"
#include "lectern-timeline.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_SCHEDULE_PAGE (lectern_schedule_page_get_type ())

G_DECLARE_FINAL_TYPE (LecternSchedulePage, lectern_schedule_page, LECTERN, SCHEDULE_PAGE, GtkWidget)

LecternStore *lectern_schedule_page_get_store (LecternSchedulePage  *self);
void          lectern_schedule_page_set_store (LecternSchedulePage  *self,
                                               LecternStore         *store);
gboolean      lectern_schedule_page_reload    (LecternSchedulePage  *self,
                                               GError              **error);
LecternTimeline *lectern_schedule_page_get_timeline (LecternSchedulePage *self);
LecternSchedule *lectern_schedule_page_get_schedule (LecternSchedulePage *self);

G_END_DECLS
