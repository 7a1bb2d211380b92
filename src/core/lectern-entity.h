/* lectern-entity.h: what every row object of the workshop file shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gpointer lectern_object_copy         (gpointer            object);
GPtrArray *lectern_object_array_from_model (GListModel    *model);
gint64   lectern_object_get_id       (gpointer            object);
gboolean lectern_object_values_equal (gpointer            a,
                                      gpointer            b,
                                      const char         *property);
gboolean lectern_object_merge        (gpointer            base,
                                      gpointer            mine,
                                      gpointer            theirs,
                                      const char * const *properties,
                                      guint               n_properties,
                                      gpointer           *merged);

G_END_DECLS
