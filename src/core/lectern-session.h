/* lectern-session.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_SESSION (lectern_session_get_type ())

G_DECLARE_FINAL_TYPE (LecternSession, lectern_session, LECTERN, SESSION, GObject)

LecternSession *lectern_session_new (void);
LecternSession *lectern_session_copy (LecternSession *self);
gint64          lectern_session_get_id (LecternSession *self);
void            lectern_session_set_id (LecternSession *self,
                                       gint64 value);
gint64          lectern_session_get_rev (LecternSession *self);
void            lectern_session_set_rev (LecternSession *self,
                                        gint64 value);
gint64          lectern_session_get_day_id (LecternSession *self);
void            lectern_session_set_day_id (LecternSession *self,
                                           gint64 value);
const char *    lectern_session_get_title (LecternSession *self);
void            lectern_session_set_title (LecternSession *self,
                                          const char *value);
const char *    lectern_session_get_emoji (LecternSession *self);
void            lectern_session_set_emoji (LecternSession *self,
                                          const char *value);

G_END_DECLS
