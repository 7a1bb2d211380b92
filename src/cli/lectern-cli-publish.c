/* lectern-cli-publish.c: `lectern publish`
 *
 *   lectern publish FILE --github OWNER/REPO [--branch B] [--api URL]
 *                        [--dry-run] [--pull-request]
 *   lectern publish FILE --clone DIR [--dry-run]
 *
 * The token for GitHub comes from LECTERN_GITHUB_TOKEN or GITHUB_TOKEN,
 * never from the command line (where other users could read it) nor
 * from the workshop file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-cli-private.h"
#include "lectern-clone-publisher.h"
#include "lectern-github-publisher.h"

typedef struct
{
  GMainLoop            *loop;
  LecternPublishResult *result;
  GError               *error;
} Wait;

static void
github_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  Wait *wait = data;

  wait->result = lectern_github_publisher_publish_finish (LECTERN_GITHUB_PUBLISHER (object),
                                                          result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
clone_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  Wait *wait = data;

  wait->result = lectern_clone_publisher_publish_finish (LECTERN_CLONE_PUBLISHER (object),
                                                         result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
progress_cb (GObject    *publisher,
             const char *step,
             gpointer    data)
{
  g_printerr ("%s\n", step);
}

static const char *
token_from_environment (void)
{
  const char *token = g_getenv ("LECTERN_GITHUB_TOKEN");

  if (token == NULL || *token == '\0')
    token = g_getenv ("GITHUB_TOKEN");

  return token != NULL && *token != '\0' ? token : NULL;
}

static void
print_changes (LecternPublishResult *result)
{
  GPtrArray *changes = lectern_publish_result_get_changes (result);

  for (guint i = 0; i < changes->len; i++)
    {
      const LecternPublishChange *change = g_ptr_array_index (changes, i);

      g_print ("%-8s %s\n", change->is_new ? _("new") : _("changed"), change->path);
    }
}

static int
report (LecternPublishResult *result,
        GError               *error,
        gboolean              dry_run,
        const char           *target)
{
  const char *message;

  if (result == NULL)
    {
      lectern_cli_print_error (NULL, error);
      return EXIT_FAILURE;
    }

  if (lectern_publish_result_is_nothing (result) && lectern_publish_result_get_published (result))
    {
      /* a commit the clone had kept (after a refused push) went out */
      g_print (_("Pushed the commit %s that was waiting in %s.\n"),
               lectern_publish_result_get_commit_sha (result) ? lectern_publish_result_get_commit_sha (result) : "",
               target);
      return EXIT_SUCCESS;
    }

  if (lectern_publish_result_is_nothing (result))
    {
      g_print (_("Nothing to publish: %s already has the site as it is.\n"), target);
      return EXIT_SUCCESS;
    }

  print_changes (result);
  message = lectern_publish_result_get_message (result);

  if (dry_run)
    {
      g_autofree char *first = g_strndup (message != NULL ? message : "",
                                          strcspn (message != NULL ? message : "", "\n"));

      g_print (_("\nWould commit these files as “%s”.\n"), first);
      return EXIT_SUCCESS;
    }

  if (lectern_publish_result_get_pull_request_url (result) != NULL)
    g_print (_("\nOpened a pull request from %s: %s\n"),
             lectern_publish_result_get_pull_request_branch (result),
             lectern_publish_result_get_pull_request_url (result));
  else if (lectern_publish_result_get_commit_url (result) != NULL)
    g_print (_("\nPublished %s: %s\n"), target, lectern_publish_result_get_commit_url (result));
  else
    g_print (_("\nPublished %s: commit %s\n"), target,
             lectern_publish_result_get_commit_sha (result) ? lectern_publish_result_get_commit_sha (result) : "");

  return EXIT_SUCCESS;
}

