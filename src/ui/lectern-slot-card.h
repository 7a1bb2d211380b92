/* lectern-slot-card.h: one slot on the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-store.h"

G_BEGIN_DECLS

/* The timeline's scale: a card is this many pixels high per minute. */
#define LECTERN_SLOT_CARD_PX_PER_MINUTE 2.0

#define LECTERN_TYPE_SLOT_CARD (lectern_slot_card_get_type ())

G_DECLARE_FINAL_TYPE (LecternSlotCard, lectern_slot_card, LECTERN, SLOT_CARD, GtkWidget)

GtkWidget   *lectern_slot_card_new         (LecternSlot     *slot);
LecternSlot *lectern_slot_card_get_slot    (LecternSlotCard *self);
void         lectern_slot_card_set_session (LecternSlotCard *self,
                                            LecternSession  *session,
                                            gboolean         first);
void         lectern_slot_card_set_problems (LecternSlotCard *self,
                                            const char      *problems);
void         lectern_slot_card_update      (LecternSlotCard *self);
char        *lectern_slot_card_describe    (LecternSlot     *slot);

G_END_DECLS
