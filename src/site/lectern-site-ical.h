/* lectern-site-ical.h: the program as an iCalendar file (RFC 5545)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-program-data.h"
#include "lectern-store.h"

G_BEGIN_DECLS

typedef enum
{
  LECTERN_ICAL_DEFAULT = 0,
  LECTERN_ICAL_BREAKS  = 1 << 0,   /* coffee and lunch breaks too */
} LecternIcalFlags;

char   *lectern_site_ical_zone_text (const char *name);
char *lectern_site_render_ical (LecternStore      *store,
                                LecternIcalFlags   flags,
                                GError           **error);
char   *lectern_site_format_ical (LecternProgramData  *data,
                                 LecternIcalFlags     flags,
                                 GError             **error);
GBytes *lectern_site_ical_keep_stamps (GBytes *wanted,
                                       GBytes *current);

G_END_DECLS
