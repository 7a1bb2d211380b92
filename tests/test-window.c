/* test-window.c: the main window on the demo workshop, under a display
 *
 * Needs an X (or Wayland) display: run under xvfb-run. Without one, the
 * test is skipped, unless LECTERN_REQUIRE_DISPLAY=1 (as in CI), where it
 * fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "lectern-application.h"
#include "lectern-window.h"
#include "lectern-workshop-loader.h"

/* The demo's speakers, in the order the site lists them. */
static const char *demo_speakers[] = {
  "Deepak Narayanan",
  "Ce Zhang",
  "Natalia Vassilieva",
  "Tim Dettmers",
  "Aakanksha Chowdhery",
  "Natalia Gimelshein",
  "Philippe Tillet",
};

#define DEMO_N_SLOTS 19

static LecternApplication *app;

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* Helpers */

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_chmod (path, 0644);
      g_unlink (path);
    }
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("lectern-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "demo.lectern", NULL);

  store = lectern_store_create (fixture->path, NULL, &error);
  g_assert_no_error (error);
  lectern_workshop_loader_load_resource (store, LECTERN_DEMO_RESOURCE, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
flush_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @done says so, for at most @ms. */
static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer   user_data,
            guint      ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, timeout_cb, &timed_out);

  while (!done (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return done (user_data);
}

/* Opens a window on @path, with its own store, and waits until it is
 * drawn. Returns a reference of the caller's, for close_window().
 */
static LecternWindow *
open_window (const char *path)
{
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LecternWindow *window;

  store = lectern_store_open (path, &error);
  g_assert_no_error (error);

  window = g_object_ref (lectern_window_new (GTK_APPLICATION (app), store));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

/* Closes @window and checks that nothing else holds it. */
static void
close_window (LecternWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_context ();
  g_assert_finalize_object (window);
}

static gpointer
get_child (LecternWindow *window,
           const char    *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), LECTERN_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static void
show_page (LecternWindow *window,
           const char    *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  g_assert_cmpstr (lectern_window_get_visible_page (window), ==, name);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/* Is there a label showing @text, on screen, under @widget? */
static gboolean
has_mapped_label (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_widget_get_realized (widget) &&
      gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_mapped_label (child, text))
        return TRUE;
    }

  return FALSE;
}

/* The row titles a list view shows, in the order of its row widgets. */
static void
collect_row_titles (GtkWidget *widget,
                    GPtrArray *titles)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_widget_has_css_class (widget, "lectern-row-title") &&
      gtk_widget_get_mapped (widget))
    g_ptr_array_add (titles, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_row_titles (child, titles);
}

static GListModel *
list_model (LecternWindow *window,
            const char    *view_name)
{
  GtkListView *view = get_child (window, view_name);

  return G_LIST_MODEL (gtk_list_view_get_model (view));
}

static const char *
card_name (GListModel *model,
           guint       position)
{
  g_autoptr(LecternCard) card = g_list_model_get_item (model, position);

  g_assert_nonnull (card);
  /* The model keeps the card, and the card its person. */
  return lectern_person_get_name (lectern_card_get_person (card));
}

/* Tests without a display */

static void
test_no_display_skip (void)
{
  g_test_skip ("No display: run under xvfb-run (LECTERN_REQUIRE_DISPLAY=1 makes this a failure)");
}

static void
test_no_display_fail (void)
{
  g_printerr ("\n*** test-window: no display, but LECTERN_REQUIRE_DISPLAY=1. "
              "Run under xvfb-run (DISPLAY=%s). ***\n\n",
              g_getenv ("DISPLAY") ? g_getenv ("DISPLAY") : "(unset)");
  g_test_fail_printf ("GTK could not open a display");
}

/* Tests */

static void
test_event_page (Fixture       *fixture,
                 gconstpointer  data)
{
  LecternWindow *window = open_window (fixture->path);
  AdwViewSwitcherTitle *title = get_child (window, "switcher_title");
  GtkRevealer *read_only = get_child (window, "read_only_revealer");

  g_assert_cmpstr (lectern_window_get_visible_page (window), ==, "event");
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==,
                   "Efficient Systems for Foundation Models");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "demo.lectern");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Efficient Systems for Foundation Models");

  g_assert_cmpstr (gtk_label_get_text (get_child (window, "short_name_label")), ==, "ES-FoMo");
  g_assert_true (has_mapped_label (GTK_WIDGET (window), "ES-FoMo"));
  g_assert_true (has_mapped_label (GTK_WIDGET (window), "ICML 2023"));
  g_assert_true (has_mapped_label (GTK_WIDGET (window), "Ballroom A (floor L4)"));
  g_assert_true (gtk_widget_get_visible (get_child (window, "room_map_button")));

  g_assert_false (gtk_revealer_get_reveal_child (read_only));

  close_window (window);
}

