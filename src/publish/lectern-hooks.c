/* lectern-hooks.c: Lectern's pre-commit hook in a site clone
 *
 * The hook is a short sh script in the folder git runs hooks from
 * (asked of git, so core.hooksPath is honoured), recognised as
 * Lectern's by its marker line. A pre-commit hook the clone had is
 * moved aside to pre-commit.lectern-previous, and Lectern's runs it
 * first (with the same arguments; its failure refuses the commit),
 * then `lectern check WORKSHOP --site SITE`. Installing again rewrites
 * Lectern's hook (a new path to lectern or to the workshop file);
 * removing it puts the previous hook back as it was. A pre-commit
 * hook that is not Lectern's is never overwritten or removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-hooks"

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lectern-git.h"
#include "lectern-hooks.h"
#include "lectern-site-folder.h"
#include "lectern-publish-result.h"

#define HOOK_NAME      "pre-commit"
#define PREVIOUS_NAME  "pre-commit.lectern-previous"
#define HOOK_MARKER    "# lectern:pre-commit-hook"

/* The folder git runs this clone's hooks from, absolute. */
static char *
find_hooks_dir (const char  *clone_dir,
                char       **prefix,
                GError     **error)
{
  static const char * const git_path[] = { "rev-parse", "--git-path", "hooks", NULL };
  static const char * const show_prefix[] = { "rev-parse", "--show-prefix", NULL };
  g_autofree char *top = NULL;
  g_autofree char *hooks = NULL;

  if (!(top = lectern_git_get_toplevel (clone_dir, NULL, error)) ||
      !(hooks = lectern_git_output (clone_dir, git_path, NULL, error)) ||
      (prefix != NULL && !(*prefix = lectern_git_output (clone_dir, show_prefix, NULL, error))))
    return NULL;

  if (g_path_is_absolute (hooks))
    return g_steal_pointer (&hooks);

  return g_build_filename (clone_dir, hooks, NULL);
}

static gboolean
path_exists (const char *path)
{
  GStatBuf st;

  /* a link counts, even one leading nowhere */
  return g_lstat (path, &st) == 0;
}

static gboolean
is_lecterns (const char *hook)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (hook, &text, NULL, NULL))
    return FALSE;

  lines = g_strsplit (text, "\n", 0);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], HOOK_MARKER))
      return TRUE;

  return FALSE;
}

/* The script: the site is the clone's folder relative to the top of
 * the work tree (git runs hooks there), so that a clone that is moved
 * keeps working.
 */
static char *
make_script (const char *workshop,
             const char *lectern,
             const char *prefix)
{
  g_autofree char *quoted_lectern = g_shell_quote (lectern);
  g_autofree char *quoted_workshop = g_shell_quote (workshop);
  g_autofree char *quoted_prefix = NULL;
  g_autofree char *trimmed = g_strdup (prefix);

  /* "site/" -> "/site" after the top folder */
  while (trimmed[0] != '\0' && trimmed[strlen (trimmed) - 1] == '/')
    trimmed[strlen (trimmed) - 1] = '\0';
  if (trimmed[0] != '\0')
    {
      g_autofree char *below = g_strconcat ("/", trimmed, NULL);

      quoted_prefix = g_shell_quote (below);
    }

  return g_strdup_printf ("#!/bin/sh\n"
                          HOOK_MARKER " (written by \"lectern hooks install\"; \"lectern hooks remove\" takes it out)\n"
                          "#\n"
                          "# Before each commit, \"lectern check\" makes sure that the files Lectern\n"
                          "# writes in this site still agree with the workshop file, so that a hand\n"
                          "# edit that would break the site is not committed. The pre-commit hook\n"
                          "# this clone had before, if any, is kept as " PREVIOUS_NAME "\n"
                          "# and runs first.\n"
                          "\n"
                          "previous=\"$(dirname \"$0\")/" PREVIOUS_NAME "\"\n"
                          "if [ -x \"$previous\" ]; then\n"
                          "    \"$previous\" \"$@\" || exit $?\n"
                          "fi\n"
                          "\n"
                          "exec %s check %s --site \"$(git rev-parse --show-toplevel)\"%s\n",
                          quoted_lectern, quoted_workshop, quoted_prefix ? quoted_prefix : "");
}

