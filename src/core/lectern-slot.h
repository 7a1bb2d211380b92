/* lectern-slot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-types.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_SLOT (lectern_slot_get_type ())

G_DECLARE_FINAL_TYPE (LecternSlot, lectern_slot, LECTERN, SLOT, GObject)

LecternSlot *lectern_slot_new (void);
LecternSlot *lectern_slot_copy (LecternSlot *self);
void         lectern_slot_assign (LecternSlot *self,
                                  LecternSlot *other);
gint64          lectern_slot_get_id (LecternSlot *self);
void            lectern_slot_set_id (LecternSlot *self,
                                    gint64 value);
gint64          lectern_slot_get_rev (LecternSlot *self);
void            lectern_slot_set_rev (LecternSlot *self,
                                     gint64 value);
gint64          lectern_slot_get_day_id (LecternSlot *self);
void            lectern_slot_set_day_id (LecternSlot *self,
                                        gint64 value);
gint64          lectern_slot_get_room_id (LecternSlot *self);
void            lectern_slot_set_room_id (LecternSlot *self,
                                         gint64 value);
gint64          lectern_slot_get_session_id (LecternSlot *self);
void            lectern_slot_set_session_id (LecternSlot *self,
                                            gint64 value);
int             lectern_slot_get_start (LecternSlot *self);
void            lectern_slot_set_start (LecternSlot *self,
                                       int value);
int             lectern_slot_get_duration (LecternSlot *self);
void            lectern_slot_set_duration (LecternSlot *self,
                                          int value);
int             lectern_slot_get_kind (LecternSlot *self);
void            lectern_slot_set_kind (LecternSlot *self,
                                      int value);
const char *    lectern_slot_get_emoji (LecternSlot *self);
void            lectern_slot_set_emoji (LecternSlot *self,
                                       const char *value);
const char *    lectern_slot_get_title (LecternSlot *self);
void            lectern_slot_set_title (LecternSlot *self,
                                       const char *value);
const char *    lectern_slot_get_abstract (LecternSlot *self);
void            lectern_slot_set_abstract (LecternSlot *self,
                                          const char *value);
const char *    lectern_slot_get_note (LecternSlot *self);
void            lectern_slot_set_note (LecternSlot *self,
                                      const char *value);
const char *    lectern_slot_get_note_link_text (LecternSlot *self);
void            lectern_slot_set_note_link_text (LecternSlot *self,
                                                const char *value);
const char *    lectern_slot_get_note_url (LecternSlot *self);
void            lectern_slot_set_note_url (LecternSlot *self,
                                          const char *value);
gint64          lectern_slot_get_sponsor_id (LecternSlot *self);
void            lectern_slot_set_sponsor_id (LecternSlot *self,
                                            gint64 value);

/* A person on a slot: a speaker, a panelist, a moderator or an author
 * (a presenter who has no card). The affiliation, when set, overrides
 * the person's own for this appearance only.
 */
typedef struct
{
  gint64                 person_id;
  LecternAppearanceRole  role;
  char                  *affiliation;
  /* Filled in when the slot is read from the store. */
  char                  *name;
  char                  *person_affiliation;
} LecternAppearance;

typedef struct
{
  char *kind;   /* paper, slides, video, … */
  char *url;
} LecternLink;

const char *lectern_appearance_get_affiliation (const LecternAppearance *appearance);

void        lectern_slot_add_appearance   (LecternSlot            *self,
                                           gint64                  person_id,
                                           LecternAppearanceRole   role,
                                           const char             *affiliation);
void        lectern_slot_clear_appearances (LecternSlot           *self);
GPtrArray  *lectern_slot_get_appearances  (LecternSlot            *self);
void        lectern_slot_add_link         (LecternSlot            *self,
                                           const char             *kind,
                                           const char             *url);
void        lectern_slot_clear_links      (LecternSlot            *self);
GPtrArray  *lectern_slot_get_links        (LecternSlot            *self);
int         lectern_slot_get_end          (LecternSlot            *self);
gboolean    lectern_slot_is_scheduled     (LecternSlot            *self);

/* Used by the store when it reads a slot. */
LecternAppearance *_lectern_slot_append_loaded_appearance (LecternSlot *self,
                                                           gint64       person_id,
                                                           LecternAppearanceRole role,
                                                           const char  *affiliation,
                                                           const char  *name,
                                                           const char  *person_affiliation);

G_END_DECLS