static void
test_speakers (Fixture       *fixture,
               gconstpointer  data)
{
  LecternWindow *window = open_window (fixture->path);
  GListModel *model = list_model (window, "speakers_view");
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  show_page (window, "speakers");

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (demo_speakers));
  for (guint i = 0; i < G_N_ELEMENTS (demo_speakers); i++)
    g_assert_cmpstr (card_name (model, i), ==, demo_speakers[i]);

  /* The rows on screen, in the list's order. */
  collect_row_titles (get_child (window, "speakers_view"), titles);
  g_assert_cmpuint (titles->len, ==, G_N_ELEMENTS (demo_speakers));
  for (guint i = 0; i < titles->len; i++)
    g_assert_cmpstr (g_ptr_array_index (titles, i), ==, demo_speakers[i]);

  g_assert_true (has_mapped_label (get_child (window, "speakers_view"), "Deepak Narayanan"));
  g_assert_true (has_mapped_label (get_child (window, "speakers_view"), "Microsoft Research"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "speakers_stack")), ==, "list");

  close_window (window);
}

static void
test_panelists_and_organizers (Fixture       *fixture,
                               gconstpointer  data)
{
  LecternWindow *window = open_window (fixture->path);
  GListModel *panel = list_model (window, "panelists_view");
  GListModel *organizers = list_model (window, "organizers_view");
  GListModel *sponsors = list_model (window, "sponsors_view");
  g_autoptr(LecternSponsor) sponsor = NULL;

  /* Five panelists, then the two moderators, marked as such. */
  show_page (window, "panelists");
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 7);
  g_assert_cmpstr (card_name (panel, 0), ==, "Anna Goldie");
  g_assert_cmpstr (card_name (panel, 5), ==, "Abhi Venigalla");
  g_assert_cmpstr (card_name (panel, 6), ==, "Dylan Patel");
  g_assert_true (has_mapped_label (get_child (window, "panelists_view"), "Moderator"));

  show_page (window, "organizers");
  g_assert_cmpuint (g_list_model_get_n_items (organizers), ==, 7);
  g_assert_cmpstr (card_name (organizers, 0), ==, "Julien Launay");
  g_assert_true (has_mapped_label (get_child (window, "organizers_view"), "Azalia Mirhoseini"));

  show_page (window, "sponsors");
  g_assert_cmpuint (g_list_model_get_n_items (sponsors), ==, 1);
  sponsor = g_list_model_get_item (sponsors, 0);
  g_assert_cmpstr (lectern_sponsor_get_name (sponsor), ==, "Together");
  g_assert_true (has_mapped_label (get_child (window, "sponsors_view"), "Together"));

  close_window (window);
}

