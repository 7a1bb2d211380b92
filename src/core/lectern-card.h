/* lectern-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "lectern-person.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_CARD (lectern_card_get_type ())

G_DECLARE_FINAL_TYPE (LecternCard, lectern_card, LECTERN, CARD, GObject)

LecternCard *lectern_card_new (void);
LecternCard *lectern_card_copy (LecternCard *self);
gint64          lectern_card_get_id (LecternCard *self);
void            lectern_card_set_id (LecternCard *self,
                                    gint64 value);
gint64          lectern_card_get_rev (LecternCard *self);
void            lectern_card_set_rev (LecternCard *self,
                                     gint64 value);
gint64          lectern_card_get_person_id (LecternCard *self);
void            lectern_card_set_person_id (LecternCard *self,
                                           gint64 value);
int             lectern_card_get_role (LecternCard *self);
void            lectern_card_set_role (LecternCard *self,
                                      int value);
const char *    lectern_card_get_slug (LecternCard *self);
void            lectern_card_set_slug (LecternCard *self,
                                      const char *value);
int             lectern_card_get_position (LecternCard *self);
void            lectern_card_set_position (LecternCard *self,
                                          int value);
gboolean        lectern_card_get_archived (LecternCard *self);
void            lectern_card_set_archived (LecternCard *self,
                                          gboolean value);
LecternPerson * lectern_card_get_person (LecternCard *self);
void            lectern_card_set_person (LecternCard *self,
                                        LecternPerson *value);

G_END_DECLS
