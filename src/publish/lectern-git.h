/* lectern-git.h: git, run as a child process in a clone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What one git command did: its exit status (-1 when a signal ended
 * it) and what it printed, as UTF-8 text.
 */
typedef struct
{
  int   status;
  char *out;
  char *err;
} LecternGitRun;

void           lectern_git_run_free     (LecternGitRun       *run);

LecternGitRun *lectern_git_run          (const char          *cwd,
                                         const char * const  *args,
                                         GCancellable        *cancellable,
                                         GError             **error);
char          *lectern_git_output       (const char          *cwd,
                                         const char * const  *args,
                                         GCancellable        *cancellable,
                                         GError             **error);
char          *lectern_git_get_toplevel (const char          *cwd,
                                         GCancellable        *cancellable,
                                         GError             **error);
char          *lectern_git_describe_failure (LecternGitRun   *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternGitRun, lectern_git_run_free)

G_END_DECLS
