/* lectern-slot-editor.h: the side pane that edits the selected slot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-schedule.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_SLOT_EDITOR (lectern_slot_editor_get_type ())

G_DECLARE_FINAL_TYPE (LecternSlotEditor, lectern_slot_editor, LECTERN, SLOT_EDITOR, GtkWidget)

void         lectern_slot_editor_set_schedule (LecternSlotEditor *self,
                                               LecternSchedule   *schedule);
void         lectern_slot_editor_set_slot  (LecternSlotEditor *self,
                                            LecternSlot       *slot);
LecternSlot *lectern_slot_editor_get_slot  (LecternSlotEditor *self);
void         lectern_slot_editor_refresh   (LecternSlotEditor *self);

G_END_DECLS
