/* lectern-clone-publisher.c: publish through a local clone of the site
 *
 * One publish, off the main thread: git must see a work tree at the
 * clone; the export's plan (on a store connection of its own) says
 * which files Lectern would add or change; those files, and only
 * those, are written, `git add`ed and committed by path (so whatever
 * else the organizer has staged or changed in the clone stays as it
 * was, uncommitted), and the branch is pushed to its upstream. Git is
 * the organizer's own, run as a child process (lectern-git.c): the
 * repository's hooks and credential helpers apply, and it never waits
 * on a terminal for a password.
 *
 * Nothing to change is nothing done: no file written, no commit. A
 * dry run stops once it knows the changes. A commit that a hook
 * refuses leaves the files written, for the organizer to see what the
 * hook found; a push that fails leaves the commit in the clone.
 *
 * "progress" is emitted on the thread of the context the publish was
 * started from (the main thread), never from the worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-clone-publisher"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "lectern-clone-publisher.h"
#include "lectern-exporter.h"
#include "lectern-git.h"

struct _LecternClonePublisher
{
  GObject       parent_instance;

  LecternStore *store;
  char         *clone_dir;
};

G_DEFINE_FINAL_TYPE (LecternClonePublisher, lectern_clone_publisher, G_TYPE_OBJECT)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char                *store_path;
  char                *clone_dir;
  LecternPublishFlags  flags;
} PublishData;

static void
publish_data_free (PublishData *data)
{
  g_free (data->store_path);
  g_free (data->clone_dir);
  g_free (data);
}

static void
lectern_clone_publisher_finalize (GObject *object)
{
  LecternClonePublisher *self = (LecternClonePublisher *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->clone_dir, g_free);

  G_OBJECT_CLASS (lectern_clone_publisher_parent_class)->finalize (object);
}

static void
lectern_clone_publisher_class_init (LecternClonePublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_clone_publisher_finalize;

  /**
   * LecternClonePublisher::progress:
   * @step: what the publish is doing now, a sentence
   *
   * Emitted as each step starts, on the thread of the main context
   * the publish was started from.
   */
  signals[PROGRESS] = g_signal_new ("progress",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lectern_clone_publisher_init (LecternClonePublisher *self)
{
}

LecternClonePublisher *
lectern_clone_publisher_new (LecternStore *store,
                             const char   *clone_dir)
{
  LecternClonePublisher *self;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);
  g_return_val_if_fail (clone_dir != NULL, NULL);

  self = g_object_new (LECTERN_TYPE_CLONE_PUBLISHER, NULL);
  self->store = g_object_ref (store);
  self->clone_dir = g_canonicalize_filename (clone_dir, NULL);

  return self;
}

const char *
lectern_clone_publisher_get_clone_dir (LecternClonePublisher *self)
{
  g_return_val_if_fail (LECTERN_IS_CLONE_PUBLISHER (self), NULL);

  return self->clone_dir;
}

/* ------------------------------------------------------------------ */
/* Progress, from the worker to the main context                       */

typedef struct
{
  LecternClonePublisher *self;
  char                  *step;
} Progress;

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->self);
  g_free (progress->step);
  g_free (progress);
}

static gboolean
emit_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;

  g_signal_emit (progress->self, signals[PROGRESS], 0, progress->step);
  return G_SOURCE_REMOVE;
}

static void report (GTask *task, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Queued on the task's context (not g_main_context_invoke(), which
 * calls at once, on this thread, when the context is free), at the
 * task's priority: the steps arrive in order, before the task's own
 * completion.
 */
static void
report (GTask      *task,
        const char *format,
        ...)
{
  Progress *progress = g_new0 (Progress, 1);
  GSource *source;
  va_list args;

  progress->self = g_object_ref (g_task_get_source_object (task));
  va_start (args, format);
  progress->step = g_strdup_vprintf (format, args);
  va_end (args);

  source = g_idle_source_new ();
  g_source_set_priority (source, g_task_get_priority (task));
  g_source_set_callback (source, emit_progress_cb, progress, (GDestroyNotify) progress_free);
  g_source_set_static_name (source, "[lectern] clone publisher progress");
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

/* ------------------------------------------------------------------ */
/* The steps, on the worker thread                                     */

/* "git --literal-pathspecs ARGS… -- PATHS…": the paths are file names,
 * never patterns.
 */
static LecternGitRun *
run_with_paths (const char          *dir,
                const char * const  *args,
                GPtrArray           *paths,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "--literal-pathspecs");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) "--");
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (paths, i));
  g_ptr_array_add (argv, NULL);

  return lectern_git_run (dir, (const char * const *) argv->pdata, cancellable, error);
}

