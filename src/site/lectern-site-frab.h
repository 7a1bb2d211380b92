/* lectern-site-frab.h: the program for conference apps, as frab's
 * schedule.xml and the c3voc schedule.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-program-data.h"
#include "lectern-store.h"

G_BEGIN_DECLS

gboolean lectern_site_render_frab (LecternStore  *store,
                                   char         **xml,
                                   char         **json,
                                   GError       **error);
gboolean lectern_site_format_frab (LecternProgramData  *data,
                                   char               **xml,
                                   char               **json,
                                   GError             **error);
char    *lectern_site_uuid5       (const char    *namespace_uuid,
                                   const char    *name);

G_END_DECLS
