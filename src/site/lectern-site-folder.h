/* lectern-site-folder.h: a site checkout on disk, read and written safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-export-result.h"
#include "lectern-site-tree.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_SITE_FOLDER (lectern_site_folder_get_type ())

G_DECLARE_FINAL_TYPE (LecternSiteFolder, lectern_site_folder, LECTERN, SITE_FOLDER, GObject)

LecternSiteFolder   *lectern_site_folder_open       (const char          *path,
                                                     GError             **error);
const char          *lectern_site_folder_get_path   (LecternSiteFolder   *self);
GBytes              *lectern_site_folder_read       (LecternSiteFolder   *self,
                                                     const char          *path,
                                                     GError             **error);
GPtrArray           *lectern_site_folder_list       (LecternSiteFolder   *self,
                                                     const char          *folder,
                                                     GError             **error);
LecternExportResult *lectern_site_folder_compare    (LecternSiteFolder   *self,
                                                     LecternSiteTree     *tree,
                                                     GError             **error);
LecternExportResult *lectern_site_folder_compare_memo (LecternSiteFolder  *self,
                                                       GPtrArray          *files);
gboolean             lectern_site_folder_write      (LecternSiteFolder   *self,
                                                     LecternExportResult *result,
                                                     GError             **error);

gboolean             lectern_site_is_temporary_name (const char          *name);

gboolean             lectern_set_errno_error        (GError             **error,
                                                     int                  saved,
                                                     const char          *format,
                                                     ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
