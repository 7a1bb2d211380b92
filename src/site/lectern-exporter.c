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
 * An export that would change nothing is known without rendering when
 * the last export's memo still holds (lectern-site-memo.c): the plan
 * then reads the site once and renders nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-exporter"

#include "config.h"

#include "lectern-exporter.h"
#include "lectern-site-diff.h"
#include "lectern-site-memo.h"
#include "lectern-store-site.h"

struct _LecternExporter
{
  GObject            parent_instance;

  LecternStore      *store;
  char              *site_dir;
  LecternSiteFolder *folder;    /* opened by the plan, written by the write */

  GDateTime         *fixed_now;   /* lectern_exporter_set_now(), or NULL for the clock */
  GDateTime         *now;         /* the moment of the last plan */
  gboolean           from_memo;   /* the last plan came from the memo, rendering nothing */
  gint64             data_version;   /* the file's change stamp as the last plan began */
  gint64             own_changes;
};

typedef enum
{
  MEMO_ON,
  MEMO_OFF,      /* LECTERN_SITE_MEMO=off: render every time */
  MEMO_VERIFY,   /* LECTERN_SITE_MEMO=verify (the tests): render anyway, abort on a difference */
} MemoMode;

static MemoMode
memo_mode (void)
{
  const char *mode = g_getenv ("LECTERN_SITE_MEMO");

  if (g_strcmp0 (mode, "off") == 0)
    return MEMO_OFF;
  if (g_strcmp0 (mode, "verify") == 0)
    return MEMO_VERIFY;
  return MEMO_ON;
}

G_DEFINE_FINAL_TYPE (LecternExporter, lectern_exporter, G_TYPE_OBJECT)

static void
lectern_exporter_finalize (GObject *object)
{
  LecternExporter *self = (LecternExporter *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->site_dir, g_free);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  g_clear_pointer (&self->now, g_date_time_unref);

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

/**
 * lectern_exporter_set_now:
 * @now: (nullable): the moment the exports of this exporter take as
 *   now (for what the site says by the day: the call's announcement),
 *   or %NULL for the clock
 */
void
lectern_exporter_set_now (LecternExporter *self,
                          GDateTime       *now)
{
  g_return_if_fail (LECTERN_IS_EXPORTER (self));

  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  self->fixed_now = now != NULL ? g_date_time_ref (now) : NULL;
}

/**
 * lectern_exporter_get_rendered:
 *
 * Returns: whether the last plan rendered the site; %FALSE when the
 *   memo of the export before told it, unchanged
 */
gboolean
lectern_exporter_get_rendered (LecternExporter *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORTER (self), FALSE);

  return !self->from_memo;
}

static LecternExportResult *
plan_rendered (LecternExporter  *self,
               GError          **error)
{
  g_autoptr(LecternSiteTree) tree = lectern_site_render_at (self->store, self->now, error);

  return tree != NULL ? lectern_site_folder_compare (self->folder, tree, error) : NULL;
}

typedef struct
{
  LecternStore *store;
  GDateTime    *now;
  char         *key;
} KeyWork;

static gpointer
key_work_run (gpointer data)
{
  KeyWork *work = data;

  work->key = lectern_site_memo_key (work->store, work->now, NULL);
  return NULL;
}

/* The plan the memo gives, or NULL when it does not hold; never for a
 * file from a newer Lectern, which the render refuses with the reason,
 * nor for a site the render's compare would refuse. The key is made
 * from the file on a thread of its own while this one reads the site;
 * nothing else uses the store meanwhile. */
static LecternExportResult *
plan_from_memo (LecternExporter *self)
{
  g_autofree char *memo = NULL;
  g_autofree char *noted_key = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(LecternExportResult) result = NULL;
  KeyWork work = { self->store, self->now, NULL };
  GThread *thread;

  if (lectern_store_get_schema_version (self->store) != LECTERN_SCHEMA_VERSION ||
      !(memo = lectern_store_get_site_memo (self->store)) ||
      !(files = lectern_site_memo_parse (memo, &noted_key)))
    return NULL;

  thread = g_thread_new ("lectern-memo-key", key_work_run, &work);
  result = lectern_site_folder_compare_memo (self->folder, files);
  g_thread_join (thread);

  if (g_strcmp0 (work.key, noted_key) != 0)
    g_clear_object (&result);
  g_free (work.key);

  return g_steal_pointer (&result);
}