/* Installs (or refreshes) Lectern's pre-commit hook in the clone;
 * the hook the clone had is kept, and runs first.
 */
gboolean
lectern_hooks_install (const char  *clone_dir,
                       const char  *workshop,
                       const char  *lectern,
                       GError     **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *hooks = NULL;
  g_autofree char *hook = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *script = NULL;
  gboolean moved = FALSE;

  g_return_val_if_fail (clone_dir != NULL, FALSE);
  g_return_val_if_fail (workshop != NULL && g_path_is_absolute (workshop), FALSE);
  g_return_val_if_fail (lectern != NULL && g_path_is_absolute (lectern), FALSE);

  if (!(hooks = find_hooks_dir (clone_dir, &prefix, error)))
    return FALSE;

  hook = g_build_filename (hooks, HOOK_NAME, NULL);
  previous = g_build_filename (hooks, PREVIOUS_NAME, NULL);

  if (g_mkdir_with_parents (hooks, 0755) != 0)
    return lectern_set_errno_error (error, errno, _("Could not make the hooks folder “%s”"), hooks);

  if (path_exists (hook) && !is_lecterns (hook))
    {
      if (path_exists (previous))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("The clone has a pre-commit hook that is not Lectern’s, and also “%s” from an earlier installation: one of them would be lost. Move one away, then install again. Nothing was changed."),
                       previous);
          return FALSE;
        }
      if (g_rename (hook, previous) != 0)
        return lectern_set_errno_error (error, errno, _("Could not keep the clone’s pre-commit hook “%s”"), hook);
      moved = TRUE;
    }

  script = make_script (workshop, lectern, prefix);
  if (!g_file_set_contents_full (hook, script, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0755, error) ||
      g_chmod (hook, 0755) != 0)
    {
      int saved = errno;

      if (error != NULL && *error == NULL)
        lectern_set_errno_error (error, saved, _("Could not make the hook “%s” executable"), hook);
      if (moved)
        g_rename (previous, hook);
      return FALSE;
    }

  return TRUE;
}

/* Removes Lectern's pre-commit hook and puts back the one the clone
 * had; refuses, changing nothing, when the hook there is not Lectern's.
 */
gboolean
lectern_hooks_remove (const char  *clone_dir,
                      GError     **error)
{
  g_autofree char *hooks = NULL;
  g_autofree char *hook = NULL;
  g_autofree char *previous = NULL;

  g_return_val_if_fail (clone_dir != NULL, FALSE);

  if (!(hooks = find_hooks_dir (clone_dir, NULL, error)))
    return FALSE;

  hook = g_build_filename (hooks, HOOK_NAME, NULL);
  previous = g_build_filename (hooks, PREVIOUS_NAME, NULL);

  if (!path_exists (hook))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The clone has no pre-commit hook (“%s”): Lectern’s is not installed."), hook);
      return FALSE;
    }

  if (!is_lecterns (hook))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The pre-commit hook “%s” is not Lectern’s: it was left as it is."), hook);
      return FALSE;
    }

  if (path_exists (previous))
    {
      if (g_rename (previous, hook) != 0)
        return lectern_set_errno_error (error, errno, _("Could not put the clone’s pre-commit hook back in place of Lectern’s (“%s”)"), hook);
    }
  else if (g_unlink (hook) != 0)
    return lectern_set_errno_error (error, errno, _("Could not remove the hook “%s”"), hook);

  return TRUE;
}

/* Whether the clone's pre-commit hook is Lectern's. */
gboolean
lectern_hooks_is_installed (const char *clone_dir)
{
  g_autofree char *hooks = NULL;
  g_autofree char *hook = NULL;

  g_return_val_if_fail (clone_dir != NULL, FALSE);

  if (!(hooks = find_hooks_dir (clone_dir, NULL, NULL)))
    return FALSE;

  hook = g_build_filename (hooks, HOOK_NAME, NULL);
  return is_lecterns (hook);
}
