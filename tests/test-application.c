/* test-application.c: New, New Edition and Open Recent, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lectern-application.h"
#include "lectern-export-dialog.h"
#include "lectern-start-window.h"
#include "lectern-test-window.h"

static LecternApplication *app;

static guint
count_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (LECTERN_IS_WINDOW (l->data))
      n++;

  return n;
}

static gboolean
recent_has (const char *path)
{
  GMenuModel *menu = lectern_application_get_recent_menu (app);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      if (target && g_strcmp0 (g_variant_get_string (target, NULL), path) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
close_all (void)
{
  GList *windows;

  lectern_test_close_dialogs ();
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))))
    gtk_window_destroy (GTK_WINDOW (windows->data));

  /* and the error dialogs, which belong to no application */
  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* A new, empty workshop opens in a window and joins Open Recent. */
static void
test_new (void)
{
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-app-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "want-2026.lectern", NULL);
  LecternWindow *window;
  guint before = count_windows ();

  window = lectern_application_new_file (app, path, NULL);
  g_assert_nonnull (window);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_windows (), ==, before + 1);
  g_assert_true (recent_has (lectern_store_get_path (lectern_window_get_store (window))));

  /* creating over an existing file is refused: no second window */
  g_assert_null (lectern_application_new_file (app, path, NULL));
  g_assert_cmpuint (count_windows (), ==, before + 1);

  close_all ();
  lectern_test_rm_rf (dir);
}

/* Next year's edition: same people, cards archived, schedule empty. */
static void
test_new_edition (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-app-XXXXXX");
  g_autofree char *old_path = g_build_filename (dir, "es-fomo-2023.lectern", NULL);
  g_autofree char *new_path = g_build_filename (dir, "es-fomo-2024.lectern", NULL);
  g_autoptr(LecternStore) old = NULL;
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(GListModel) slots = NULL;
  LecternWindow *window;
  LecternStore *store;

  old = lectern_test_create_demo (old_path, NULL);
  window = lectern_application_new_file (app, new_path, old);
  g_assert_nonnull (window);
  store = lectern_window_get_store (window);

  cards = lectern_store_list_cards (store, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 21);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(LecternCard) card = g_list_model_get_item (cards, i);

      g_assert_true (lectern_card_get_archived (card));
    }

  slots = lectern_store_list_slots (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, 0);
  g_assert_true (recent_has (lectern_store_get_path (store)));

  close_all ();
  lectern_test_rm_rf (dir);
}

/* Open Recent opens the file again (or presents its window). */
static void
test_open_recent (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-app-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "recent.lectern", NULL);
  g_autoptr(LecternStore) store = lectern_store_create (path, "Recent", &error);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_nonnull (lectern_application_open_file (app, file));
  g_assert_true (recent_has (canonical));
  close_all ();
  g_assert_cmpuint (count_windows (), ==, 0);

  /* the file is read off the main thread; its window comes when ready */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (canonical));
  lectern_test_wait_until (count_windows () > 0, 10000);
  g_assert_cmpuint (count_windows (), ==, 1);

  /* opened from a window, that window shows the busy pointer meanwhile */
  {
    g_autofree char *other = g_build_filename (dir, "other.lectern", NULL);
    g_autofree char *other_canonical = g_canonicalize_filename (other, NULL);
    g_autoptr(LecternStore) other_store = lectern_store_create (other, "Other", &error);
    GtkWindow *first = gtk_application_get_active_window (GTK_APPLICATION (app));
    GdkCursor *cursor;

    g_assert_no_error (error);
    g_clear_object (&other_store);
    g_assert_nonnull (first);
    g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (other_canonical));
    cursor = gtk_widget_get_cursor (GTK_WIDGET (first));
    g_assert_nonnull (cursor);
    g_assert_cmpstr (gdk_cursor_get_name (cursor), ==, "progress");

    lectern_test_wait_until (count_windows () >= 2, 10000);
    g_assert_cmpuint (count_windows (), ==, 2);
    g_assert_null (gtk_widget_get_cursor (GTK_WIDGET (first)));
  }

  close_all ();
  lectern_test_rm_rf (dir);
}

