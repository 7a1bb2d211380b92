/* lectern-export-dialog.h: "Export to Site…", with a preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_EXPORT_DIALOG (lectern_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LecternExportDialog, lectern_export_dialog, LECTERN, EXPORT_DIALOG, AdwWindow)

LecternExportDialog *lectern_export_dialog_new           (GtkWindow     *parent,
                                                          LecternStore  *store);
const char          *lectern_export_dialog_get_site_dir  (LecternExportDialog *self);
void                 lectern_export_dialog_set_site_dir  (LecternExportDialog *self,
                                                          const char    *site_dir);

/* The site folder this machine uses for a workshop file (GSettings,
 * never the shared file: each organizer's clone lives elsewhere).
 */
char                *lectern_export_get_remembered_site  (const char    *workshop_path);
void                 lectern_export_remember_site        (const char    *workshop_path,
                                                          const char    *site_dir);

G_END_DECLS
