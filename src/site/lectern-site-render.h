/* lectern-site-render.h: the site tree, rendered from the workshop file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-site-tree.h"
#include "lectern-store.h"

G_BEGIN_DECLS

LecternSiteTree *lectern_site_render          (LecternStore  *store,
                                               GError       **error);
LecternSiteTree *lectern_site_render_at       (LecternStore  *store,
                                               GDateTime     *now,
                                               GError       **error);
char            *lectern_site_render_note_line (LecternEvent *event,
                                                GDateTime    *now);
char            *lectern_site_render_schedule (LecternStore  *store,
                                               GError       **error);

G_END_DECLS