static void
test_schedule (Fixture       *fixture,
               gconstpointer  data)
{
  LecternWindow *window = open_window (fixture->path);
  GListModel *model = list_model (window, "schedule_view");
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(GError) error = NULL;
  guint n_slots = 0;
  guint n_days = 0;
  int last_start = -1;

  show_page (window, "schedule");

  slots = lectern_store_list_slots (lectern_window_get_store (window), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, DEMO_N_SLOTS);

  /* A heading for the day, then its slots in time order. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (LECTERN_IS_DAY (item))
        {
          g_assert_cmpuint (i, ==, 0);
          n_days++;
          continue;
        }

      g_assert_true (LECTERN_IS_SLOT (item));
      g_assert_cmpint (lectern_slot_get_start (LECTERN_SLOT (item)), >=, last_start);
      last_start = lectern_slot_get_start (LECTERN_SLOT (item));
      n_slots++;
    }

  g_assert_cmpuint (n_days, ==, 1);
  g_assert_cmpuint (n_slots, ==, DEMO_N_SLOTS);

  g_assert_true (has_mapped_label (get_child (window, "schedule_view"), "Saturday, July 29, 2023"));
  g_assert_true (has_mapped_label (get_child (window, "schedule_view"), "8:55am"));
  g_assert_true (has_mapped_label (get_child (window, "schedule_view"), "Opening remarks"));
  g_assert_true (has_mapped_label (get_child (window, "schedule_view"),
                                   "Using Megatron to Train Large Language Models"));
  g_assert_true (has_mapped_label (get_child (window, "schedule_view"),
                                   "Session I: Large-Scale Distributed Pretraining"));
  g_assert_true (has_mapped_label (get_child (window, "schedule_view"), "Deepak Narayanan"));

  close_window (window);
}

static gboolean
has_n_items (gpointer user_data)
{
  GListModel *model = user_data;

  return g_list_model_get_n_items (model) == G_N_ELEMENTS (demo_speakers) + 1;
}

static void
test_external_change (Fixture       *fixture,
                      gconstpointer  data)
{
  LecternWindow *window = open_window (fixture->path);
  GListModel *model = list_model (window, "speakers_view");
  g_autoptr(LecternStore) other = NULL;
  g_autoptr(LecternPerson) person = lectern_person_new ();
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(GObject) first_before = NULL;
  g_autoptr(GObject) first_after = NULL;
  g_autoptr(GError) error = NULL;

  show_page (window, "speakers");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (demo_speakers));
  first_before = g_list_model_get_item (model, 0);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 2, TRUE);

  /* Another organizer adds a speaker, through their own connection. */
  other = lectern_store_open (fixture->path, &error);
  g_assert_no_error (error);
  lectern_person_set_name (person, "Grace Hopper");
  lectern_person_set_affiliation (person, "Yale University");
  lectern_store_add_person (other, person, &error);
  g_assert_no_error (error);
  card = lectern_store_add_card (other, person, LECTERN_ROLE_SPEAKER, "grace", &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);

  g_assert_true (wait_until (has_n_items, model, 3000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpstr (card_name (model, G_N_ELEMENTS (demo_speakers)), ==, "Grace Hopper");
  g_assert_true (has_mapped_label (get_child (window, "speakers_view"), "Grace Hopper"));

  /* Only the new row was spliced in: the others, and the selection, stay. */
  first_after = g_list_model_get_item (model, 0);
  g_assert_true (first_before == first_after);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 2));

  close_window (window);
}

static void
check_read_only (const char *path,
                 const char *reason_part)
{
  LecternWindow *window = open_window (path);
  GtkRevealer *revealer = get_child (window, "read_only_revealer");
  GtkLabel *label = get_child (window, "read_only_label");

  g_assert_true (lectern_store_get_read_only (lectern_window_get_store (window)));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (label),
                            lectern_store_get_read_only_reason (lectern_window_get_store (window))));
  g_assert_nonnull (strstr (gtk_label_get_text (label), reason_part));

  /* Still shows the workshop. */
  g_assert_cmpuint (g_list_model_get_n_items (list_model (window, "speakers_view")), ==,
                    G_N_ELEMENTS (demo_speakers));

  close_window (window);
}

