#pragma once
#include <adwaita.h>
G_BEGIN_DECLS
#define LECTERN_TYPE_APPLICATION (lectern_application_get_type ())
G_DECLARE_FINAL_TYPE (LecternApplication, lectern_application, LECTERN, APPLICATION, AdwApplication)
LecternApplication *lectern_application_new (void);
G_END_DECLS
