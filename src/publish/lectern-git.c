/* lectern-git.c: git, run as a child process in a clone
 *
 * The clone publisher and the hook installer run the organizer's own
 * git, with an argument vector (never a shell) and the clone as the
 * working folder, so that the repository's configuration, hooks and
 * credential helpers all apply. Git may not prompt on a terminal
 * (GIT_TERMINAL_PROMPT=0): a push that needs a password the helpers
 * do not have fails with git's message instead of waiting for input
 * nobody can give. Its standard input is closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-git"

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>

#include "lectern-git.h"
#include "lectern-publish-result.h"

void
lectern_git_run_free (LecternGitRun *run)
{
  if (run == NULL)
    return;

  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

static char *
bytes_to_text (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;

  return g_utf8_make_valid (data ? data : "", size);
}

/* Runs `git ARGS…` in @cwd and waits for it. Fails only when git could
 * not be run, or on cancellation (git is then asked to stop, and
 * waited for, so that it removes its lock files); a git that ran and
 * failed is a run with a non-zero status.
 */
LecternGitRun *
lectern_git_run (const char          *cwd,
                 const char * const  *args,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) local_error = NULL;
  LecternGitRun *run;

  g_return_val_if_fail (cwd != NULL, NULL);
  g_return_val_if_fail (args != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_ptr_array_add (argv, (gpointer) "git");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, cwd);
  g_subprocess_launcher_setenv (launcher, "GIT_TERMINAL_PROMPT", "0", TRUE);
  /* the clone is the one at cwd, even when Lectern runs under a hook */
  g_subprocess_launcher_unsetenv (launcher, "GIT_DIR");
  g_subprocess_launcher_unsetenv (launcher, "GIT_WORK_TREE");
  g_subprocess_launcher_unsetenv (launcher, "GIT_INDEX_FILE");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &local_error);
  if (process == NULL)
    {
      g_set_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_GIT,
                   _("Could not run git: %s"), local_error->message);
      return NULL;
    }

  /* nothing on standard input: it is closed at once */
  if (!g_subprocess_communicate (process, nothing, cancellable, &out, &err, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_subprocess_send_signal (process, SIGTERM);
          g_subprocess_wait (process, NULL, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
        }
      else
        {
          g_subprocess_force_exit (process);
          g_subprocess_wait (process, NULL, NULL);
          g_set_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_GIT,
                       _("Could not read what git said: %s"), local_error->message);
        }
      return NULL;
    }

  run = g_new0 (LecternGitRun, 1);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  run->out = bytes_to_text (out);
  run->err = bytes_to_text (err);

  return run;
}

/* What git said about a failure: its error output, else its output,
 * else its exit status.
 */
char *
lectern_git_describe_failure (LecternGitRun *run)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  g_return_val_if_fail (run != NULL, NULL);

  err = g_strstrip (g_strdup (run->err));
  out = g_strstrip (g_strdup (run->out));

  if (err[0] != '\0')
    return g_steal_pointer (&err);
  if (out[0] != '\0')
    return g_steal_pointer (&out);
  if (run->status < 0)
    return g_strdup (_("git was stopped by a signal"));

  return g_strdup_printf (_("git exited with status %d"), run->status);
}

/* The output of a git command that must succeed, without the trailing
 * newline; LECTERN_PUBLISH_ERROR_GIT with git's message otherwise.
 */
char *
lectern_git_output (const char          *cwd,
                    const char * const  *args,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(LecternGitRun) run = lectern_git_run (cwd, args, cancellable, error);
  char *out;

  if (run == NULL)
    return NULL;

  if (run->status != 0)
    {
      g_autofree char *why = lectern_git_describe_failure (run);

      g_set_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_GIT,
                   _("git %s failed: %s"), args[0], why);
      return NULL;
    }

  out = g_steal_pointer (&run->out);
  g_strchomp (out);
  return out;
}

/* The top folder of the work tree @cwd is in (@cwd itself or one of
 * its parents); LECTERN_PUBLISH_ERROR_NOT_A_CLONE when @cwd is not in
 * a git work tree (no repository, a bare one, or its .git folder).
 */
char *
lectern_git_get_toplevel (const char    *cwd,
                          GCancellable  *cancellable,
                          GError       **error)
{
  static const char * const args[] = { "rev-parse", "--show-toplevel", NULL };
  g_autoptr(LecternGitRun) run = NULL;
  g_autofree char *why = NULL;
  char *top;

  g_return_val_if_fail (cwd != NULL, NULL);

  if (!g_file_test (cwd, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_NOT_A_CLONE,
                   _("“%s” is not a folder: choose the folder of a clone of the site’s repository."),
                   cwd);
      return NULL;
    }

  run = lectern_git_run (cwd, args, cancellable, error);
  if (run == NULL)
    return NULL;

  top = g_strchomp (g_strdup (run->out));
  if (run->status == 0 && top[0] != '\0')
    return top;
  g_free (top);

  why = lectern_git_describe_failure (run);
  g_set_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_NOT_A_CLONE,
               _("“%s” is not in a git clone (git says: %s). Choose the folder of a clone of the site’s repository, or publish to GitHub instead."),
               cwd, why);
  return NULL;
}
