/* test-export-dialog.c: "Export to Site…" under Xvfb
 *
 * The preview lists the files that will change and what the site would
 * show wrong, writes nothing; Export writes them (off the main thread),
 * remembers the site folder in GSettings, and reports what changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lectern-export-dialog.h"
#include "lectern-exporter.h"
#include "lectern-test-gui.h"

typedef struct
{
  char         *dir;
  char         *site;
  LecternStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = lectern_test_make_tmpdir ("lectern-export-dialog-XXXXXX");
  f->site = lectern_test_copy_site (f->dir);

  path = g_build_filename (f->dir, "w.lectern", NULL);
  f->store = lectern_test_create_demo (path, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_assert_true (lectern_test_rm_rf (f->dir));
  g_free (f->dir);
  g_free (f->site);
}

/* The row of @dialog whose title has @fragment (a file, a problem). */
static GtkWidget *
find_row (LecternExportDialog *dialog,
          const char          *fragment)
{
  return lectern_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, fragment);
}

static void
exported_cb (LecternExportDialog *dialog,
             const char          *summary,
             char               **out)
{
  *out = g_strdup (summary);
}

static GtkWidget *
find_copy_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), "Copy Link") == 0)
        return child;
      if ((found = find_copy_button (child)))
        return found;
    }

  return NULL;
}

static void
clipboard_text_cb (GObject      *clipboard,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **out = user_data;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (*out == NULL)
    *out = g_strdup ("");
}

static void
test_preview_and_export (Fixture       *f,
                         gconstpointer  data)
{
  LecternExportDialog *dialog;
  GtkWidget *export_button;
  GtkWidget *calendar;
  GtkWidget *copy;
  g_autofree char *copied = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *remembered = NULL;
  g_autofree char *card = g_build_filename (f->site, "_projects", "deepak.md", NULL);

  lectern_export_remember_site (lectern_store_get_path (f->store), f->site);

  dialog = lectern_export_dialog_new (NULL, f->store);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpstr (lectern_export_dialog_get_site_dir (dialog), ==, f->site);

  export_button = lectern_test_find_button (GTK_WIDGET (dialog), "_Export");
  g_assert_nonnull (export_button);
  g_assert_true (lectern_test_wait_until (gtk_widget_get_sensitive (export_button), 10000));

  /* the preview: the 22 cards, the page and the data; nothing written */
  g_assert_nonnull (find_row (dialog, "_projects/deepak.md"));
  /* each file says what changes */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (dialog, "_projects/deepak.md"))), ==,
                   "New card");
  g_assert_nonnull (find_row (dialog, "_pages/about.md"));
  g_assert_nonnull (find_row (dialog, "_data/schedule.yml"));
  g_assert_nonnull (find_row (dialog, "Susan Zhang has no affiliation"));
  g_assert_nonnull (find_row (dialog, "assets/schedule/schedule.ics"));
  g_assert_false (g_file_test (card, G_FILE_TEST_EXISTS));

  /* where attendees will find the program, with a button that copies
   * the address */
  calendar = find_row (dialog, "Calendar (iCalendar)");
  g_assert_nonnull (calendar);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (calendar)), ==,
                   "https://es-fomo.com/assets/schedule/schedule.ics");
  g_assert_nonnull (find_row (dialog, "Conference apps (c3voc JSON)"));
  copy = find_copy_button (calendar);
  g_assert_nonnull (copy);
  g_signal_emit_by_name (copy, "clicked");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (copy), NULL, clipboard_text_cb, &copied);
  g_assert_true (lectern_test_wait_until (copied != NULL, 5000));
  g_assert_cmpstr (copied, ==, "https://es-fomo.com/assets/schedule/schedule.ics");

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &summary);
  g_signal_emit_by_name (export_button, "clicked");

  lectern_test_wait_until (summary != NULL, 10000);
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

  g_assert_true (g_file_set_contents (page, "---\nlayout: about\n---\nNo plan here.\n", -1, NULL));

  dialog = lectern_export_dialog_new (NULL, f->store);
  g_object_ref_sink (dialog);
  lectern_export_dialog_set_site_dir (dialog, f->site);
  gtk_window_present (GTK_WINDOW (dialog));

  g_assert_true (lectern_test_wait_until (find_row (dialog, "neither Lectern") != NULL, 10000));
  export_button = lectern_test_find_button (GTK_WIDGET (dialog), "_Export");
  g_assert_false (gtk_widget_get_sensitive (export_button));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* Temporary files of an interrupted export are listed, and the export
 * (possible even when no file changed) removes them.
 */
