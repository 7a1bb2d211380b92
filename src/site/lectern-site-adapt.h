/* lectern-site-adapt.h: what Lectern renders, written in the site's own
 * formatting wherever the meaning is the same
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lectern-site-tree.h"

G_BEGIN_DECLS

GBytes *lectern_site_adapt_card      (GBytes          *rendered,
                                      GBytes          *current);
char   *lectern_site_adapt_block     (const char      *block,
                                      const char      *current);

G_END_DECLS
