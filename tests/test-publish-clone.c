/* test-publish-clone.c: publishing through a local clone of the site
 *
 * A real bare repository and a clone of it over file://, made with
 * git: a publish makes exactly one commit, of exactly the files Lectern
 * wrote, and pushes it; what else the organizer had changed in the
 * clone stays uncommitted; nothing to publish is no commit; a dry run
 * changes nothing; a push refused because someone else pushed first,
 * a refusing hook, a folder that is no clone and a branch with no
 * upstream each fail with their own error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lectern-clone-publisher.h"
#include "lectern-test-util.h"

typedef struct
{
  char         *dir;
  char         *bare;
  char         *clone;
  char         *workshop;
  char         *first;     /* the bare repository's first commit */
  LecternStore *store;
} Fixture;

static GThread *main_thread;

/* ------------------------------------------------------------------ */
/* git, for the test's own steps                                       */

static GBytes *
git_run (const char          *cwd,
         const char * const  *args,
         int                 *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) "git");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, cwd);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  *status = g_subprocess_get_exit_status (process);
  if (*status != 0)
    g_test_message ("git %s: %.*s", args[0], (int) g_bytes_get_size (err),
                    (const char *) g_bytes_get_data (err, NULL));

  return g_steal_pointer (&out);
}

/* The output of a git command that must succeed, without its last
 * newline.
 */
static char *
git (const char *cwd,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  const char *arg;
  va_list ap;
  int status;

  va_start (ap, cwd);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  out = git_run (cwd, (const char * const *) args->pdata, &status);
  g_assert_cmpint (status, ==, 0);

  if (g_bytes_get_size (out) == 0)
    return g_strdup ("");

  return g_strchomp (g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out)));
}

static GBytes *
git_show_file (const char *repo,
               const char *rev,
               const char *path)
{
  g_autofree char *object = g_strconcat (rev, ":", path, NULL);
  const char * const args[] = { "cat-file", "-p", object, NULL };
  int status;
  GBytes *out = git_run (repo, args, &status);

  g_assert_cmpint (status, ==, 0);
  return out;
}

static guint
count_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return text[0] ? g_strv_length (lines) : 0;
}

/* ------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *seed = NULL;
  g_autofree char *url = NULL;
  g_autofree char *out = NULL;

  f->dir = lectern_test_make_tmpdir ("lectern-publish-clone-XXXXXX");
  f->bare = g_build_filename (f->dir, "site.git", NULL);
  f->clone = g_build_filename (f->dir, "clone", NULL);
  f->workshop = g_build_filename (f->dir, "workshop.lectern", NULL);
  url = g_strconcat ("file://", f->bare, NULL);

  /* the site as it was before Lectern: the fixture, with no cards */
  seed = lectern_test_copy_site (f->dir);
  g_free (git (f->dir, "init", "--quiet", "--bare", "--initial-branch=main", f->bare, NULL));
  g_free (git (seed, "init", "--quiet", "--initial-branch=main", NULL));
  g_free (git (seed, "add", "--all", NULL));
  g_free (git (seed, "commit", "--quiet", "-m", "The site", NULL));
  g_free (git (seed, "push", "--quiet", url, "main", NULL));

  g_free (git (f->dir, "clone", "--quiet", url, f->clone, NULL));
  f->first = git (f->bare, "rev-parse", "main", NULL);

  f->store = lectern_test_create_demo (f->workshop, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_assert_true (lectern_test_rm_rf (f->dir));
  g_free (f->dir);
  g_free (f->bare);
  g_free (f->clone);
  g_free (f->workshop);
  g_free (f->first);
}

static void
on_progress (LecternClonePublisher *publisher,
             const char            *step,
             GPtrArray             *steps)
{
  /* on the thread that runs the main context, never from the worker */
  g_assert_true (g_thread_self () == main_thread);
  g_ptr_array_add (steps, g_strdup (step));
}

