/* lectern-workshop-loader.h: a workshop described in a YAML file, read into a store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-store.h"

G_BEGIN_DECLS

/* The built-in demo workshop (ES-FoMo 2023), data/demo/es-fomo-2023.yml. */
#define LECTERN_DEMO_RESOURCE "/io/github/lectern/Lectern/demo/es-fomo-2023.yml"

/* The version of the format (the file's top-level "lectern-workshop" key)
 * that this Lectern reads.
 */
#define LECTERN_WORKSHOP_FORMAT_VERSION 1

gboolean lectern_workshop_loader_load          (LecternStore  *store,
                                                GBytes        *yaml,
                                                const char    *source_name,
                                                GError       **error);
gboolean lectern_workshop_loader_load_resource (LecternStore  *store,
                                                const char    *resource_path,
                                                GError       **error);

G_END_DECLS
