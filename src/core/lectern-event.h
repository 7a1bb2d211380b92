/* lectern-event.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_EVENT (lectern_event_get_type ())

/* where the site serves the program's calendar and app files */
#define LECTERN_EVENT_DEFAULT_PROGRAM_FOLDER "assets/schedule"

G_DECLARE_FINAL_TYPE (LecternEvent, lectern_event, LECTERN, EVENT, GObject)

LecternEvent *lectern_event_new (void);
LecternEvent *lectern_event_copy (LecternEvent *self);
gint64          lectern_event_get_rev (LecternEvent *self);
void            lectern_event_set_rev (LecternEvent *self,
                                      gint64 value);
const char *    lectern_event_get_name (LecternEvent *self);
void            lectern_event_set_name (LecternEvent *self,
                                       const char *value);
const char *    lectern_event_get_short_name (LecternEvent *self);
void            lectern_event_set_short_name (LecternEvent *self,
                                             const char *value);
const char *    lectern_event_get_conference (LecternEvent *self);
void            lectern_event_set_conference (LecternEvent *self,
                                             const char *value);
int             lectern_event_get_year (LecternEvent *self);
void            lectern_event_set_year (LecternEvent *self,
                                       int value);
const char *    lectern_event_get_start_date (LecternEvent *self);
void            lectern_event_set_start_date (LecternEvent *self,
                                             const char *value);
const char *    lectern_event_get_end_date (LecternEvent *self);
void            lectern_event_set_end_date (LecternEvent *self,
                                           const char *value);
const char *    lectern_event_get_timezone (LecternEvent *self);
void            lectern_event_set_timezone (LecternEvent *self,
                                           const char *value);
const char *    lectern_event_get_venue (LecternEvent *self);
void            lectern_event_set_venue (LecternEvent *self,
                                        const char *value);
const char *    lectern_event_get_room (LecternEvent *self);
void            lectern_event_set_room (LecternEvent *self,
                                       const char *value);
const char *    lectern_event_get_room_map_url (LecternEvent *self);
void            lectern_event_set_room_map_url (LecternEvent *self,
                                               const char *value);
const char *    lectern_event_get_contact_email (LecternEvent *self);
void            lectern_event_set_contact_email (LecternEvent *self,
                                                const char *value);
const char *    lectern_event_get_site_url (LecternEvent *self);
void            lectern_event_set_site_url (LecternEvent *self,
                                           const char *value);
const char *    lectern_event_get_openreview_url (LecternEvent *self);
void            lectern_event_set_openreview_url (LecternEvent *self,
                                                 const char *value);
const char *    lectern_event_get_plan_heading (LecternEvent *self);
void            lectern_event_set_plan_heading (LecternEvent *self,
                                               const char *value);
const char *    lectern_event_get_program_folder (LecternEvent *self);
void            lectern_event_set_program_folder (LecternEvent *self,
                                                  const char   *value);
int             lectern_event_get_grid_step (LecternEvent *self);
void            lectern_event_set_grid_step (LecternEvent *self,
                                 int value);
int             lectern_event_get_changeover (LecternEvent *self);
void            lectern_event_set_changeover (LecternEvent *self,
                                 int value);

G_END_DECLS
