/* lectern-window-publish.h: the window's Publish button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-window.h"

G_BEGIN_DECLS

void lectern_window_publish        (LecternWindow *window);
void lectern_window_publish_dialog (LecternWindow *window);

G_END_DECLS