static void
test_read_only_permissions (Fixture       *fixture,
                            gconstpointer  data)
{
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);

  if (access (fixture->path, W_OK) == 0)
    {
      g_test_skip ("The file stays writable after chmod 0444 (running as root?); "
                   "see /window/read-only/newer-format");
      return;
    }

  check_read_only (fixture->path, "permission");
}

/* A file written by a newer Lectern is opened read-only, whoever we are. */
static void
test_read_only_newer_format (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "newer.lectern", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", LECTERN_SCHEMA_VERSION + 1);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gsize length;

  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, length, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  check_read_only (copy, "newer version");
}

static void
test_open_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  LecternWindow *window;

  window = lectern_application_open_file (app, file);
  g_assert_true (LECTERN_IS_WINDOW (window));
  g_object_ref (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The same file again: the same window. */
  g_assert_true (lectern_application_open_file (app, file) == window);

  close_window (window);
}

static void
response_cb (AdwMessageDialog  *dialog,
             const char        *response,
             char             **out)
{
  g_free (*out);
  *out = g_strdup (response);
}

static void
test_open_foreign_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.lectern", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) expected = NULL;
  g_autoptr(LecternStore) store = NULL;
  AdwMessageDialog *dialog = NULL;
  g_autofree char *response = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "Speakers: ask Grace.\n", -1, &error);
  g_assert_no_error (error);

  store = lectern_store_open (path, &expected);
  g_assert_null (store);
  g_assert_error (expected, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_SQLITE);

  /* No crash and no window: a dialog with the store's message. */
  g_assert_null (lectern_application_open_file (app, file));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      g_assert_false (LECTERN_IS_WINDOW (l->data));
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        dialog = l->data;
    }

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected->message);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "notes.lectern"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* Closing the dialog answers "close". */
  g_object_ref (dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), &response);
  gtk_window_close (GTK_WINDOW (dialog));
  flush_main_context ();
  g_assert_cmpstr (response, ==, "close");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (dialog);
}

static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  LecternWindow *window = open_window (fixture->path);
  AdwAboutWindow *about = NULL;
  GListModel *toplevels;
  GtkWidget *overlay;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  /* The shortcuts window comes from gtk/help-overlay.ui. */
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  /* Alt+1 … Alt+6 go through win.show-page. */
  show_page (window, "schedule");
  show_page (window, "event");

  /* The about window builds and shows. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (toplevel))
        about = ADW_ABOUT_WINDOW (toplevel);
    }

  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Lectern");
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "The Lectern developers");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (GTK_WINDOW (about));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  gboolean have_display;
  int ret;

  /* What gtk_test_init() does, but with gtk_init_check(): gtk_init()
   * aborts the test when there is no display, and gtk_test_init() after
   * gtk_init_check() warns (fatally) that the locale is already set.
   */
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  have_display = gtk_init_check ();
  g_test_init (&argc, &argv, NULL);

  if (!have_display)
    {
      if (g_strcmp0 (g_getenv ("LECTERN_REQUIRE_DISPLAY"), "1") == 0)
        g_test_add_func ("/window/display", test_no_display_fail);
      else
        g_test_add_func ("/window/display", test_no_display_skip);

      return g_test_run ();
    }

  adw_init ();

  /* A registered application, as the windows need one, but not the
   * unique one: the test must not reach a running Lectern.
   */
  app = lectern_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/window/event-page", test_event_page);
  ADD ("/window/speakers", test_speakers);
  ADD ("/window/panelists-organizers-sponsors", test_panelists_and_organizers);
  ADD ("/window/schedule", test_schedule);
  ADD ("/window/external-change", test_external_change);
  ADD ("/window/read-only/permissions", test_read_only_permissions);
  ADD ("/window/read-only/newer-format", test_read_only_newer_format);
  ADD ("/window/actions", test_actions);
  ADD ("/application/open-twice", test_open_twice);
  ADD ("/application/open-foreign-file", test_open_foreign_file);

#undef ADD

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
