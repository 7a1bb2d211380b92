/* lectern-sponsors-page.h: the sponsors, in the site's order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-list-page.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_SPONSORS_PAGE (lectern_sponsors_page_get_type ())

G_DECLARE_FINAL_TYPE (LecternSponsorsPage, lectern_sponsors_page, LECTERN, SPONSORS_PAGE, LecternListPage)

gboolean lectern_sponsors_page_add_sponsor (LecternSponsorsPage  *self,
                                            const char           *name,
                                            GError              **error);

G_END_DECLS