static LecternPublishResult *
publish_in (Fixture              *f,
            const char           *clone,
            LecternPublishFlags   flags,
            GCancellable         *cancellable,
            GPtrArray            *steps,
            GError              **error)
{
  g_autoptr(LecternClonePublisher) publisher = lectern_clone_publisher_new (f->store, clone);
  g_autoptr(GAsyncResult) result = NULL;

  if (steps != NULL)
    g_signal_connect (publisher, "progress", G_CALLBACK (on_progress), steps);

  lectern_clone_publisher_publish_async (publisher, flags, cancellable, lectern_test_keep_result, &result);
  g_assert_true (lectern_test_wait_until (result != NULL, 60000));

  return lectern_clone_publisher_publish_finish (publisher, result, error);
}

static LecternPublishResult *
publish (Fixture              *f,
         LecternPublishFlags   flags,
         GError              **error)
{
  return publish_in (f, f->clone, flags, NULL, NULL, error);
}

static gboolean
has_step (GPtrArray  *steps,
          const char *prefix)
{
  for (guint i = 0; i < steps->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (steps, i), prefix))
      return TRUE;

  return FALSE;
}

/* ------------------------------------------------------------------ */

static void
test_commit (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LecternPublishResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autofree char *head = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *count = NULL;
  g_autofree char *names = NULL;
  g_autofree char *stat = NULL;
  g_autofree char *message = NULL;
  g_autofree char *status = NULL;
  g_auto(GStrv) committed = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *changes;

  /* the organizer's own work in progress in the clone */
  lectern_test_write_file (f->clone, "_config.yml", "title: staged edit\n");
  g_free (git (f->clone, "add", "_config.yml", NULL));
  lectern_test_write_file (f->clone, "CNAME", "unstaged.example.org\n");
  lectern_test_write_file (f->clone, "notes.txt", "not for the site\n");

  result = publish_in (f, f->clone, LECTERN_PUBLISH_DEFAULT, NULL, steps, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_false (lectern_publish_result_is_nothing (result));
  g_assert_true (lectern_publish_result_get_published (result));

  /* exactly one new commit on the bare repository's branch, the one
   * the result names, on top of the first */
  head = git (f->bare, "rev-parse", "main", NULL);
  g_assert_cmpstr (lectern_publish_result_get_commit_sha (result), ==, head);
  parent = git (f->bare, "rev-parse", "main^", NULL);
  g_assert_cmpstr (parent, ==, f->first);
  count = git (f->bare, "rev-list", "--count", "main", NULL);
  g_assert_cmpstr (count, ==, "2");

  /* holding exactly the files Lectern changed, byte for byte */
  changes = lectern_publish_result_get_changes (result);
  g_assert_cmpuint (changes->len, >, 20);
  for (guint i = 0; i < changes->len; i++)
    {
      LecternPublishChange *change = g_ptr_array_index (changes, i);
      g_autoptr(GBytes) in_commit = git_show_file (f->bare, "main", change->path);
      g_autofree char *file = g_build_filename (f->clone, change->path, NULL);
      g_autofree char *on_disk = NULL;
      gsize size = 0;

      g_assert_true (g_bytes_equal (in_commit, change->contents));
      g_assert_true (g_file_get_contents (file, &on_disk, &size, NULL));
      g_assert_cmpmem (on_disk, size, g_bytes_get_data (in_commit, NULL), g_bytes_get_size (in_commit));
      g_assert_true (change->old_known);
      g_ptr_array_add (paths, change->path);
    }

  names = git (f->bare, "diff-tree", "--no-commit-id", "--name-only", "-r", "main", NULL);
  committed = g_strsplit (names, "\n", -1);
  g_assert_cmpuint (g_strv_length (committed), ==, changes->len);
  for (guint i = 0; committed[i] != NULL; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (paths, committed[i], g_str_equal, NULL));

  stat = git (f->bare, "show", "--stat", "--format=", "main", NULL);
  g_assert_null (strstr (stat, "_config.yml"));
  g_assert_null (strstr (stat, "CNAME"));
  g_assert_null (strstr (stat, "notes.txt"));

  /* the organizer's edits are still there, and still not committed */
  status = git (f->clone, "status", "--porcelain", NULL);
  g_assert_nonnull (strstr (status, "M  _config.yml"));
  g_assert_nonnull (strstr (status, " M CNAME"));
  g_assert_nonnull (strstr (status, "?? notes.txt"));
  g_assert_cmpuint (count_lines (status), ==, 3);

  /* the message: what changed, then the files */
  message = git (f->bare, "log", "-1", "--format=%B", "main", NULL);
  lines = g_strsplit (message, "\n", 2);
  g_assert_nonnull (lines[0]);
  g_assert_cmpstr (g_strstrip (lines[0]), !=, "");
  g_assert_nonnull (lines[1]);
  for (guint i = 0; i < paths->len; i++)
    g_assert_nonnull (strstr (lines[1], g_ptr_array_index (paths, i)));
  g_assert_true (g_str_has_prefix (lectern_publish_result_get_message (result), lines[0]));

  g_assert_true (has_step (steps, "Exporting"));
  g_assert_true (has_step (steps, "Committing"));
  g_assert_true (has_step (steps, "Pushing to origin/main"));
}

static void
test_again (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(LecternPublishResult) first = NULL;
  g_autoptr(LecternPublishResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  g_autofree char *after = NULL;
  g_autofree char *bare_after = NULL;
  g_autofree char *status = NULL;

  first = publish (f, LECTERN_PUBLISH_DEFAULT, &error);
  g_assert_no_error (error);
  head = git (f->clone, "rev-parse", "HEAD", NULL);

  second = publish (f, LECTERN_PUBLISH_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_publish_result_is_nothing (second));
  g_assert_null (lectern_publish_result_get_commit_sha (second));
  g_assert_false (lectern_publish_result_get_published (second));

  after = git (f->clone, "rev-parse", "HEAD", NULL);
  bare_after = git (f->bare, "rev-parse", "main", NULL);
  g_assert_cmpstr (after, ==, head);
  g_assert_cmpstr (bare_after, ==, head);
  status = git (f->clone, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");
}

static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LecternPublishResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = lectern_test_read_file (f->clone, "_pages/about.md");
  g_autofree char *page_after = NULL;
  g_autofree char *head = NULL;
  g_autofree char *bare_head = NULL;
  g_autofree char *status = NULL;
  g_autofree char *projects = g_build_filename (f->clone, "_projects", NULL);
  GPtrArray *changes;
  gboolean saw_page = FALSE;

  result = publish (f, LECTERN_PUBLISH_DRY_RUN, &error);
  g_assert_no_error (error);
  g_assert_false (lectern_publish_result_is_nothing (result));
  g_assert_false (lectern_publish_result_get_published (result));
  g_assert_null (lectern_publish_result_get_commit_sha (result));
  g_assert_nonnull (lectern_publish_result_get_message (result));

  /* the changes, with what the clone has now */
  changes = lectern_publish_result_get_changes (result);
  for (guint i = 0; i < changes->len; i++)
    {
      LecternPublishChange *change = g_ptr_array_index (changes, i);

      g_assert_true (change->old_known);
      if (g_str_equal (change->path, "_pages/about.md"))
        {
          saw_page = TRUE;
          g_assert_false (change->is_new);
          g_assert_nonnull (change->old);
          g_assert_cmpmem (g_bytes_get_data (change->old, NULL), g_bytes_get_size (change->old),
                           page, strlen (page));
        }
      else if (g_str_has_prefix (change->path, "_projects/"))
        {
          g_assert_true (change->is_new);
          g_assert_null (change->old);
        }
    }
  g_assert_true (saw_page);

  /* nothing written, nothing committed, nothing pushed */
  page_after = lectern_test_read_file (f->clone, "_pages/about.md");
  g_assert_cmpstr (page_after, ==, page);
  g_assert_false (g_file_test (projects, G_FILE_TEST_EXISTS));
  status = git (f->clone, "status", "--porcelain", "--untracked-files=all", NULL);
  g_assert_cmpstr (status, ==, "");
  head = git (f->clone, "rev-parse", "HEAD", NULL);
  bare_head = git (f->bare, "rev-parse", "main", NULL);
  g_assert_cmpstr (head, ==, f->first);
  g_assert_cmpstr (bare_head, ==, f->first);
}

static void
test_rejected (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other", NULL);
  g_autofree char *url = g_strconcat ("file://", f->bare, NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *bare_head = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(LecternPublishResult) result = NULL;
  g_autoptr(LecternPublishResult) retry = NULL;
  g_autoptr(GError) error = NULL;

  /* a colleague pushes first */
  g_free (git (f->dir, "clone", "--quiet", url, other, NULL));
  lectern_test_write_file (other, "README.md", "The workshop's site\n");
  g_free (git (other, "add", "README.md", NULL));
  g_free (git (other, "commit", "--quiet", "-m", "A readme", NULL));
  g_free (git (other, "push", "--quiet", NULL));
  theirs = git (f->bare, "rev-parse", "main", NULL);

  result = publish (f, LECTERN_PUBLISH_DEFAULT, &error);
  g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_REJECTED);
  g_assert_null (result);

  /* the commit is kept in the clone, and the message names it */
  ours = git (f->clone, "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (ours, !=, f->first);
  expected = g_strdup_printf ("The repository has commits that this clone does not have. "
                              "Pull them (git pull --rebase), then publish again. "
                              "Your commit %.7s is kept in the clone.", ours);
  g_assert_cmpstr (error->message, ==, expected);
  bare_head = git (f->bare, "rev-parse", "main", NULL);
  g_assert_cmpstr (bare_head, ==, theirs);

  /* as the message says: pull, publish again; the commit goes up */
  g_clear_error (&error);
  g_free (git (f->clone, "pull", "--quiet", "--rebase", NULL));
  retry = publish (f, LECTERN_PUBLISH_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_publish_result_get_published (retry));
  g_clear_pointer (&ours, g_free);
  g_clear_pointer (&bare_head, g_free);
  ours = git (f->clone, "rev-parse", "HEAD", NULL);
  bare_head = git (f->bare, "rev-parse", "main", NULL);
  g_assert_cmpstr (bare_head, ==, ours);
  g_clear_pointer (&bare_head, g_free);
  bare_head = git (f->bare, "rev-parse", "main^", NULL);
  g_assert_cmpstr (bare_head, ==, theirs);
}

static void
test_hook (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *hooks = git (f->clone, "rev-parse", "--git-path", "hooks", NULL);
  g_autofree char *hook = g_build_filename (f->clone, hooks, "pre-commit", NULL);
  g_autofree char *card = g_build_filename (f->clone, "_projects", "tri.md", NULL);
  g_autofree char *head = NULL;
  g_autofree char *bare_head = NULL;
  g_autoptr(LecternPublishResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (hook, "#!/bin/sh\necho 'The hook says: not today' >&2\nexit 1\n", -1, NULL));
  g_assert_cmpint (g_chmod (hook, 0755), ==, 0);

  result = publish (f, LECTERN_PUBLISH_DEFAULT, &error);
  g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_HOOK);
  g_assert_nonnull (strstr (error->message, "The hook says: not today"));
  g_assert_null (result);

  /* the files are written, for the organizer to see; nothing committed */
  g_assert_true (g_file_test (card, G_FILE_TEST_IS_REGULAR));
  head = git (f->clone, "rev-parse", "HEAD", NULL);
  bare_head = git (f->bare, "rev-parse", "main", NULL);
  g_assert_cmpstr (head, ==, f->first);
  g_assert_cmpstr (bare_head, ==, f->first);
}

static void
test_not_a_clone (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *plain = g_build_filename (f->dir, "plain", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing", NULL);
  g_autofree char *git_dir = g_build_filename (f->clone, ".git", NULL);
  g_autofree char *inside = g_build_filename (f->clone, "_pages", NULL);
  g_autofree char *page = NULL;
  g_autoptr(LecternPublishResult) result = NULL;
  g_autoptr(GError) error = NULL;

  lectern_test_write_file (plain, "_pages/about.md", "## 📆 the plan\n");

  result = publish_in (f, plain, LECTERN_PUBLISH_DEFAULT, NULL, NULL, &error);
  g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_NOT_A_CLONE);
  g_assert_nonnull (strstr (error->message, plain));
  g_assert_null (result);
  page = lectern_test_read_file (plain, "_pages/about.md");
  g_assert_cmpstr (page, ==, "## 📆 the plan\n");
  g_clear_error (&error);

  result = publish_in (f, missing, LECTERN_PUBLISH_DEFAULT, NULL, NULL, &error);
  g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_NOT_A_CLONE);
  g_clear_error (&error);

  result = publish_in (f, git_dir, LECTERN_PUBLISH_DRY_RUN, NULL, NULL, &error);
  g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_NOT_A_CLONE);
  g_clear_error (&error);

  /* a folder inside the work tree is in a clone (a site in a
   * subfolder of its repository); this one is no site */
  result = publish_in (f, inside, LECTERN_PUBLISH_DRY_RUN, NULL, NULL, &error);
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_NOT_A_CLONE));

}

