/* lectern-merge-dialog.h: "Take Changes from Site…": the differences
 * between the site and the workshop file, accepted one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_MERGE_DIALOG (lectern_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LecternMergeDialog, lectern_merge_dialog, LECTERN, MERGE_DIALOG, AdwWindow)

LecternMergeDialog *lectern_merge_dialog_new        (GtkWindow          *parent,
                                                     LecternStore       *store,
                                                     const char         *site_dir,
                                                     GError            **error);
guint               lectern_merge_dialog_get_n_differences (LecternMergeDialog *self);
void                lectern_merge_dialog_set_accepted (LecternMergeDialog *self,
                                                     guint               index,
                                                     gboolean            accepted);
gboolean            lectern_merge_dialog_take        (LecternMergeDialog *self);
void                lectern_merge_dialog_open        (GtkWindow          *window,
                                                     LecternStore       *store,
                                                     const char         *site_dir);
void                lectern_merge_dialog_choose      (GtkWindow          *window,
                                                     LecternStore       *store,
                                                     const char         *remembered);

G_END_DECLS
