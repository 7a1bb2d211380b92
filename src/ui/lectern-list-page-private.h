/* lectern-list-page-private.h: what the parts of LecternListPage share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-list-page.h"

G_BEGIN_DECLS

/* lectern-list-page.c */
guint     _lectern_list_page_find_id           (GListModel      *model,
                                                gint64           id);
char     *_lectern_list_page_dup_title         (LecternListPage *self,
                                                gpointer         item);
gboolean  _lectern_list_page_can_move          (LecternListPage *self,
                                                gpointer         item);

/* lectern-list-page-order.c */
void      _lectern_list_page_add_dnd           (GtkWidget       *row);
void      _lectern_list_page_move_up_action    (GtkWidget       *widget,
                                                const char      *action_name,
                                                GVariant        *parameter);
void      _lectern_list_page_move_down_action  (GtkWidget       *widget,
                                                const char      *action_name,
                                                GVariant        *parameter);
void      _lectern_list_page_move_to_action    (GtkWidget       *widget,
                                                const char      *action_name,
                                                GVariant        *parameter);

G_END_DECLS
