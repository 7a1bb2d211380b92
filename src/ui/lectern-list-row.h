/* lectern-list-row.h: one row of the people, sponsor and schedule lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-types.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_LIST_ROW (lectern_list_row_get_type ())

G_DECLARE_FINAL_TYPE (LecternListRow, lectern_list_row, LECTERN, LIST_ROW, GtkWidget)

GtkWidget *lectern_list_row_new           (void);
gpointer   lectern_list_row_get_item      (LecternListRow *self);
void       lectern_list_row_set_item      (LecternListRow *self,
                                           gpointer        item);
void       lectern_list_row_reset         (LecternListRow *self);
void       lectern_list_row_set_heading   (LecternListRow *self,
                                           const char     *heading);
void       lectern_list_row_set_avatar    (LecternListRow *self,
                                           const char     *text,
                                           GdkPaintable   *image);
void       lectern_list_row_set_time      (LecternListRow *self,
                                           const char     *time,
                                           const char     *duration);
void       lectern_list_row_set_emoji     (LecternListRow *self,
                                           const char     *emoji);
void       lectern_list_row_set_text      (LecternListRow *self,
                                           const char     *title,
                                           const char     *subtitle,
                                           const char     *detail);
void       lectern_list_row_set_tag       (LecternListRow *self,
                                           const char     *tag);
void       lectern_list_row_set_status    (LecternListRow *self,
                                           LecternStatus   status);
void       lectern_list_row_set_slug      (LecternListRow *self,
                                           const char     *slug);
void       lectern_list_row_set_archived  (LecternListRow *self,
                                           gboolean        archived);
void       lectern_list_row_set_plain     (LecternListRow *self,
                                           gboolean        plain);
void       lectern_list_row_set_draggable (LecternListRow *self,
                                           gboolean        draggable);
void       lectern_list_row_set_drop_highlight (LecternListRow *self,
                                                gboolean        highlight);

char           *lectern_list_row_describe        (LecternListRow *self);

G_END_DECLS