static void
test_no_upstream (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LecternPublishResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  g_autofree char *bare_head = NULL;
  g_autofree char *count = NULL;
  g_autofree char *abbrev = NULL;

  g_free (git (f->clone, "checkout", "--quiet", "-b", "draft", NULL));

  result = publish (f, LECTERN_PUBLISH_DEFAULT, &error);
  g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_GIT);
  g_assert_nonnull (strstr (error->message, "“draft”"));
  g_assert_nonnull (strstr (error->message, "no upstream"));
  g_assert_null (result);

  /* the commit is kept */
  head = git (f->clone, "rev-parse", "HEAD", NULL);
  abbrev = g_strdup_printf ("Your commit %.7s is kept in the clone", head);
  g_assert_nonnull (strstr (error->message, abbrev));
  count = git (f->clone, "rev-list", "--count", "main..draft", NULL);
  g_assert_cmpstr (count, ==, "1");
  bare_head = git (f->bare, "rev-parse", "main", NULL);
  g_assert_cmpstr (bare_head, ==, f->first);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LecternPublishResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *projects = g_build_filename (f->clone, "_projects", NULL);
  g_autofree char *head = NULL;

  g_cancellable_cancel (cancellable);
  result = publish_in (f, f->clone, LECTERN_PUBLISH_DEFAULT, cancellable, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);

  g_assert_false (g_file_test (projects, G_FILE_TEST_EXISTS));
  head = git (f->clone, "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (head, ==, f->first);
}

