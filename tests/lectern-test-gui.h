/* lectern-test-gui.h: helpers the tests under a display share
 *
 * Kept apart from lectern-test-util so that the tests without a display
 * do not link GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-application.h"
#include "lectern-test-util.h"

G_BEGIN_DECLS

gboolean            lectern_test_gui_init      (int         *argc,
                                                char      ***argv,
                                                const char  *display_path);
LecternApplication *lectern_test_gui_new_app   (void);
void                lectern_test_screenshot    (const char  *name);
GtkWidget          *lectern_test_find_button   (GtkWidget   *root,
                                                const char  *label);
GtkWidget          *lectern_test_find_row      (GtkWidget   *root,
                                                GType        type,
                                                const char  *fragment);

G_END_DECLS