static void
test_leftovers (Fixture       *f,
                gconstpointer  data)
{
  LecternExportDialog *dialog;
  GtkWidget *export_button;
  GtkWidget *row;
  g_autofree char *summary = NULL;
  g_autofree char *leftover = g_build_filename (f->site, "_projects", ".tri.md.lectern-0a1b2c~", NULL);
  g_autoptr(LecternExporter) exporter = lectern_exporter_new (f->store, f->site);
  g_autoptr(LecternExportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = lectern_exporter_plan (exporter, &error);
  g_assert_true (result != NULL && lectern_exporter_write (exporter, result, &error));
  g_assert_true (g_file_set_contents (leftover, "---\nlayout: page\n---\n", -1, NULL));

  dialog = lectern_export_dialog_new (NULL, f->store);
  g_object_ref_sink (dialog);
  lectern_export_dialog_set_site_dir (dialog, f->site);
  gtk_window_present (GTK_WINDOW (dialog));

  export_button = lectern_test_find_button (GTK_WIDGET (dialog), "_Export");
  g_assert_true (lectern_test_wait_until (gtk_widget_get_sensitive (export_button), 10000));
  row = find_row (dialog, "_projects/.tri.md.lectern-0a1b2c~");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Left by an interrupted export: will be removed");

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &summary);
  g_signal_emit_by_name (export_button, "clicked");
  lectern_test_wait_until (summary != NULL, 10000);
  g_assert_cmpstr (summary, ==, "The site is up to date; temporary files of an interrupted export removed");
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* A site whose _projects leads out of it: the refusal is shown, naming
 * the link, and the export cannot be started.
 */
static void
test_link_outside (Fixture       *f,
                   gconstpointer  data)
{
  LecternExportDialog *dialog;
  GtkWidget *export_button;
  g_autofree char *projects = g_build_filename (f->site, "_projects", NULL);
  g_autofree char *elsewhere = g_build_filename (f->dir, "elsewhere", NULL);

  g_assert_cmpint (g_mkdir (elsewhere, 0755), ==, 0);
  g_assert_true (lectern_test_rm_rf (projects));
  g_assert_cmpint (symlink (elsewhere, projects), ==, 0);

  dialog = lectern_export_dialog_new (NULL, f->store);
  g_object_ref_sink (dialog);
  lectern_export_dialog_set_site_dir (dialog, f->site);
  gtk_window_present (GTK_WINDOW (dialog));

  g_assert_true (lectern_test_wait_until (find_row (dialog, "outside the site folder") != NULL, 10000));
  export_button = lectern_test_find_button (GTK_WIDGET (dialog), "_Export");
  g_assert_false (gtk_widget_get_sensitive (export_button));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* Into the real 2023 site with one new speaker: each file says what
 * changes, and the cards numbered again are one row with the reason.
 */
static void
test_explained (Fixture       *f,
                gconstpointer  data)
{
  LecternExportDialog *dialog;
  GtkWidget *row;
  g_autofree char *fixture = lectern_test_fixture_path ("es-fomo-2023");
  g_autofree char *site = g_build_filename (f->dir, "real-site", NULL);
  g_autoptr(LecternPerson) lea = lectern_test_add_person (f->store, "Léa Dubois", "Inria");
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(GError) error = NULL;

  card = lectern_store_add_card (f->store, lea, LECTERN_ROLE_SPEAKER, NULL, &error);
  g_assert_no_error (error);
  lectern_test_copy_tree (fixture, site);

  dialog = lectern_export_dialog_new (NULL, f->store);
  g_object_ref_sink (dialog);
  lectern_export_dialog_set_site_dir (dialog, site);
  gtk_window_present (GTK_WINDOW (dialog));

  g_assert_true (lectern_test_wait_until ((row = find_row (dialog, "cards numbered again")) != NULL, 10000));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "had the same position"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (dialog, "_projects/lea.md"))), ==,
                   "New card");
  /* the renumbered cards are not listed one by one; deepak.md means the
   * same in the site's own formatting, and does not change */
  g_assert_null (find_row (dialog, "_projects/ce.md"));
  g_assert_null (find_row (dialog, "_projects/deepak.md"));

  lectern_test_screenshot ("export-explained");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

int
main (int    argc,
      char **argv)
{
  if (!lectern_test_gui_init (&argc, &argv, "/export-dialog/display"))
    return g_test_run ();

  g_test_add ("/export-dialog/preview-and-export", Fixture, NULL,
              fixture_setup, test_preview_and_export, fixture_teardown);
  g_test_add ("/export-dialog/broken-site", Fixture, NULL,
              fixture_setup, test_broken_site, fixture_teardown);
  g_test_add ("/export-dialog/leftovers", Fixture, NULL,
              fixture_setup, test_leftovers, fixture_teardown);
  g_test_add ("/export-dialog/explained", Fixture, NULL,
              fixture_setup, test_explained, fixture_teardown);
  g_test_add ("/export-dialog/link-outside", Fixture, NULL,
              fixture_setup, test_link_outside, fixture_teardown);

  return g_test_run ();
}
