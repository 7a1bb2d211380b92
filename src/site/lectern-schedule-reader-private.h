/* lectern-schedule-reader-private.h: the schedule reader's parts
 * (lectern-schedule-reader.c reads the rows, lectern-schedule-cells.c
 * what their cells say)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-schedule-reader.h"

G_BEGIN_DECLS

gboolean          _lectern_schedule_has_affiliation_part (GPtrArray *parts);
gboolean          _lectern_schedule_has_role (LecternReadSlot *slot,
                                              LecternAppearanceRole role);
gboolean          _lectern_schedule_is_panel (LecternReadSlot *slot);
LecternSlotKind   _lectern_schedule_kind_from_words (const char *title,
                                                     gboolean *known);
gboolean          _lectern_schedule_label_kind (const char *label,
                                                LecternSlotKind *kind);
gboolean          _lectern_schedule_looks_like_people (const char *markdown);
char              *_lectern_schedule_parse_affiliation (const char *part);
LecternReadPerson *_lectern_schedule_parse_person (const char *markdown,
                                                   LecternAppearanceRole role,
                                                   guint line);
gboolean          _lectern_schedule_parse_time_cell (const char *cell,
                                                     int *start,
                                                     int *end,
                                                     int *meridiem);
void              _lectern_schedule_read_day_free (gpointer data);
void              _lectern_schedule_read_session_free (gpointer data);
void              _lectern_schedule_read_slot_free (gpointer data);
LecternReadSlot   *_lectern_schedule_read_slot_new (guint line);
void              _lectern_schedule_read_title (LecternReadSlot *slot,
                                                const char *markdown,
                                                gboolean *labelled);
GPtrArray         *_lectern_schedule_split_people (const char *markdown);
char              *_lectern_schedule_sponsor_of (const char *cell);
char              *_lectern_schedule_take_material_links (const char *markdown,
                                                          LecternReadSlot *slot);

G_END_DECLS
