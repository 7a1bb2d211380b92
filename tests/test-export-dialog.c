/* test-export-dialog.c: "Export to Site…" under Xvfb
 *
 * The preview lists the files that will change and what the site would
 * show wrong, writes nothing; Export writes them (off the main thread),
 * remembers the site folder in GSettings, and reports what changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "lectern-export-dialog.h"
#include "lectern-workshop-loader.h"

typedef struct
{
  char         *dir;
  char         *site;
  LecternStore *store;
} Fixture;

static void
run (const char *command)
{
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cmd = NULL;
  const char *fixtures = g_getenv ("LECTERN_FIXTURES");

  f->dir = g_dir_make_tmp ("lectern-export-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  f->site = g_build_filename (f->dir, "site", NULL);
  cmd = g_strdup_printf ("cp -r '%s/es-fomo-2023' '%s'", fixtures ? fixtures : "fixtures", f->site);
  run (cmd);
  g_free (cmd);
  cmd = g_strdup_printf ("sh -c 'rm -f \"%s\"/_projects/*.md'", f->site);
  run (cmd);

  path = g_build_filename (f->dir, "w.lectern", NULL);
  f->store = lectern_store_create (path, NULL, &error);
  g_assert_no_error (error);
  lectern_workshop_loader_load_resource (f->store, LECTERN_DEMO_RESOURCE, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  run (cmd);
  g_free (f->dir);
  g_free (f->site);
}

static GtkWidget *
find_child (GtkWidget  *root,
            const char *type_name,
            const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_str_equal (G_OBJECT_TYPE_NAME (child), type_name) &&
          (title == NULL ||
           (ADW_IS_PREFERENCES_ROW (child) &&
            strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title))))
        return child;

      if ((found = find_child (child, type_name, title)))
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)))
        return found;
    }

  return NULL;
}

static void
wait_until_sensitive (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_sensitive (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_sensitive (widget));
}

static void
exported_cb (LecternExportDialog *dialog,
             const char          *summary,
             char               **out)
{
  *out = g_strdup (summary);
}

static void
test_preview_and_export (Fixture       *f,
                         gconstpointer  data)
{
  LecternExportDialog *dialog;
  GtkWidget *export_button;
  g_autofree char *summary = NULL;
  g_autofree char *remembered = NULL;
  g_autofree char *card = g_build_filename (f->site, "_projects", "deepak.md", NULL);
  gint64 deadline;

  lectern_export_remember_site (lectern_store_get_path (f->store), f->site);

  dialog = lectern_export_dialog_new (NULL, f->store);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpstr (lectern_export_dialog_get_site_dir (dialog), ==, f->site);

  export_button = find_button (GTK_WIDGET (dialog), "_Export");
  g_assert_nonnull (export_button);
  wait_until_sensitive (export_button);

  /* the preview: the 22 cards, the page and the data; nothing written */
  g_assert_nonnull (find_child (GTK_WIDGET (dialog), "AdwActionRow", "_projects/deepak.md"));
  g_assert_nonnull (find_child (GTK_WIDGET (dialog), "AdwActionRow", "_pages/about.md"));
  g_assert_nonnull (find_child (GTK_WIDGET (dialog), "AdwActionRow", "_data/schedule.yml"));
  g_assert_nonnull (find_child (GTK_WIDGET (dialog), "AdwActionRow", "Susan Zhang has no affiliation"));
  g_assert_false (g_file_test (card, G_FILE_TEST_EXISTS));

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &summary);
  g_signal_emit_by_name (export_button, "clicked");

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (summary == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (summary, ==, "22 cards added, schedule updated");
  g_assert_true (g_file_test (card, G_FILE_TEST_EXISTS));

  remembered = lectern_export_get_remembered_site (lectern_store_get_path (f->store));
  g_assert_cmpstr (remembered, ==, f->site);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* A site whose page has no place for the schedule: the error is shown,
 * Export stays off, nothing is written.
 */
static void
test_broken_site (Fixture       *f,
                  gconstpointer  data)
{
  LecternExportDialog *dialog;
  g_autofree char *page = g_build_filename (f->site, "_pages", "about.md", NULL);
  GtkWidget *export_button;
  GtkWidget *error_row = NULL;
  gint64 deadline;

  g_assert_true (g_file_set_contents (page, "---\nlayout: about\n---\nNo plan here.\n", -1, NULL));

  dialog = lectern_export_dialog_new (NULL, f->store);
  g_object_ref_sink (dialog);
  lectern_export_dialog_set_site_dir (dialog, f->site);
  gtk_window_present (GTK_WINDOW (dialog));

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!(error_row = find_child (GTK_WIDGET (dialog), "AdwActionRow", "neither Lectern")) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (error_row);
  export_button = find_button (GTK_WIDGET (dialog), "_Export");
  g_assert_false (gtk_widget_get_sensitive (export_button));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
test_no_display (void)
{
  g_test_fail_printf ("no display: GUI tests need one (run under xvfb-run)");
}

int
main (int    argc,
      char **argv)
{
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  if (!gtk_init_check ())
    {
      g_test_init (&argc, &argv, NULL);
      if (g_strcmp0 (g_getenv ("LECTERN_REQUIRE_DISPLAY"), "1") == 0)
        g_test_add_func ("/export-dialog/display", test_no_display);
      return g_test_run ();
    }

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/export-dialog/preview-and-export", Fixture, NULL,
              fixture_setup, test_preview_and_export, fixture_teardown);
  g_test_add ("/export-dialog/broken-site", Fixture, NULL,
              fixture_setup, test_broken_site, fixture_teardown);

  return g_test_run ();
}
