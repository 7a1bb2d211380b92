/* lectern-site-import.h: a workshop's people, cards and sponsors, read
 * from its al-folio site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint people;
  guint cards;
  guint sponsors;
} LecternSiteImportCounts;

gboolean lectern_site_import_cards (LecternStore            *store,
                                    const char              *site_dir,
                                    LecternSiteImportCounts *counts,
                                    GPtrArray              **notes,
                                    GError                 **error);

G_END_DECLS
