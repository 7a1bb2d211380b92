/* lectern-sponsor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_SPONSOR (lectern_sponsor_get_type ())

G_DECLARE_FINAL_TYPE (LecternSponsor, lectern_sponsor, LECTERN, SPONSOR, GObject)

LecternSponsor *lectern_sponsor_new (void);
LecternSponsor *lectern_sponsor_copy (LecternSponsor *self);
gint64          lectern_sponsor_get_id (LecternSponsor *self);
void            lectern_sponsor_set_id (LecternSponsor *self,
                                       gint64 value);
gint64          lectern_sponsor_get_rev (LecternSponsor *self);
void            lectern_sponsor_set_rev (LecternSponsor *self,
                                        gint64 value);
const char *    lectern_sponsor_get_name (LecternSponsor *self);
void            lectern_sponsor_set_name (LecternSponsor *self,
                                         const char *value);
const char *    lectern_sponsor_get_url (LecternSponsor *self);
void            lectern_sponsor_set_url (LecternSponsor *self,
                                        const char *value);
GBytes *        lectern_sponsor_get_logo (LecternSponsor *self);
void            lectern_sponsor_set_logo (LecternSponsor *self,
                                         GBytes *value);
const char *    lectern_sponsor_get_logo_path (LecternSponsor *self);
void            lectern_sponsor_set_logo_path (LecternSponsor *self,
                                              const char *value);
const char *    lectern_sponsor_get_tier (LecternSponsor *self);
void            lectern_sponsor_set_tier (LecternSponsor *self,
                                         const char *value);
const char *    lectern_sponsor_get_slug (LecternSponsor *self);
void            lectern_sponsor_set_slug (LecternSponsor *self,
                                         const char *value);
int             lectern_sponsor_get_position (LecternSponsor *self);
void            lectern_sponsor_set_position (LecternSponsor *self,
                                             int value);
gboolean        lectern_sponsor_get_archived (LecternSponsor *self);
void            lectern_sponsor_set_archived (LecternSponsor *self,
                                             gboolean value);

gboolean        lectern_sponsor_matches (LecternSponsor *self,
                                         const char     *query);

G_END_DECLS