static gboolean
shows_row (LecternWindow *window,
           const char    *fragment)
{
  return lectern_test_find_row (GTK_WIDGET (window), ADW_TYPE_PREFERENCES_ROW, fragment) != NULL;
}

/* The Event page lists what the site would show wrong, and follows
 * the fix.
 */
static void
test_readiness_panel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-app-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "demo.lectern", NULL);
  g_autoptr(LecternStore) store = lectern_test_create_demo (path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LecternStore) other = NULL;
  g_autoptr(LecternPerson) susan = NULL;
  LecternWindow *window;

  g_clear_object (&store);

  window = lectern_application_open_file (app, file);
  g_assert_nonnull (window);
  lectern_window_set_visible_page (window, "event");
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (shows_row (window, "Susan Zhang has no affiliation"));

  /* a colleague fills it in: the warning goes */
  other = lectern_store_open (path, &error);
  g_assert_no_error (error);
  susan = lectern_test_find_person (other, "Susan Zhang");
  lectern_person_set_affiliation (susan, "Meta");
  lectern_store_update_person (other, susan, &error);
  g_assert_no_error (error);

  g_assert_true (lectern_test_wait_until (!shows_row (window, "Susan Zhang has no affiliation"), 5000));

  close_all ();
  lectern_test_rm_rf (dir);
}

/* Once this machine knows the site's folder, Export is one step. */
static void
test_quick_export (void)
{
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-app-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "demo.lectern", NULL);
  g_autofree char *site = g_build_filename (dir, "site", NULL);
  g_autofree char *card = g_build_filename (site, "_projects", "tri.md", NULL);
  g_autoptr(LecternStore) store = lectern_test_create_demo (path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LecternWindow *window;

  lectern_test_write_file (site, "_pages/about.md", "## 📆 the plan\n");
  lectern_export_remember_site (lectern_store_get_path (store), site);
  g_clear_object (&store);

  window = lectern_application_open_file (app, file);
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));

  g_assert_true (lectern_test_wait_until (g_file_test (card, G_FILE_TEST_EXISTS), 10000));

  /* no dialog was needed */
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    g_assert_false (LECTERN_IS_EXPORT_DIALOG (l->data));

  close_all ();
  lectern_test_rm_rf (dir);
}

static void
set_last_file (const char *path)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  g_settings_set_string (settings, "last-file", path);
}

/* With no file and none opened before: the start window, not the demo */
static void
test_start_window (void)
{
  g_autofree char *demo = lectern_application_get_demo_path ();
  LecternStartWindow *start;
  LecternWindow *window;

  set_last_file ("");
  g_application_activate (G_APPLICATION (app));

  start = lectern_test_find_toplevel (LECTERN_TYPE_START_WINDOW);
  g_assert_nonnull (start);
  g_assert_cmpuint (count_windows (), ==, 0);
  g_assert_false (g_file_test (demo, G_FILE_TEST_EXISTS));
  g_assert_null (lectern_start_window_get_error (start));
  g_assert_nonnull (lectern_test_find_button (GTK_WIDGET (start), "_New Workshop…"));
  g_assert_nonnull (lectern_test_find_button (GTK_WIDGET (start), "_Open…"));

  /* Try the Demo: the demo, saying so; the start window gone */
  g_action_group_activate_action (G_ACTION_GROUP (app), "demo", NULL);
  g_assert_cmpuint (count_windows (), ==, 1);
  window = LECTERN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (lectern_window_is_demo (window));
  g_assert_true (gtk_revealer_get_reveal_child (lectern_test_template_child (window, LECTERN_TYPE_WINDOW,
                                                                             "demo_revealer")));
  g_assert_nonnull (lectern_test_find_button (GTK_WIDGET (window), "_Start Your Own…"));
  lectern_test_flush ();
  g_assert_null (lectern_test_find_toplevel (LECTERN_TYPE_START_WINDOW));

  close_all ();
}

