/* test-publish-dialog.c: "Publish…" and the Publish button, under Xvfb,
 * against the fake GitHub over a real bare repository, with a real
 * keyring (tests/with-keyring.sh starts a private GNOME Keyring)
 *
 * The first time: where to, the token, the files that will change as
 * one types; Publish commits them, remembers where (GSettings) and keeps
 * the token (keyring). A protected branch is offered a pull request.
 * After that, the window's Publish is one click.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-fake-github.h"
#include "lectern-publish-dialog.h"
#include "lectern-publish-result.h"
#include "lectern-test-window.h"
#include "lectern-token.h"
#include "lectern-window-publish.h"

#define TOKEN "ghp_dialog0123456789TOKEN"

typedef struct
{
  LecternTestWorkshop  w;
  char                *git_dir;
  LecternStore        *store;
  LecternFakeGithub   *github;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  lectern_test_workshop_set_up (&f->w, data);
  f->git_dir = lectern_test_make_site_repository (f->w.dir);
  f->store = lectern_test_create_demo (f->w.path, NULL);
  f->github = lectern_fake_github_new (f->git_dir, "es-fomo", "site", TOKEN, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->github);
  g_clear_object (&f->store);
  g_free (f->git_dir);
  lectern_test_workshop_tear_down (&f->w, data);
}

static guint
count_commits (Fixture    *f,
               const char *branch)
{
  g_autofree char *count = lectern_test_git (f->git_dir, "rev-list", "--count", branch, NULL);

  return (guint) g_ascii_strtoull (count, NULL, 10);
}

static void
published_cb (LecternPublishDialog  *dialog,
              LecternPublishResult  *result,
              LecternPublishResult **out)
{
  *out = g_object_ref (result);
}

static LecternPublishDialog *
open_dialog (Fixture *f)
{
  LecternPublishDialog *dialog = lectern_publish_dialog_new (NULL, f->store);

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  return dialog;
}

static void
fill_in (LecternPublishDialog *dialog,
         Fixture              *f)
{
  GtkEditable *repository = lectern_test_template_child (dialog, LECTERN_TYPE_PUBLISH_DIALOG, "repository_row");
  GtkEditable *api = lectern_test_template_child (dialog, LECTERN_TYPE_PUBLISH_DIALOG, "api_row");
  GtkEditable *token = lectern_test_template_child (dialog, LECTERN_TYPE_PUBLISH_DIALOG, "token_row");

  gtk_editable_set_text (repository, "es-fomo/site");
  gtk_editable_set_text (api, lectern_fake_github_get_url (f->github));
  gtk_editable_set_text (token, TOKEN);
}

static void
kept_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  char **token = data;
  g_autoptr(GError) error = NULL;

  *token = lectern_token_lookup_finish (result, &error);
  g_assert_no_error (error);
  if (*token == NULL)
    *token = g_strdup ("");
}

/* The token as the keyring has it ("" if none) */
static char *
kept_token (const char *api)
{
  char *token = NULL;

  lectern_token_lookup_async (api, NULL, kept_cb, &token);
  g_assert_true (lectern_test_wait_until (token != NULL, 10000));
  return token;
}

static void
test_first_publish (Fixture       *f,
                    gconstpointer  data)
{
  LecternPublishDialog *dialog = open_dialog (f);
  GtkWidget *publish = lectern_test_find_button (GTK_WIDGET (dialog), "_Publish");
  g_autoptr(LecternPublishResult) result = NULL;
  g_autoptr(LecternPublishTarget) target = NULL;
  g_autofree char *token = NULL;
  guint n_commits = count_commits (f, "main");

  /* nothing to publish to yet */
  g_assert_nonnull (publish);
  g_assert_false (gtk_widget_get_sensitive (publish));

  /* as one types: the files that will change, nothing sent but reads */
  fill_in (dialog, f);
  g_assert_true (gtk_widget_get_sensitive (publish));
  g_assert_true (lectern_test_wait_until (lectern_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                                 "_pages/about.md") != NULL, 15000));
  g_assert_nonnull (lectern_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "_data/schedule.yml"));
  g_assert_cmpuint (count_commits (f, "main"), ==, n_commits);
  lectern_test_screenshot ("publish-dialog");

  g_signal_connect (dialog, "published", G_CALLBACK (published_cb), &result);
  g_signal_emit_by_name (publish, "clicked");
  g_assert_true (lectern_test_wait_until (result != NULL, 20000));

  g_assert_true (lectern_publish_result_get_published (result));
  g_assert_cmpuint (count_commits (f, "main"), ==, n_commits + 1);

  /* remembered on this machine, the token in the keyring only */
  target = lectern_publish_get_remembered_target (lectern_store_get_path (f->store));
  g_assert_nonnull (target);
  g_assert_cmpint (target->kind, ==, LECTERN_PUBLISH_GITHUB);
  g_assert_cmpstr (target->repository, ==, "es-fomo/site");
  g_assert_cmpstr (target->branch, ==, "main");
  g_assert_cmpstr (target->api_url, ==, lectern_fake_github_get_url (f->github));
  token = kept_token (target->api_url);
  g_assert_cmpstr (token, ==, TOKEN);
  g_assert_cmpint (lectern_test_sql_int (f->w.path, "SELECT COUNT(*) FROM event WHERE name LIKE '%ghp_%'"), ==, 0);

  g_assert_true (lectern_test_wait_until (!gtk_widget_get_visible (GTK_WIDGET (dialog)), 5000));
  g_assert_finalize_object (dialog);
}

