/* lectern-day.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_DAY (lectern_day_get_type ())

G_DECLARE_FINAL_TYPE (LecternDay, lectern_day, LECTERN, DAY, GObject)

LecternDay *lectern_day_new (void);
LecternDay *lectern_day_copy (LecternDay *self);
gint64          lectern_day_get_id (LecternDay *self);
void            lectern_day_set_id (LecternDay *self,
                                   gint64 value);
gint64          lectern_day_get_rev (LecternDay *self);
void            lectern_day_set_rev (LecternDay *self,
                                    gint64 value);
const char *    lectern_day_get_date (LecternDay *self);
void            lectern_day_set_date (LecternDay *self,
                                     const char *value);
int             lectern_day_get_position (LecternDay *self);
void            lectern_day_set_position (LecternDay *self,
                                         int value);
int             lectern_day_get_visible_start (LecternDay *self);
void            lectern_day_set_visible_start (LecternDay *self,
                                 int value);
int             lectern_day_get_visible_end (LecternDay *self);
void            lectern_day_set_visible_end (LecternDay *self,
                                 int value);

G_END_DECLS