/* A file that is not there: offered to be made, over the start window */
static void
test_missing_file (void)
{
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-app-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "want-2027.lectern", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *offer;
  LecternWindow *window;

  g_assert_null (lectern_application_open_file (app, file));
  offer = lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (offer);
  g_assert_true (LECTERN_IS_START_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (offer))));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (offer), "want-2027.lectern"));

  adw_message_dialog_response (offer, "create");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_windows (), ==, 1);
  window = LECTERN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_false (lectern_window_is_demo (window));

  close_all ();
  lectern_test_rm_rf (dir);
}

/* A file that cannot be read: why, in the start window, with the ways on */
static void
test_unreadable_file (void)
{
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-app-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "notes.lectern", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LecternStartWindow *start;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (path, "Not a workshop, just notes.\n", -1, NULL));
  g_assert_null (lectern_application_open_file (app, file));
  start = lectern_test_find_toplevel (LECTERN_TYPE_START_WINDOW);
  g_assert_nonnull (start);
  g_assert_null (lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (lectern_start_window_get_error (start), "not a Lectern workshop file"));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "Not a workshop, just notes.\n");
  close_all ();

  /* the same as the last file opened */
  set_last_file (path);
  g_application_activate (G_APPLICATION (app));
  start = lectern_test_find_toplevel (LECTERN_TYPE_START_WINDOW);
  g_assert_nonnull (start);
  g_assert_nonnull (strstr (lectern_start_window_get_error (start), "not a Lectern workshop file"));
  g_assert_cmpuint (count_windows (), ==, 0);

  close_all ();
  lectern_test_rm_rf (dir);
}

/* Import from Site…: a new file from the site's cards and schedule, in a window */
static void
test_import_site (void)
{
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-app-XXXXXX");
  g_autofree char *fixture = lectern_test_fixture_path ("es-fomo-2023");
  g_autofree char *site = g_build_filename (dir, "site", NULL);
  g_autofree char *path = g_build_filename (dir, "es-fomo-2023.lectern", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.lectern", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty-site", NULL);
  LecternWindow *window;
  GListModel *people;
  LecternStartWindow *start;

  set_last_file ("");
  g_application_activate (G_APPLICATION (app));
  start = lectern_test_find_toplevel (LECTERN_TYPE_START_WINDOW);
  g_assert_nonnull (lectern_test_find_button (GTK_WIDGET (start), "_Import from Site…"));

  lectern_test_copy_tree (fixture, site);
  window = lectern_application_import_site (app, site, path);
  g_assert_nonnull (window);
  people = lectern_store_list_people (lectern_window_get_store (window), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 25);
  g_object_unref (people);
  people = lectern_store_list_days (lectern_window_get_store (window), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  g_object_unref (people);
  g_assert_true (recent_has (lectern_store_get_path (lectern_window_get_store (window))));
  close_all ();

  /* a folder with no cards: said why, no file left */
  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  g_assert_null (lectern_application_import_site (app, empty, bad));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  start = lectern_test_find_toplevel (LECTERN_TYPE_START_WINDOW);
  g_assert_nonnull (start);
  g_assert_nonnull (strstr (lectern_start_window_get_error (start), "no cards"));

  close_all ();
  lectern_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = lectern_test_make_tmpdir ("lectern-app-data-XXXXXX");
  int ret;

  /* the demo is written under the user's data folder: a folder of the test's own */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!lectern_test_gui_init (&argc, &argv, "/application/display"))
    return g_test_run ();

  app = lectern_test_gui_new_app ();

  g_test_add_func ("/application/start-window", test_start_window);
  g_test_add_func ("/application/missing-file", test_missing_file);
  g_test_add_func ("/application/unreadable-file", test_unreadable_file);
  g_test_add_func ("/application/import-site", test_import_site);
  g_test_add_func ("/application/new", test_new);
  g_test_add_func ("/application/new-edition", test_new_edition);
  g_test_add_func ("/application/open-recent", test_open_recent);
  g_test_add_func ("/application/readiness-panel", test_readiness_panel);
  g_test_add_func ("/application/quick-export", test_quick_export);

  ret = g_test_run ();

  g_clear_object (&app);
  lectern_test_rm_rf (data_home);
  return ret;
}
