/* lectern-site-encoding.h: text that was saved in the wrong encoding,
 * found and repaired
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *lectern_site_repair_encoding (const char *text,
                                    gsize       length,
                                    const char *path,
                                    GPtrArray  *notes);

G_END_DECLS
