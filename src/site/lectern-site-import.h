/* lectern-site-import.h: a workshop's people, cards, sponsors, event
 * details and schedule, read from its al-folio site
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
  guint days;
  guint slots;
  guint schedule_people;   /* people of the schedule without a card */
  guint cfp_dates;         /* the call's important dates */
  guint cfp_topics;        /* the call's topics (items of its groups) */
} LecternSiteImportCounts;

gboolean lectern_site_import (LecternStore            *store,
                              const char              *site_dir,
                              LecternSiteImportCounts *counts,
                              GPtrArray              **notes,
                              GError                 **error);

G_END_DECLS
