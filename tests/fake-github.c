/* fake-github.c: the fake GitHub as a process, for the shell tests
 *
 *   fake-github --git-dir D --owner O --repo R --token T
 *               [--protect BRANCH]... [--fault METHOD:PREFIX:TIMES:WHAT]...
 *
 * prints the API base URL as its first line on standard output, then
 * serves until SIGTERM or SIGINT, or until its standard input, when that
 * is a pipe, is closed; it then prints "requests: N" to standard error,
 * followed by each request and each pull request opened.
 *
 * A fault's METHOD may be empty or "*" (any) and its PREFIX empty (any
 * path); WHAT is one of
 *   STATUS[@FIXTURE][:HEADER: VALUE]   e.g. 429:retry-after: 1, or
 *                                      422@validation-failed.json
 *   RESET                              close the connection, no answer
 *   SLOW=MS                            answer after MS milliseconds
 *   MOVE_BRANCH                        commit behind the client's back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-unix.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lectern-fake-github.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_CONTINUE;
}

static gboolean
stdin_cb (int          fd,
          GIOCondition condition,
          gpointer     user_data)
{
  char buffer[256];
  gssize n = read (fd, buffer, sizeof buffer);

  if (n > 0)
    return G_SOURCE_CONTINUE;

  g_main_loop_quit (user_data);

  return G_SOURCE_REMOVE;
}

static gboolean
add_fault (LecternFakeGithub  *fake,
           const char         *spec,
           GError            **error)
{
  g_auto(GStrv) fields = g_strsplit (spec, ":", 5);
  const char *method;
  const char *prefix;
  const char *what;
  guint64 times;

  if (g_strv_length (fields) < 4 ||
      !g_ascii_string_to_unsigned (fields[2], 10, 1, G_MAXUINT, &times, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--fault %s: not METHOD:PREFIX:TIMES:WHAT", spec);
      return FALSE;
    }

  method = fields[0][0] != '\0' && !g_str_equal (fields[0], "*") ? fields[0] : NULL;
  prefix = fields[1][0] != '\0' ? fields[1] : NULL;
  what = fields[3];

  if (g_str_equal (what, "RESET"))
    lectern_fake_github_add_fault (fake, LECTERN_FAKE_FAULT_RESET, method, prefix, times,
                                   0, NULL, NULL, 0);
  else if (g_str_equal (what, "MOVE_BRANCH"))
    lectern_fake_github_add_fault (fake, LECTERN_FAKE_FAULT_MOVE_BRANCH, method, prefix, times,
                                   0, NULL, NULL, 0);
  else if (g_str_has_prefix (what, "SLOW="))
    {
      guint64 delay_ms;

      if (!g_ascii_string_to_unsigned (what + 5, 10, 0, G_MAXUINT, &delay_ms, error))
        return FALSE;
      lectern_fake_github_add_fault (fake, LECTERN_FAKE_FAULT_SLOW, method, prefix, times,
                                     0, NULL, NULL, delay_ms);
    }
  else
    {
      g_auto(GStrv) status_fixture = g_strsplit (what, "@", 2);
      g_autofree char *body = NULL;
      guint64 status;

      if (!g_ascii_string_to_unsigned (status_fixture[0], 10, 100, 599, &status, error))
        return FALSE;

      if (status_fixture[1] != NULL)
        {
          body = lectern_fake_github_fixture (status_fixture[1]);
          if (body == NULL)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--fault %s: no fixture %s under $LECTERN_FIXTURES/octokit",
                           spec, status_fixture[1]);
              return FALSE;
            }
        }

      lectern_fake_github_add_fault (fake, LECTERN_FAKE_FAULT_STATUS, method, prefix, times,
                                     status, body, fields[4], 0);
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *git_dir = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *repo = NULL;
  g_autofree char *token = NULL;
  g_auto(GStrv) protect = NULL;
  g_auto(GStrv) faults = NULL;
  GOptionEntry entries[] = {
    { "git-dir", 0, 0, G_OPTION_ARG_FILENAME, &git_dir, "The bare repository served", "DIR" },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, "The repository's owner", "OWNER" },
    { "repo", 0, 0, G_OPTION_ARG_STRING, &repo, "The repository's name", "REPO" },
    { "token", 0, 0, G_OPTION_ARG_STRING, &token, "The token a request must carry", "TOKEN" },
    { "protect", 0, 0, G_OPTION_ARG_STRING_ARRAY, &protect, "A protected branch", "BRANCH" },
    { "fault", 0, 0, G_OPTION_ARG_STRING_ARRAY, &faults, "A fault to meet",
      "METHOD:PREFIX:TIMES:WHAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("- a fake GitHub REST API");
  g_autoptr(LecternFakeGithub) fake = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *requests;
  GPtrArray *pulls;
  struct stat st;
  guint stdin_id = 0;
  guint term_id;
  guint int_id;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("fake-github: %s\n", error->message);
      return 2;
    }
  if (git_dir == NULL || owner == NULL || repo == NULL || token == NULL)
    {
      g_printerr ("fake-github: --git-dir, --owner, --repo and --token are needed\n");
      return 2;
    }

  fake = lectern_fake_github_new (git_dir, owner, repo, token, &error);
  if (fake == NULL)
    {
      g_printerr ("fake-github: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; protect != NULL && protect[i] != NULL; i++)
    lectern_fake_github_protect_branch (fake, protect[i]);
  for (guint i = 0; faults != NULL && faults[i] != NULL; i++)
    if (!add_fault (fake, faults[i], &error))
      {
        g_printerr ("fake-github: %s\n", error->message);
        return 2;
      }

  loop = g_main_loop_new (NULL, FALSE);
  term_id = g_unix_signal_add (SIGTERM, quit_cb, loop);
  int_id = g_unix_signal_add (SIGINT, quit_cb, loop);

  /* a closed pipe ends the server with its parent; /dev/null (what a
   * shell gives a background job) does not
   */
  if (fstat (STDIN_FILENO, &st) == 0 && (S_ISFIFO (st.st_mode) || S_ISSOCK (st.st_mode)))
    stdin_id = g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_cb, loop);

  printf ("%s\n", lectern_fake_github_get_url (fake));
  fflush (stdout);

  g_main_loop_run (loop);

  g_source_remove (term_id);
  g_source_remove (int_id);
  if (stdin_id != 0 && g_main_context_find_source_by_id (NULL, stdin_id) != NULL)
    g_source_remove (stdin_id);

  requests = lectern_fake_github_get_requests (fake);
  pulls = lectern_fake_github_get_pulls (fake);
  g_printerr ("requests: %u\n", lectern_fake_github_get_n_requests (fake));
  for (guint i = 0; i < requests->len; i++)
    g_printerr ("request: %s\n", (const char *) requests->pdata[i]);
  for (guint i = 0; i < pulls->len; i++)
    g_printerr ("pull: %s\n", (const char *) pulls->pdata[i]);

  return 0;
}
