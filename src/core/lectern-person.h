/* lectern-person.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_PERSON (lectern_person_get_type ())

G_DECLARE_FINAL_TYPE (LecternPerson, lectern_person, LECTERN, PERSON, GObject)

LecternPerson *lectern_person_new (void);
LecternPerson *lectern_person_copy (LecternPerson *self);
gint64          lectern_person_get_id (LecternPerson *self);
void            lectern_person_set_id (LecternPerson *self,
                                      gint64 value);
gint64          lectern_person_get_rev (LecternPerson *self);
void            lectern_person_set_rev (LecternPerson *self,
                                       gint64 value);
const char *    lectern_person_get_name (LecternPerson *self);
void            lectern_person_set_name (LecternPerson *self,
                                        const char *value);
const char *    lectern_person_get_first_name (LecternPerson *self);
void            lectern_person_set_first_name (LecternPerson *self,
                                              const char *value);
const char *    lectern_person_get_family_name (LecternPerson *self);
void            lectern_person_set_family_name (LecternPerson *self,
                                               const char *value);
const char *    lectern_person_get_affiliation (LecternPerson *self);
void            lectern_person_set_affiliation (LecternPerson *self,
                                               const char *value);
const char *    lectern_person_get_homepage (LecternPerson *self);
void            lectern_person_set_homepage (LecternPerson *self,
                                            const char *value);
const char *    lectern_person_get_image_path (LecternPerson *self);
void            lectern_person_set_image_path (LecternPerson *self,
                                              const char *value);
GBytes *        lectern_person_get_photo (LecternPerson *self);
void            lectern_person_set_photo (LecternPerson *self,
                                         GBytes *value);
const char *    lectern_person_get_bio (LecternPerson *self);
void            lectern_person_set_bio (LecternPerson *self,
                                       const char *value);
const char *    lectern_person_get_email (LecternPerson *self);
void            lectern_person_set_email (LecternPerson *self,
                                         const char *value);
int             lectern_person_get_status (LecternPerson *self);
void            lectern_person_set_status (LecternPerson *self,
                                          int value);
const char *    lectern_person_get_notes (LecternPerson *self);
void            lectern_person_set_notes (LecternPerson *self,
                                         const char *value);

gboolean        lectern_person_matches (LecternPerson *self,
                                        const char    *query);

G_END_DECLS
