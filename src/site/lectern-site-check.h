/* lectern-site-check.h: what is wrong with the site's copy of Lectern's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-export-result.h"
#include "lectern-site-folder.h"

G_BEGIN_DECLS

GPtrArray *lectern_site_check_plan (LecternSiteFolder   *site,
                                    LecternExportResult *plan,
                                    GHashTable          *records);

G_END_DECLS