/* LECTERN_SITE_MEMO=verify: what the memo said is what a render says */
static void
verify_memo (LecternExportResult *memo,
             LecternExportResult *rendered)
{
  GPtrArray *a = lectern_export_result_get_files (memo);
  GPtrArray *b = lectern_export_result_get_files (rendered);

  if (a->len != b->len)
    g_error ("The site memo listed %u files; a render gives %u", a->len, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      LecternExportFile *x = g_ptr_array_index (a, i);
      LecternExportFile *y = g_ptr_array_index (b, i);

      if (!g_str_equal (x->path, y->path) || x->kind != y->kind || y->change != LECTERN_EXPORT_UNCHANGED ||
          !g_bytes_equal (x->contents, y->contents))
        g_error ("The site memo said “%s” is up to date; a render says otherwise (%s)", x->path, y->path);
    }
  if (lectern_export_result_get_leftovers (memo)->len != lectern_export_result_get_leftovers (rendered)->len)
    g_error ("The site memo and a render found different temporary files");
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
  LecternExportResult *result = NULL;
  MemoMode mode = memo_mode ();

  g_return_val_if_fail (LECTERN_IS_EXPORTER (self), NULL);

  if (self->folder == NULL &&
      !(self->folder = lectern_site_folder_open (self->site_dir, error)))
    return NULL;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = self->fixed_now != NULL ? g_date_time_ref (self->fixed_now) : g_date_time_new_now_utc ();
  lectern_store_get_change_stamp (self->store, &self->data_version, &self->own_changes);

  result = mode != MEMO_OFF ? plan_from_memo (self) : NULL;
  self->from_memo = result != NULL;

  if (result != NULL && mode == MEMO_VERIFY)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(LecternExportResult) rendered = plan_rendered (self, &local_error);

      if (rendered == NULL)
        g_error ("The site memo said the site is up to date; a render fails: %s", local_error->message);
      verify_memo (result, rendered);
    }

  if (result == NULL)
    result = plan_rendered (self, error);

  /* what changes, in words (an export that changes nothing reads
   * nothing more) */
  if (result != NULL && lectern_export_result_count_changes (result) > 0)
    lectern_site_explain (self->folder, result);

  return result;
}

/* After a write: notes what the site has now, under the key of the
 * file as the plan read it. Only when nobody wrote the file since the
 * plan began but the record just written, so that the key is of what
 * the render read. A help, never a reason to fail. */
static void
note_memo (LecternExporter     *self,
           LecternExportResult *result,
           gboolean             unwritten)
{
  g_autofree char *list = NULL;
  g_autofree char *memo = NULL;
  g_autofree char *old = NULL;
  KeyWork work = { self->store, self->now, NULL };
  GThread *thread;
  gint64 data_version, own_changes;

  if (!unwritten || self->now == NULL || memo_mode () == MEMO_OFF)
    return;

  /* the key from the file, while this thread hashes the files */
  thread = g_thread_new ("lectern-memo-key", key_work_run, &work);
  list = lectern_site_memo_list (lectern_export_result_get_files (result));
  g_thread_join (thread);

  lectern_store_get_change_stamp (self->store, &data_version, &own_changes);
  if (work.key != NULL && data_version == self->data_version)
    memo = lectern_site_memo_format (work.key, list);
  g_free (work.key);
  if (memo == NULL)
    return;

  old = lectern_store_get_site_memo (self->store);
  if (g_strcmp0 (old, memo) != 0)
    lectern_store_set_site_memo (self->store, memo, NULL);
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

  gint64 data_version, own_changes;

  if (!lectern_site_folder_write (self->folder, result, error))
    return FALSE;

  /* a plan from the memo: the record is what it was */
  if (self->from_memo)
    return TRUE;

  /* what the site has now, for the next export's positions and the
   * hand edits check --site reports; a help, never a reason to fail */
  lectern_store_get_change_stamp (self->store, &data_version, &own_changes);
  {
    g_autoptr(GError) local_error = NULL;

    if (!lectern_site_record_files (self->store, lectern_export_result_get_files (result), &local_error))
      g_warning ("The workshop file could not note what the site has now: %s", local_error->message);
  }
  note_memo (self, result, data_version == self->data_version && own_changes == self->own_changes);
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
  lectern_exporter_set_now (worker, self->fixed_now);
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
