/* lectern-site-cfp.h: the call for papers in the site: its dates and
 * topics in the call page, its announcement in the home page, its data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-cfp-deadline.h"
#include "lectern-site-tree.h"
#include "lectern-store.h"

G_BEGIN_DECLS

char     *lectern_site_cfp_dates        (GListModel       *dates);
char     *lectern_site_cfp_announcement (LecternCfp       *cfp,
                                         GListModel       *dates,
                                         LecternCfpState   state);
gboolean  lectern_site_cfp_announces_open (const char *text);
gboolean  lectern_site_render_cfp       (LecternStore     *store,
                                         LecternSiteTree  *tree,
                                         GDateTime        *now,
                                         GError          **error);

G_END_DECLS
