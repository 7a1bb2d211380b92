/* lectern-room.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_ROOM (lectern_room_get_type ())

G_DECLARE_FINAL_TYPE (LecternRoom, lectern_room, LECTERN, ROOM, GObject)

LecternRoom *lectern_room_new (void);
LecternRoom *lectern_room_copy (LecternRoom *self);
gint64          lectern_room_get_id (LecternRoom *self);
void            lectern_room_set_id (LecternRoom *self,
                                    gint64 value);
gint64          lectern_room_get_rev (LecternRoom *self);
void            lectern_room_set_rev (LecternRoom *self,
                                     gint64 value);
const char *    lectern_room_get_name (LecternRoom *self);
void            lectern_room_set_name (LecternRoom *self,
                                      const char *value);
const char *    lectern_room_get_map_url (LecternRoom *self);
void            lectern_room_set_map_url (LecternRoom *self,
                                         const char *value);
int             lectern_room_get_position (LecternRoom *self);
void            lectern_room_set_position (LecternRoom *self,
                                          int value);

G_END_DECLS
