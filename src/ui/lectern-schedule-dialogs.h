/* lectern-schedule-dialogs.h: Move To… and New Slot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-schedule.h"

G_BEGIN_DECLS

GtkWidget *lectern_schedule_move_to_dialog_new  (GtkWidget       *parent,
                                                 LecternSchedule *schedule,
                                                 LecternSlot     *slot,
                                                 gint64           day_id);
GtkWidget *lectern_schedule_move_session_dialog_new (GtkWidget       *parent,
                                                     LecternSchedule *schedule,
                                                     LecternSession  *session,
                                                     gint64           day_id);
GtkWidget *lectern_schedule_new_slot_dialog_new (GtkWidget       *parent,
                                                 LecternSchedule *schedule,
                                                 gint64           day_id);

G_END_DECLS
