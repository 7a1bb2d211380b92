/* lectern-readiness-list.h: what the site would show wrong, as rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_READINESS_LIST (lectern_readiness_list_get_type ())

G_DECLARE_FINAL_TYPE (LecternReadinessList, lectern_readiness_list, LECTERN, READINESS_LIST, GtkWidget)

GtkWidget *lectern_readiness_list_new     (void);
guint      lectern_readiness_list_update  (LecternReadinessList *self,
                                           LecternStore         *store,
                                           const char           *site_dir);
void       lectern_readiness_list_show_message (LecternReadinessList *self,
                                                const char           *icon_name,
                                                const char           *message,
                                                const char           *css_class);

void                  lectern_readiness_list_set_actionable (LecternReadinessList *self,
                                                             gboolean              actionable);

G_END_DECLS
