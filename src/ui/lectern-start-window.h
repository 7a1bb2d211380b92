/* lectern-start-window.h: where Lectern starts with no workshop open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_START_WINDOW (lectern_start_window_get_type ())

G_DECLARE_FINAL_TYPE (LecternStartWindow, lectern_start_window, LECTERN, START_WINDOW, AdwApplicationWindow)

LecternStartWindow *lectern_start_window_new        (GtkApplication     *application);
void                lectern_start_window_set_recent (LecternStartWindow *self,
                                                     const char * const *paths);
void                lectern_start_window_set_error  (LecternStartWindow *self,
                                                     const char         *heading,
                                                     const char         *message);
const char         *lectern_start_window_get_error  (LecternStartWindow *self);

G_END_DECLS