int
lectern_cli_publish (int    argc,
                     char **argv)
{
  g_autofree char *github = NULL, *branch = NULL, *api = NULL, *clone = NULL;
  gboolean dry_run = FALSE, pull_request = FALSE;
  int timeout = 60;
  const GOptionEntry entries[] = {
    { "github", 'g', 0, G_OPTION_ARG_STRING, &github,
      N_("Publish straight to this GitHub repository (the token from LECTERN_GITHUB_TOKEN or GITHUB_TOKEN)"),
      N_("OWNER/REPO") },
    { "branch", 'b', 0, G_OPTION_ARG_STRING, &branch, N_("The branch to publish to (main)"), N_("BRANCH") },
    { "api", 0, 0, G_OPTION_ARG_STRING, &api,
      N_("The GitHub API (https://api.github.com; GitHub Enterprise: https://HOST/api/v3)"), N_("URL") },
    { "pull-request", 0, 0, G_OPTION_ARG_NONE, &pull_request,
      N_("Put the commit on a new branch and open a pull request (for a protected branch)"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Seconds to wait for an answer (60)"), N_("SECONDS") },
    { "clone", 'c', 0, G_OPTION_ARG_FILENAME, &clone,
      N_("Publish through this local clone of the site: export, commit, push"), N_("DIR") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("List what would be committed; change nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lectern_cli_new_context ("publish FILE --github OWNER/REPO | --clone DIR",
                             _("Publish the site: to GitHub over HTTPS, or through a local clone"), entries);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  LecternPublishFlags flags = LECTERN_PUBLISH_DEFAULT;
  Wait wait = { 0 };
  int status;

  if (!lectern_cli_parse (context, &argc, &argv, 1,
                          "lectern publish FILE --github OWNER/REPO [--branch B] [--dry-run]"))
    return EXIT_USAGE;

  if ((github == NULL) == (clone == NULL))
    {
      g_printerr (_("lectern: publish needs either --github OWNER/REPO or --clone DIR\n"));
      return EXIT_USAGE;
    }

  if (timeout <= 0)
    {
      g_printerr (_("lectern: --timeout needs a number of seconds\n"));
      return EXIT_USAGE;
    }

  if (dry_run)
    flags |= LECTERN_PUBLISH_DRY_RUN;
  if (pull_request)
    flags |= LECTERN_PUBLISH_PULL_REQUEST;

  if (!(store = lectern_cli_open_store (argv[2])))
    return EXIT_FAILURE;

  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;

  if (github != NULL)
    {
      g_autoptr(LecternGithubPublisher) publisher = NULL;
      g_autofree char *owner = NULL, *repo = NULL;
      const char *token = token_from_environment ();

      if (!lectern_github_parse_repository (github, &owner, &repo, &error))
        {
          lectern_cli_print_error (NULL, error);
          return EXIT_USAGE;
        }

      if (token == NULL)
        {
          g_printerr (_("lectern: publishing to GitHub needs a token with Contents: write on %s/%s, "
                        "in the environment variable LECTERN_GITHUB_TOKEN (or GITHUB_TOKEN)\n"),
                      owner, repo);
          return EXIT_USAGE;
        }

      target = g_strdup_printf ("%s/%s", owner, repo);
      publisher = lectern_github_publisher_new (store, owner, repo, branch ? branch : "main", token);
      lectern_github_publisher_set_api_url (publisher, api);
      lectern_github_publisher_set_timeout (publisher, timeout);
      g_signal_connect (publisher, "progress", G_CALLBACK (progress_cb), NULL);
      lectern_github_publisher_publish_async (publisher, flags, NULL, github_done_cb, &wait);
      g_main_loop_run (loop);
    }
  else
    {
      g_autoptr(LecternClonePublisher) publisher = lectern_clone_publisher_new (store, clone);

      if (pull_request || branch != NULL || api != NULL)
        {
          g_printerr (_("lectern: --branch, --api and --pull-request are for --github; a clone "
                        "publishes to its branch’s upstream\n"));
          return EXIT_USAGE;
        }

      target = g_strdup (clone);
      g_signal_connect (publisher, "progress", G_CALLBACK (progress_cb), NULL);
      lectern_clone_publisher_publish_async (publisher, flags, NULL, clone_done_cb, &wait);
      g_main_loop_run (loop);
    }

  status = report (wait.result, wait.error, dry_run, target);
  g_clear_object (&wait.result);
  g_clear_error (&wait.error);

  return status;
}
