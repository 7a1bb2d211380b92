/* lectern-event-reader.h: the event details a workshop's home page and
 * _config.yml state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lectern-event.h"
#include "lectern-schedule-reader.h"

G_BEGIN_DECLS

void   lectern_site_read_event    (LecternEvent        *event,
                                   const char          *page,
                                   gsize                length,
                                   GHashTable          *config,
                                   LecternReadSchedule *schedule,
                                   GPtrArray           *notes);
char  *lectern_site_resolve_zone  (const char          *abbreviation,
                                   gboolean             has_offset,
                                   int                  offset,
                                   const char          *date,
                                   const char          *text,
                                   GPtrArray          **others);

G_END_DECLS
