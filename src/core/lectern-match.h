/* lectern-match.h: search text the way people type it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *lectern_match_fold   (const char         *text);
gboolean  lectern_match_fields (const char         *query,
                                const char * const *fields,
                                guint               n_fields);
char     *lectern_match_join   (const char * const *fields,
                                guint               n_fields);
gboolean  lectern_match_prepared (const char       *query,
                                  const char       *raw,
                                  const char       *folded);

G_END_DECLS
