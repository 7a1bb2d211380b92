/* lectern-site-diff.h: what changes in a file of the site, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-export-result.h"
#include "lectern-site-folder.h"
#include "lectern-store.h"

G_BEGIN_DECLS

GHashTable *lectern_site_read_front_matter (GBytes              *contents);
GHashTable *lectern_site_parse_front_matter (GBytes             *contents,
                                             const char         *path,
                                             GError            **error);
GHashTable *lectern_site_read_yaml_mapping (const char          *text,
                                            gsize                len);
char       *lectern_site_plain_text        (const char          *html);
char       *lectern_site_describe_change   (const char          *path,
                                            LecternSiteFileKind  kind,
                                            GBytes              *old,
                                            GBytes              *contents);
void        lectern_site_explain           (LecternSiteFolder   *folder,
                                            LecternExportResult *result);
gboolean    lectern_site_is_renumbered     (const LecternExportFile *file);
gboolean    lectern_site_record_files      (LecternStore        *store,
                                            GPtrArray           *files,
                                            GError             **error);

G_END_DECLS
