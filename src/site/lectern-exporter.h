/* lectern-exporter.h: writes the workshop into an al-folio site checkout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-export-result.h"
#include "lectern-site-folder.h"
#include "lectern-site-page.h"
#include "lectern-site-render.h"
#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_EXPORTER (lectern_exporter_get_type ())

G_DECLARE_FINAL_TYPE (LecternExporter, lectern_exporter, LECTERN, EXPORTER, GObject)

LecternExporter     *lectern_exporter_new           (LecternStore         *store,
                                                     const char           *site_dir);
LecternExportResult *lectern_exporter_plan          (LecternExporter      *self,
                                                     GError              **error);
gboolean             lectern_exporter_write         (LecternExporter      *self,
                                                     LecternExportResult  *result,
                                                     GError              **error);
const char          *lectern_exporter_get_site_dir  (LecternExporter      *self);
void                 lectern_exporter_set_now       (LecternExporter      *self,
                                                     GDateTime            *now);
gboolean             lectern_exporter_get_rendered  (LecternExporter      *self);

/* Off the main thread: the work runs on a connection of its own. */
void                 lectern_exporter_plan_async    (LecternExporter      *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
LecternExportResult *lectern_exporter_plan_finish   (LecternExporter      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void                 lectern_exporter_export_async  (LecternExporter      *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
LecternExportResult *lectern_exporter_export_finish (LecternExporter      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
