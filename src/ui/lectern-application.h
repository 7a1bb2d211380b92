/* lectern-application.h: the application, one window per open workshop file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-window.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_APPLICATION (lectern_application_get_type ())

G_DECLARE_FINAL_TYPE (LecternApplication, lectern_application, LECTERN, APPLICATION, AdwApplication)

LecternApplication *lectern_application_new       (void);
LecternWindow      *lectern_application_open_file (LecternApplication *self,
                                                   GFile              *file);
LecternWindow      *lectern_application_new_file  (LecternApplication *self,
                                                   const char         *path,
                                                   LecternStore       *from);
GMenuModel         *lectern_application_get_recent_menu (LecternApplication *self);
char               *lectern_application_get_demo_path (void);
LecternWindow      *lectern_application_import_site   (LecternApplication *self,
                                                       const char         *site_dir,
                                                       const char         *path);

G_END_DECLS