/* Whether git would run the hook @name in this clone (it honours
 * core.hooksPath, and runs only executable hooks).
 */
static gboolean
hook_is_active (const char   *dir,
                const char   *name,
                GCancellable *cancellable)
{
  g_autofree char *relative = g_strconcat ("hooks/", name, NULL);
  const char * const args[] = { "rev-parse", "--git-path", relative, NULL };
  g_autofree char *path = lectern_git_output (dir, args, cancellable, NULL);
  g_autofree char *full = NULL;

  if (path == NULL)
    return FALSE;

  full = g_path_is_absolute (path) ? g_strdup (path) : g_build_filename (dir, path, NULL);
  return g_file_test (full, G_FILE_TEST_IS_REGULAR) && g_file_test (full, G_FILE_TEST_IS_EXECUTABLE);
}

static char *
short_sha (const char *sha)
{
  return g_strndup (sha ? sha : "", 7);
}

/* Adds and commits exactly @paths, with @message. FALSE with
 * LECTERN_PUBLISH_ERROR_HOOK when a hook refuses the commit. Sets
 * *committed to FALSE, with no error, when the files are already as
 * HEAD has them (written back to what was committed).
 */
static gboolean
commit_paths (const char    *dir,
              GPtrArray     *paths,
              const char    *message,
              gboolean      *committed,
              GCancellable  *cancellable,
              GError       **error)
{
  static const char * const add[] = { "add", NULL };
  static const char * const staged[] = { "diff", "--cached", "--quiet", NULL };
  const char * const commit[] = { "commit", "--quiet", "-m", message, NULL };
  g_autoptr(LecternGitRun) run = NULL;
  g_autofree char *why = NULL;

  *committed = FALSE;

  if (!(run = run_with_paths (dir, add, paths, cancellable, error)))
    return FALSE;
  if (run->status != 0)
    {
      why = lectern_git_describe_failure (run);
      g_set_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_GIT,
                   _("git add failed: %s\nLectern’s files are written in the clone; nothing was committed."),
                   why);
      return FALSE;
    }
  g_clear_pointer (&run, lectern_git_run_free);

  if (!(run = run_with_paths (dir, staged, paths, cancellable, error)))
    return FALSE;
  if (run->status == 0)
    return TRUE;
  g_clear_pointer (&run, lectern_git_run_free);

  /* by path ("--only"): what else is staged in the clone stays staged */
  if (!(run = run_with_paths (dir, commit, paths, cancellable, error)))
    return FALSE;
  if (run->status == 0)
    {
      *committed = TRUE;
      return TRUE;
    }

  why = lectern_git_describe_failure (run);

  /* a refusing hook makes git exit with 1 and say nothing itself;
   * git's own failures end in die(), status 128 */
  if (run->status == 1 &&
      (hook_is_active (dir, "pre-commit", cancellable) || hook_is_active (dir, "commit-msg", cancellable)))
    g_set_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_HOOK,
                 _("A git hook of the clone refused the commit:\n\n%s\n\nLectern’s files are written in the clone, so that you can see what the hook found; nothing was committed."),
                 why);
  else
    g_set_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_GIT,
                 _("git commit failed: %s\nLectern’s files are written in the clone; nothing was committed."),
                 why);

  return FALSE;
}

/* Pushes HEAD to the branch's upstream. @sha is the commit the
 * messages say is kept.
 */
