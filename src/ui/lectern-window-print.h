/* lectern-window-print.h: Print… (Ctrl+P), the printed program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-window.h"

G_BEGIN_DECLS

gboolean lectern_window_print (LecternWindow  *window,
                               const char     *export_pdf,
                               GError        **error);

G_END_DECLS
