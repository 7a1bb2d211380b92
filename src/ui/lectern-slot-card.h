/* lectern-slot-card.h: one slot on the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_SLOT_CARD (lectern_slot_card_get_type ())

G_DECLARE_FINAL_TYPE (LecternSlotCard, lectern_slot_card, LECTERN, SLOT_CARD, GtkWidget)

GtkWidget   *lectern_slot_card_new         (LecternSlot     *slot);
LecternSlot *lectern_slot_card_get_slot    (LecternSlotCard *self);
void         lectern_slot_card_set_session (LecternSlotCard *self,
                                            LecternSession  *session,
                                            gboolean         first);
void         lectern_slot_card_update      (LecternSlotCard *self);
char        *lectern_slot_card_describe    (LecternSlot     *slot);

G_END_DECLS