static gboolean
push (GTask         *task,
      const char    *dir,
      const char    *sha,
      GCancellable  *cancellable,
      GError       **error)
{
  static const char * const symbolic_ref[] = { "symbolic-ref", "--quiet", "HEAD", NULL };
  g_autofree char *abbrev = short_sha (sha);
  g_autofree char *branch = NULL;
  g_autofree char *upstream = NULL;
  g_autofree char *target = NULL;
  g_autofree char *why = NULL;
  g_auto(GStrv) fields = NULL;
  g_autoptr(LecternGitRun) run = NULL;

  if (!(run = lectern_git_run (dir, symbolic_ref, cancellable, error)))
    return FALSE;
  if (run->status != 0)
    {
      g_set_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_GIT,
                   _("The clone is not on a branch (its HEAD is detached), so there is no branch to push. Check out the site’s branch, then publish again. Your commit %s is kept in the clone."),
                   abbrev);
      return FALSE;
    }
  branch = g_strchomp (g_steal_pointer (&run->out));
  g_clear_pointer (&run, lectern_git_run_free);

  {
    const char * const for_each_ref[] = {
      "for-each-ref", "--format=%(upstream:remotename)%09%(upstream:remoteref)%09%(upstream:short)",
      branch, NULL
    };

    if (!(upstream = lectern_git_output (dir, for_each_ref, cancellable, error)))
      return FALSE;
  }

  fields = g_strsplit (upstream, "\t", 3);
  if (g_strv_length (fields) != 3 || fields[0][0] == '\0' || fields[1][0] == '\0')
    {
      const char *name = g_str_has_prefix (branch, "refs/heads/") ? branch + strlen ("refs/heads/") : branch;

      g_set_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_GIT,
                   _("The branch “%s” of the clone has no upstream branch to push to. Set one (git push --set-upstream origin %s), then publish again. Your commit %s is kept in the clone."),
                   name, name, abbrev);
      return FALSE;
    }

  report (task, _("Pushing to %s…"), fields[2]);

  target = g_strconcat ("HEAD:", fields[1], NULL);
  {
    const char * const args[] = { "push", fields[0], target, NULL };

    if (!(run = lectern_git_run (dir, args, cancellable, error)))
      return FALSE;
  }
  if (run->status == 0)
    return TRUE;

  if (strstr (run->err, "[rejected]") != NULL &&
      (strstr (run->err, "non-fast-forward") != NULL || strstr (run->err, "fetch first") != NULL))
    {
      g_set_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_REJECTED,
                   _("The repository has commits that this clone does not have. Pull them (git pull --rebase), then publish again. Your commit %s is kept in the clone."),
                   abbrev);
      return FALSE;
    }

  why = lectern_git_describe_failure (run);
  g_set_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_GIT,
               _("git push to %s failed: %s\nYour commit %s is kept in the clone."),
               fields[2], why, abbrev);
  return FALSE;
}

/* The commits of the branch its upstream does not have yet (those of
 * a publish whose push failed, now pulled and rebased): 0 when there
 * is no upstream.
 */
static guint
count_unpushed (const char   *dir,
                GCancellable *cancellable)
{
  static const char * const args[] = { "rev-list", "--count", "@{upstream}..HEAD", NULL };
  g_autofree char *count = lectern_git_output (dir, args, cancellable, NULL);
  guint64 n = 0;

  if (count == NULL || !g_ascii_string_to_unsigned (count, 10, 0, G_MAXUINT, &n, NULL))
    return 0;

  return (guint) n;
}

static char *
head_sha (const char    *dir,
          GCancellable  *cancellable,
          GError       **error)
{
  static const char * const args[] = { "rev-parse", "--verify", "HEAD", NULL };

  return lectern_git_output (dir, args, cancellable, error);
}

/* What the export adds or changes, with what the clone had; the files
 * are written too, unless this is a dry run.
 */
