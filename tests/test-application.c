/* test-application.c: New, New Edition and Open Recent, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "lectern-application.h"
#include "lectern-export-dialog.h"
#include "lectern-workshop-loader.h"

static LecternApplication *app;

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lectern-app-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

  g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
}

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
  g_autofree char *dir = make_dir ();
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
  remove_dir (dir);
}

/* Next year's edition: same people, cards archived, schedule empty. */
static void
test_new_edition (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *old_path = g_build_filename (dir, "es-fomo-2023.lectern", NULL);
  g_autofree char *new_path = g_build_filename (dir, "es-fomo-2024.lectern", NULL);
  g_autoptr(LecternStore) old = NULL;
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(GListModel) slots = NULL;
  LecternWindow *window;
  LecternStore *store;

  old = lectern_store_create (old_path, NULL, &error);
  g_assert_no_error (error);
  lectern_workshop_loader_load_resource (old, LECTERN_DEMO_RESOURCE, &error);
  g_assert_no_error (error);

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
  remove_dir (dir);
}

/* Open Recent opens the file again (or presents its window). */
static void
test_open_recent (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_dir ();
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
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (count_windows () == 0 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (count_windows (), ==, 1);

  /* opened from a window, that window shows the busy pointer meanwhile */
  {
    g_autofree char *other = g_build_filename (dir, "other.lectern", NULL);
    g_autofree char *other_canonical = g_canonicalize_filename (other, NULL);
    g_autoptr(LecternStore) other_store = lectern_store_create (other, "Other", &error);
    GtkWindow *first = gtk_application_get_active_window (GTK_APPLICATION (app));
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    GdkCursor *cursor;

    g_assert_no_error (error);
    g_clear_object (&other_store);
    g_assert_nonnull (first);
    g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (other_canonical));
    cursor = gtk_widget_get_cursor (GTK_WIDGET (first));
    g_assert_nonnull (cursor);
    g_assert_cmpstr (gdk_cursor_get_name (cursor), ==, "progress");

    while (count_windows () < 2 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (count_windows (), ==, 2);
    g_assert_null (gtk_widget_get_cursor (GTK_WIDGET (first)));
  }

  close_all ();
  remove_dir (dir);
}

static gboolean
find_row (GtkWidget  *root,
          const char *fragment)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_ROW (child) &&
          strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), fragment))
        return TRUE;
      if (find_row (child, fragment))
        return TRUE;
    }

  return FALSE;
}

/* The Event page lists what the site would show wrong, and follows
 * the fix.
 */
static void
test_readiness_panel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.lectern", NULL);
  g_autoptr(LecternStore) store = lectern_store_create (path, NULL, &error);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LecternStore) other = NULL;
  g_autoptr(GListModel) people = NULL;
  LecternWindow *window;
  gint64 deadline;
  gboolean fixed = FALSE;

  g_assert_no_error (error);
  lectern_workshop_loader_load_resource (store, LECTERN_DEMO_RESOURCE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  window = lectern_application_open_file (app, file);
  g_assert_nonnull (window);
  lectern_window_set_visible_page (window, "event");
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (find_row (GTK_WIDGET (window), "Susan Zhang has no affiliation"));

  /* a colleague fills it in: the warning goes */
  other = lectern_store_open (path, &error);
  g_assert_no_error (error);
  people = lectern_store_list_people (other, &error);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LecternPerson) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (lectern_person_get_name (person), "Susan Zhang") == 0)
        {
          lectern_person_set_affiliation (person, "Meta");
          lectern_store_update_person (other, person, &error);
          g_assert_no_error (error);
        }
    }

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!fixed && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      fixed = !find_row (GTK_WIDGET (window), "Susan Zhang has no affiliation");
    }
  g_assert_true (fixed);

  close_all ();
  remove_dir (dir);
}

/* Once this machine knows the site's folder, Export is one step. */
static void
test_quick_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.lectern", NULL);
  g_autofree char *site = g_build_filename (dir, "site", NULL);
  g_autofree char *pages = g_build_filename (site, "_pages", NULL);
  g_autofree char *page = g_build_filename (pages, "about.md", NULL);
  g_autofree char *card = g_build_filename (site, "_projects", "tri.md", NULL);
  g_autoptr(LecternStore) store = lectern_store_create (path, NULL, &error);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LecternWindow *window;
  gint64 deadline;

  g_assert_no_error (error);
  lectern_workshop_loader_load_resource (store, LECTERN_DEMO_RESOURCE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (pages, 0755), ==, 0);
  g_assert_true (g_file_set_contents (page, "## 📆 the plan\n", -1, NULL));
  lectern_export_remember_site (lectern_store_get_path (store), site);
  g_clear_object (&store);

  window = lectern_application_open_file (app, file);
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_file_test (card, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_file_test (card, G_FILE_TEST_EXISTS));

  /* no dialog was needed */
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    g_assert_false (LECTERN_IS_EXPORT_DIALOG (l->data));

  close_all ();
  remove_dir (dir);
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
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GTK_A11Y", "test", FALSE);

  if (!gtk_init_check ())
    {
      g_test_init (&argc, &argv, NULL);
      if (g_strcmp0 (g_getenv ("LECTERN_REQUIRE_DISPLAY"), "1") == 0)
        g_test_add_func ("/application/display", test_no_display);
      return g_test_run ();
    }

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  app = lectern_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/application/new", test_new);
  g_test_add_func ("/application/new-edition", test_new_edition);
  g_test_add_func ("/application/open-recent", test_open_recent);
  g_test_add_func ("/application/readiness-panel", test_readiness_panel);
  g_test_add_func ("/application/quick-export", test_quick_export);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
