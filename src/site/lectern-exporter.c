/* lectern-exporter.c: writes the workshop into an al-folio site checkout
 *
 * The export of the workshop file into a folder, in two steps: the plan
 * (the site tree rendered from the file, compared with the folder: a
 * LecternExportResult saying, for every file Lectern owns, whether it is
 * new, changed or unchanged) and the write (only the files that differ,
 * crash-safely, nothing outside the folder). What the site should
 * contain is lectern-site-render.c's; how a folder is read and written,
 * lectern-site-folder.c's.
 *
 * Ownership: a card whose slug belongs to a card or sponsor of the
 * workshop file is Lectern's; any other file of the site is never
 * touched. In _pages/about.md only the text between Lectern's markers
 * (or, on the first export, the note and table under the plan heading)
 * is Lectern's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-exporter"

#include "config.h"

#include "lectern-exporter.h"
#include "lectern-site-diff.h"
#include "lectern-site-diff.h"

struct _LecternExporter
{
  GObject            parent_instance;

  LecternStore      *store;
  char              *site_dir;
  LecternSiteFolder *folder;    /* opened by the plan, written by the write */
};

G_DEFINE_FINAL_TYPE (LecternExporter, lectern_exporter, G_TYPE_OBJECT)

static void
lectern_exporter_finalize (GObject *object)
{
  LecternExporter *self = (LecternExporter *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->site_dir, g_free);

  G_OBJECT_CLASS (lectern_exporter_parent_class)->finalize (object);
}

static void
lectern_exporter_class_init (LecternExporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_exporter_finalize;
}

static void
lectern_exporter_init (LecternExporter *self)
{
}

LecternExporter *
lectern_exporter_new (LecternStore *store,
                      const char   *site_dir)
{
  LecternExporter *self;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);
  g_return_val_if_fail (site_dir != NULL, NULL);

  self = g_object_new (LECTERN_TYPE_EXPORTER, NULL);
  self->store = g_object_ref (store);
  self->site_dir = g_canonicalize_filename (site_dir, NULL);

  return self;
}

const char *
lectern_exporter_get_site_dir (LecternExporter *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORTER (self), NULL);

  return self->site_dir;
}

/* Every file Lectern owns in the site, with the bytes it should have
 * and whether that differs from what is there. Reads the site, writes
 * nothing; refuses (with the reason) a file from a newer Lectern and a
 * site whose folders lead outside it.
 */
LecternExportResult *
lectern_exporter_plan (LecternExporter  *self,
                       GError          **error)
{
  g_autoptr(LecternSiteTree) tree = NULL;
  LecternExportResult *result;

  g_return_val_if_fail (LECTERN_IS_EXPORTER (self), NULL);

  if (self->folder == NULL &&
      !(self->folder = lectern_site_folder_open (self->site_dir, error)))
    return NULL;

  tree = lectern_site_render (self->store, error);
  if (tree == NULL)
    return NULL;

  result = lectern_site_folder_compare (self->folder, tree, error);

  /* what changes, in words (an export that changes nothing reads
   * nothing more) */
  if (result != NULL && lectern_export_result_count_changes (result) > 0)
    lectern_site_explain (self->folder, result);

  return result;
}

/* Writes the files of the plan that differ from the site (each replaced
 * whole: a crash leaves the old file or the new one) and removes the
 * temporary files an interrupted export left. A file Lectern does not
 * own is never in a plan.
 */
gboolean
lectern_exporter_write (LecternExporter      *self,
                        LecternExportResult  *result,
                        GError              **error)
{
  g_return_val_if_fail (LECTERN_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_EXPORT_RESULT (result), FALSE);

  if (self->folder == NULL &&
      !(self->folder = lectern_site_folder_open (self->site_dir, error)))
    return FALSE;

  if (!lectern_site_folder_write (self->folder, result, error))
    return FALSE;

  /* what the site has now, for the next export's positions and the
   * hand edits check --site reports; a help, never a reason to fail */
  {
    g_autoptr(GError) local_error = NULL;

    if (!lectern_site_record_files (self->store, lectern_export_result_get_files (result), &local_error))
      g_warning ("The workshop file could not note what the site has now: %s", local_error->message);
  }
  return TRUE;
}

/* The worker reads the workshop through a connection of its own, so the
 * window's connection (and its transactions) are never shared across
 * threads.
 */
static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LecternExporter *self = source_object;
  gboolean write = GPOINTER_TO_INT (task_data);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternExporter) worker = NULL;
  g_autoptr(LecternExportResult) result = NULL;
  GError *error = NULL;

  store = lectern_store_open (lectern_store_get_path (self->store), &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  worker = lectern_exporter_new (store, self->site_dir);
  result = lectern_exporter_plan (worker, &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  if (write && !lectern_exporter_write (worker, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&result), g_object_unref);
}

static void
run_async (LecternExporter     *self,
           gboolean             write,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, GINT_TO_POINTER (write), NULL);
  g_task_run_in_thread (task, export_worker);
}

/* The plan (what would change), computed off the main thread. */
void
lectern_exporter_plan_async (LecternExporter     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (LECTERN_IS_EXPORTER (self));

  run_async (self, FALSE, lectern_exporter_plan_async, cancellable, callback, user_data);
}

LecternExportResult *
lectern_exporter_plan_finish (LecternExporter  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lectern_exporter_plan_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Plan and write, off the main thread; returns the result of the write
 * (its files' change fields tell what changed).
 */
void
lectern_exporter_export_async (LecternExporter     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (LECTERN_IS_EXPORTER (self));

  run_async (self, TRUE, lectern_exporter_export_async, cancellable, callback, user_data);
}

LecternExportResult *
lectern_exporter_export_finish (LecternExporter  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lectern_exporter_export_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