static LecternPublishResult *
export_changes (PublishData   *data,
              GPtrArray     *paths,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternExporter) exporter = NULL;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autoptr(LecternSiteFolder) folder = NULL;
  g_autoptr(LecternPublishResult) result = lectern_publish_result_new ();
  GPtrArray *files;

  if (!(store = lectern_store_open (data->store_path, error)))
    return NULL;

  exporter = lectern_exporter_new (store, data->clone_dir);
  if (!(plan = lectern_exporter_plan (exporter, error)) ||
      !(folder = lectern_site_folder_open (data->clone_dir, error)))
    return NULL;

  files = lectern_export_result_get_files (plan);
  for (guint i = 0; i < files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (files, i);
      g_autoptr(GBytes) old = NULL;
      gboolean old_known = TRUE;

      if (file->change == LECTERN_EXPORT_UNCHANGED)
        continue;

      if (file->change == LECTERN_EXPORT_CHANGED)
        {
          old = lectern_site_folder_read (folder, file->path, NULL);
          old_known = old != NULL;
        }

      lectern_publish_result_add_change (result, file->path, old, old_known, file->contents, file->kind);
      g_ptr_array_add (paths, g_strdup (file->path));
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!(data->flags & LECTERN_PUBLISH_DRY_RUN) && paths->len > 0 &&
      !lectern_exporter_write (exporter, plan, error))
    return NULL;

  return g_steal_pointer (&result);
}

static LecternPublishResult *
publish (GTask         *task,
         PublishData   *data,
         GCancellable  *cancellable,
         GError       **error)
{
  const char *dir = data->clone_dir;
  g_autoptr(LecternPublishResult) result = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *top = NULL;
  g_autofree char *message = NULL;
  g_autofree char *sha = NULL;
  gboolean committed = FALSE;

  if (data->flags & LECTERN_PUBLISH_PULL_REQUEST)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("A pull request is made by publishing to GitHub; through a clone, Lectern commits and pushes to the branch the clone is on."));
      return NULL;
    }

  if (!(top = lectern_git_get_toplevel (dir, cancellable, error)))
    return NULL;

  report (task, _("Exporting…"));

  if (!(result = export_changes (data, paths, cancellable, error)))
    return NULL;

  if (lectern_publish_result_is_nothing (result))
    {
      /* a publish whose push failed left its commit: push it now */
      if (!(data->flags & LECTERN_PUBLISH_DRY_RUN) && count_unpushed (dir, cancellable) > 0)
        {
          if (!(sha = head_sha (dir, cancellable, error)) ||
              !push (task, dir, sha, cancellable, error))
            return NULL;
          lectern_publish_result_set_commit (result, sha, NULL);
          lectern_publish_result_set_published (result, TRUE);
        }
      return g_steal_pointer (&result);
    }

  message = lectern_publish_result_describe_changes (result);
  lectern_publish_result_set_message (result, message);

  if (data->flags & LECTERN_PUBLISH_DRY_RUN)
    return g_steal_pointer (&result);

  report (task,
          g_dngettext (GETTEXT_PACKAGE, "Committing %u file…", "Committing %u files…", paths->len),
          paths->len);

  if (!commit_paths (dir, paths, message, &committed, cancellable, error) ||
      !(sha = head_sha (dir, cancellable, error)))
    return NULL;

  if (committed)
    lectern_publish_result_set_commit (result, sha, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !push (task, dir, sha, cancellable, error))
    return NULL;

  lectern_publish_result_set_published (result, TRUE);
  return g_steal_pointer (&result);
}

static void
publish_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  LecternPublishResult *result = publish (task, task_data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

/* ------------------------------------------------------------------ */

/* Exports into the clone, commits what changed and pushes it; with
 * LECTERN_PUBLISH_DRY_RUN, only finds what would change. The work runs
 * on a worker thread, on a store connection of its own.
 */
void
lectern_clone_publisher_publish_async (LecternClonePublisher *self,
                                       LecternPublishFlags    flags,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  PublishData *data;

  g_return_if_fail (LECTERN_IS_CLONE_PUBLISHER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (PublishData, 1);
  data->store_path = g_strdup (lectern_store_get_path (self->store));
  data->clone_dir = g_strdup (self->clone_dir);
  data->flags = flags;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lectern_clone_publisher_publish_async);
  g_task_set_task_data (task, data, (GDestroyNotify) publish_data_free);
  g_task_run_in_thread (task, publish_worker);
}

LecternPublishResult *
lectern_clone_publisher_publish_finish (LecternClonePublisher  *self,
                                        GAsyncResult           *result,
                                        GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lectern_clone_publisher_publish_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
