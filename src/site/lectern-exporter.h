/* lectern-exporter.h: writes the workshop into an al-folio site checkout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_EXPORT_ERROR (lectern_export_error_quark ())

typedef enum
{
  LECTERN_EXPORT_ERROR_NO_SITE,        /* the folder is not a site checkout */
  LECTERN_EXPORT_ERROR_NO_PLACE,       /* the page has no place for the schedule */
  LECTERN_EXPORT_ERROR_BROKEN_PAGE,    /* half a marker pair, … */
  LECTERN_EXPORT_ERROR_UNSAFE,         /* a path that would leave its folder */
} LecternExportError;

typedef enum
{
  LECTERN_EXPORT_UNCHANGED,
  LECTERN_EXPORT_NEW,
  LECTERN_EXPORT_CHANGED,
} LecternExportChange;

typedef enum
{
  LECTERN_EXPORT_FILE_CARD,
  LECTERN_EXPORT_FILE_IMAGE,
  LECTERN_EXPORT_FILE_PAGE,
  LECTERN_EXPORT_FILE_DATA,
} LecternExportFileKind;

/* One file the export would write, relative to the site's root. */
typedef struct
{
  char                  *path;
  GBytes                *contents;
  LecternExportChange    change;
  LecternExportFileKind  kind;
} LecternExportFile;

void lectern_export_file_free (LecternExportFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternExportFile, lectern_export_file_free)

#define LECTERN_SCHEDULE_BEGIN_MARKER "<!-- lectern:schedule:begin (written by Lectern: edit the schedule in Lectern, not here) -->"
#define LECTERN_SCHEDULE_END_MARKER   "<!-- lectern:schedule:end -->"
#define LECTERN_SITE_PAGE             "_pages/about.md"
#define LECTERN_SITE_SCHEDULE_DATA    "_data/schedule.yml"

#define LECTERN_TYPE_EXPORTER (lectern_exporter_get_type ())

G_DECLARE_FINAL_TYPE (LecternExporter, lectern_exporter, LECTERN, EXPORTER, GObject)

GQuark           lectern_export_error_quark     (void);

LecternExporter *lectern_exporter_new           (LecternStore     *store,
                                                 const char       *site_dir);
GPtrArray       *lectern_exporter_plan          (LecternExporter  *self,
                                                 GError          **error);
gboolean         lectern_exporter_write         (LecternExporter  *self,
                                                 GPtrArray        *plan,
                                                 GError          **error);
char            *lectern_exporter_describe_plan (GPtrArray        *plan);
char            *lectern_exporter_summarize_plan (GPtrArray       *plan);
guint            lectern_exporter_count_changes (GPtrArray        *plan);

/* Off the main thread: the work runs on a connection of its own. */
void             lectern_exporter_plan_async    (LecternExporter     *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray       *lectern_exporter_plan_finish   (LecternExporter     *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void             lectern_exporter_export_async  (LecternExporter     *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray       *lectern_exporter_export_finish (LecternExporter     *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
const char      *lectern_exporter_get_site_dir  (LecternExporter     *self);

/* The pieces, for tests and for the window's preview. */
char            *lectern_exporter_render_schedule (LecternExporter *self,
                                                   GError         **error);

G_END_DECLS