/* A protected branch: the dialog offers a pull request, which opens one */
static void
test_protected (Fixture       *f,
                gconstpointer  data)
{
  LecternPublishDialog *dialog = open_dialog (f);
  GtkWidget *publish = lectern_test_find_button (GTK_WIDGET (dialog), "_Publish");
  g_autoptr(LecternPublishResult) result = NULL;
  AdwMessageDialog *offer = NULL;
  guint n_commits = count_commits (f, "main");

  lectern_fake_github_protect_branch (f->github, "main");
  fill_in (dialog, f);
  g_signal_connect (dialog, "published", G_CALLBACK (published_cb), &result);
  g_signal_emit_by_name (publish, "clicked");

  g_assert_true (lectern_test_wait_until ((offer = lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL, 20000));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (offer), "protected"));
  g_assert_nonnull (lectern_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "pull request"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (offer));
  lectern_test_screenshot ("publish-protected");
  adw_message_dialog_response (offer, "pull-request");

  g_assert_true (lectern_test_wait_until (result != NULL, 20000));
  g_assert_nonnull (lectern_publish_result_get_pull_request_url (result));
  g_assert_cmpuint (lectern_fake_github_get_pulls (f->github)->len, ==, 1);
  g_assert_cmpuint (count_commits (f, "main"), ==, n_commits);

  lectern_test_close_dialogs ();
  g_assert_finalize_object (dialog);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  gboolean *done = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (lectern_token_store_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Once this machine knows where, the window's Publish is one click */
static void
test_one_click (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LecternApplication) app = lectern_test_gui_new_app ();
  g_autoptr(LecternPublishTarget) target = lectern_publish_target_new (LECTERN_PUBLISH_GITHUB);
  LecternWindow *window;
  gboolean stored = FALSE;
  guint n_commits = count_commits (f, "main");

  target->repository = g_strdup ("es-fomo/site");
  target->api_url = g_strdup (lectern_fake_github_get_url (f->github));
  lectern_publish_remember_target (f->w.path, target);
  lectern_token_store_async (target->api_url, TOKEN, NULL, stored_cb, &stored);
  g_assert_true (lectern_test_wait_until (stored, 10000));

  g_clear_object (&f->store);
  window = lectern_test_open_window (app, f->w.path);
  g_assert_nonnull (lectern_test_find_button (GTK_WIDGET (window), "_Publish"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL));

  /* no dialog: published straight away */
  g_assert_true (lectern_test_wait_until (count_commits (f, "main") == n_commits + 1, 20000));
  g_assert_null (lectern_test_find_toplevel (LECTERN_TYPE_PUBLISH_DIALOG));
  /* the button (off while it ran) is back */
  g_assert_true (lectern_test_wait_until (gtk_widget_get_sensitive (lectern_test_find_button (GTK_WIDGET (window), "_Publish")),
                                          10000));
  lectern_test_settle (window);
  lectern_test_screenshot ("publish-toast");

  lectern_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!lectern_test_gui_init (&argc, &argv, "/publish-dialog/display"))
    return g_test_run ();

  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_setenv ("GIT_AUTHOR_NAME", "Site Organizer", TRUE);
  g_setenv ("GIT_AUTHOR_EMAIL", "organizer@example.org", TRUE);
  g_setenv ("GIT_COMMITTER_NAME", "Site Organizer", TRUE);
  g_setenv ("GIT_COMMITTER_EMAIL", "organizer@example.org", TRUE);

  g_test_add ("/publish-dialog/first-publish", Fixture, NULL,
              fixture_setup, test_first_publish, fixture_teardown);
  g_test_add ("/publish-dialog/protected", Fixture, NULL,
              fixture_setup, test_protected, fixture_teardown);
  g_test_add ("/publish-dialog/one-click", Fixture, NULL,
              fixture_setup, test_one_click, fixture_teardown);

  return g_test_run ();
}
