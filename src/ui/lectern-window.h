/* lectern-window.h: the main window, showing one workshop file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_WINDOW (lectern_window_get_type ())

G_DECLARE_FINAL_TYPE (LecternWindow, lectern_window, LECTERN, WINDOW, AdwApplicationWindow)

LecternWindow *lectern_window_new              (GtkApplication *application,
                                                LecternStore   *store);
LecternStore  *lectern_window_get_store        (LecternWindow  *self);
gboolean       lectern_window_is_demo          (LecternWindow  *self);
const char    *lectern_window_get_visible_page (LecternWindow  *self);
void           lectern_window_set_visible_page (LecternWindow  *self,
                                                const char     *name);
GtkWidget     *lectern_window_get_page         (LecternWindow  *self,
                                                const char     *name);
void           lectern_window_reload           (LecternWindow  *self);
void           lectern_window_add_toast        (LecternWindow  *self,
                                                AdwToast       *toast);

G_END_DECLS