int
main (int    argc,
      char **argv)
{
  lectern_test_keep_quark_block ();
  g_test_init (&argc, &argv, NULL);

  main_thread = g_thread_self ();

  /* git as the tests want it, whatever the machine's configuration */
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_setenv ("GIT_CONFIG_GLOBAL", "/dev/null", TRUE);
  g_setenv ("GIT_AUTHOR_NAME", "Ann Organizer", TRUE);
  g_setenv ("GIT_AUTHOR_EMAIL", "ann@example.org", TRUE);
  g_setenv ("GIT_COMMITTER_NAME", "Ann Organizer", TRUE);
  g_setenv ("GIT_COMMITTER_EMAIL", "ann@example.org", TRUE);
  /* a folder in the temporary folder is in no repository, even when
   * the temporary folder is in one */
  g_setenv ("GIT_CEILING_DIRECTORIES", g_get_tmp_dir (), TRUE);
  g_unsetenv ("GIT_DIR");
  g_unsetenv ("GIT_WORK_TREE");
  g_unsetenv ("GIT_INDEX_FILE");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/publish-clone/commit", test_commit);
  ADD ("/publish-clone/again", test_again);
  ADD ("/publish-clone/dry-run", test_dry_run);
  ADD ("/publish-clone/rejected", test_rejected);
  ADD ("/publish-clone/hook", test_hook);
  ADD ("/publish-clone/not-a-clone", test_not_a_clone);
  ADD ("/publish-clone/no-upstream", test_no_upstream);
  ADD ("/publish-clone/cancelled", test_cancelled);

  return g_test_run ();
}
