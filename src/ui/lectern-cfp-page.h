/* lectern-cfp-page.h: the call for papers, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_CFP_PAGE (lectern_cfp_page_get_type ())

G_DECLARE_FINAL_TYPE (LecternCfpPage, lectern_cfp_page, LECTERN, CFP_PAGE, GtkWidget)

void     lectern_cfp_page_set_store (LecternCfpPage  *self,
                                     LecternStore    *store);
gboolean lectern_cfp_page_reload    (LecternCfpPage  *self,
                                     GError         **error);

G_END_DECLS
