/* test-window.c: the organizer console on the demo workshop, under a display
 *
 * Needs an X (or Wayland) display: run under xvfb-run. Without one, the
 * test is skipped, unless LECTERN_REQUIRE_DISPLAY=1 (as in CI), where it
 * fails.
 *
 * Edits are made through the widgets (text set in the entry rows, then
 * the row's "apply", as Enter does), and checked in the file with a
 * second connection, as another organizer would see them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lectern-application.h"
#include "lectern-cards-page.h"
#include "lectern-conflict-dialog.h"
#include "lectern-event-page.h"
#include "lectern-image-picker.h"
#include "lectern-list-page.h"
#include "lectern-list-row.h"
#include "lectern-person-editor.h"
#include "lectern-schedule-page.h"
#include "lectern-sponsor-editor.h"
#include "lectern-sponsors-page.h"
#include "lectern-test-gui.h"
#include "lectern-start-window.h"
#include "lectern-test-window.h"
#include "lectern-window.h"

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

#define N_SPEAKERS G_N_ELEMENTS (demo_speakers)
#define DEMO_N_SLOTS 19

static LecternApplication *app;

typedef LecternTestWorkshop Fixture;

/* Helpers */

/* The rows a list shows (after search and filter). */
static GListModel *
shown_rows (LecternWindow *window,
            const char    *name)
{
  return G_LIST_MODEL (lectern_list_page_get_selection (lectern_test_list_page (window, name)));
}

static gpointer
event_child (LecternWindow *window,
             const char    *name)
{
  return lectern_test_template_child (lectern_window_get_page (window, "event"), LECTERN_TYPE_EVENT_PAGE, name);
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

static const char *
card_name (GListModel *model,
           guint       position)
{
  g_autoptr(LecternCard) card = g_list_model_get_item (model, position);

  g_assert_nonnull (card);
  /* The model keeps the card, and the card its person. */
  return lectern_person_get_name (lectern_card_get_person (card));
}

/* The names on the site's list of @role, as another connection reads
 * the file.
 */
static char *
file_order (const char  *path,
            LecternRole  role)
{
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  store = lectern_store_open (path, &error);
  g_assert_no_error (error);
  cards = lectern_store_list_cards (store, role, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, card_name (cards, i));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static LecternPerson *
file_person (const char *path,
             const char *name)
{
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;

  store = lectern_store_open (path, &error);
  g_assert_no_error (error);
  people = lectern_store_list_people (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LecternPerson) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (lectern_person_get_name (person), name) == 0)
        return g_steal_pointer (&person);
    }

  return NULL;
}

/* Types @text into @row and presses Enter (the row's apply). */
static void
type_into (LecternWindow *window,
           AdwEntryRow   *row,
           const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  lectern_test_settle (window);
}

/* The row widget of @page showing the row with @id. */
static LecternListRow *
find_row (LecternListPage *page,
          gint64           id)
{
  GtkGridView *view = lectern_list_page_get_list_view (page);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      gpointer item;

      if (!LECTERN_IS_LIST_ROW (row))
        continue;

      item = lectern_list_row_get_item (LECTERN_LIST_ROW (row));
      if (item != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (item), "id"))
        {
          gint64 item_id = 0;

          g_object_get (item, "id", &item_id, NULL);
          if (item_id == id)
            return LECTERN_LIST_ROW (row);
        }
    }

  return NULL;
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  return NULL;
}

static void activate (LecternWindow *window,
                      gpointer       widget,
                      const char    *action);

/* Tests: what the window shows */

static void
test_event_page (Fixture       *fixture,
                 gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  AdwViewSwitcherTitle *title = lectern_test_template_child (window, LECTERN_TYPE_WINDOW, "switcher_title");
  GtkRevealer *read_only = lectern_test_template_child (window, LECTERN_TYPE_WINDOW, "read_only_revealer");

  g_assert_cmpstr (lectern_window_get_visible_page (window), ==, "event");
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==,
                   "Efficient Systems for Foundation Models");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "demo.lectern");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Efficient Systems for Foundation Models");

  g_assert_cmpstr (gtk_editable_get_text (event_child (window, "short_name_row")), ==, "ES-FoMo");
  g_assert_cmpstr (gtk_editable_get_text (event_child (window, "conference_row")), ==, "ICML 2023");
  g_assert_cmpstr (gtk_editable_get_text (event_child (window, "room_row")), ==, "Ballroom A (floor L4)");
  g_assert_cmpstr (gtk_editable_get_text (event_child (window, "timezone_row")), ==, "Pacific/Honolulu");
  g_assert_cmpstr (gtk_label_get_text (event_child (window, "utc_offset_label")), ==, "UTC-10");
  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (window), "Efficient Systems for Foundation Models"));
  g_assert_true (gtk_widget_get_visible (event_child (window, "room_map_button")));

  g_assert_false (gtk_revealer_get_reveal_child (read_only));

  lectern_test_close_window (window);
}

static void
test_speakers (Fixture       *fixture,
               gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  GListModel *model = shown_rows (window, "speakers");
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  GtkGridView *view = lectern_list_page_get_list_view (lectern_test_list_page (window, "speakers"));

  lectern_test_show_page (window, "speakers");

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SPEAKERS);
  for (guint i = 0; i < N_SPEAKERS; i++)
    g_assert_cmpstr (card_name (model, i), ==, demo_speakers[i]);

  /* The rows on screen, in the list's order. */
  collect_row_titles (GTK_WIDGET (view), titles);
  g_assert_cmpuint (titles->len, ==, N_SPEAKERS);
  for (guint i = 0; i < titles->len; i++)
    g_assert_cmpstr (g_ptr_array_index (titles, i), ==, demo_speakers[i]);

  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (view), "Microsoft Research"));

  /* Nothing selected: the detail pane asks for a row. */
  g_assert_null (lectern_list_page_get_selected_item (lectern_test_list_page (window, "speakers")));

  lectern_test_close_window (window);
}

static void
test_panelists_and_organizers (Fixture       *fixture,
                               gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  GListModel *panel = shown_rows (window, "panelists");
  GListModel *organizers = shown_rows (window, "organizers");
  GListModel *sponsors = shown_rows (window, "sponsors");
  g_autoptr(LecternSponsor) sponsor = NULL;

  /* Five panelists, then the two moderators, marked as such. */
  lectern_test_show_page (window, "panelists");
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 7);
  g_assert_cmpstr (card_name (panel, 0), ==, "Anna Goldie");
  g_assert_cmpstr (card_name (panel, 5), ==, "Abhi Venigalla");
  g_assert_cmpstr (card_name (panel, 6), ==, "Dylan Patel");
  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (lectern_test_list_page (window, "panelists")), "Moderator"));

  lectern_test_show_page (window, "organizers");
  g_assert_cmpuint (g_list_model_get_n_items (organizers), ==, 7);
  g_assert_cmpstr (card_name (organizers, 0), ==, "Julien Launay");
  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (lectern_test_list_page (window, "organizers")), "Azalia Mirhoseini"));

  lectern_test_show_page (window, "sponsors");
  g_assert_cmpuint (g_list_model_get_n_items (sponsors), ==, 1);
  sponsor = g_list_model_get_item (sponsors, 0);
  g_assert_cmpstr (lectern_sponsor_get_name (sponsor), ==, "Together");
  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (lectern_test_list_page (window, "sponsors")), "Together"));

  lectern_test_close_window (window);
}

static void
test_people (Fixture       *fixture,
             gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  GListModel *people = shown_rows (window, "people");
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GListModel) everyone = NULL;
  g_autoptr(GError) error = NULL;

  store = lectern_store_open (fixture->path, &error);
  g_assert_no_error (error);
  everyone = lectern_store_list_people (store, &error);
  g_assert_no_error (error);

  lectern_test_show_page (window, "people");
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, g_list_model_get_n_items (everyone));

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    g_assert_true (LECTERN_IS_PERSON (g_list_model_get_item (people, i)) &&
                   (g_object_unref (g_list_model_get_item (people, i)), TRUE));

  /* A person's roles show on the row; people never move (they are in
   * alphabetical order).
   */
  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (lectern_test_list_page (window, "people")), "Speaker"));
  lectern_test_select_row (window, "people", 0);
  {
    g_autoptr(GObject) first = g_list_model_get_item (people, 0);
    g_autoptr(GObject) still_first = NULL;

    activate (window, lectern_test_list_page (window, "people"), "page.move-down");
    still_first = g_list_model_get_item (people, 0);
    g_assert_true (first == still_first);
  }

  lectern_test_close_window (window);
}

/* Tests: editing */

static void
test_edit_event (Fixture       *fixture,
                 gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  AdwEntryRow *venue = event_child (window, "venue_row");
  AdwEntryRow *timezone = event_child (window, "timezone_row");
  AdwEntryRow *site = event_child (window, "site_row");
  g_autoptr(LecternStore) other = NULL;
  g_autoptr(LecternEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  type_into (window, venue, "Hawaii Convention Center, Honolulu  ");

  /* A time zone GLib does not know, and a bad address: marked as typed,
   * and not saved.
   */
  type_into (window, timezone, "Mars/Olympus_Mons");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (timezone), "error"));
  type_into (window, site, "not a web address");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (site), "error"));

  other = lectern_store_open (fixture->path, &error);
  g_assert_no_error (error);
  event = lectern_store_get_event (other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_event_get_venue (event), ==, "Hawaii Convention Center, Honolulu");
  g_assert_cmpstr (lectern_event_get_timezone (event), ==, "Pacific/Honolulu");
  g_assert_cmpstr (lectern_event_get_site_url (event), !=, "not a web address");

  /* Fixed, it is saved. */
  type_into (window, timezone, "Europe/Vienna");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (timezone), "error"));
  g_clear_object (&event);
  event = lectern_store_get_event (other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_event_get_timezone (event), ==, "Europe/Vienna");
  g_assert_cmpstr (gtk_label_get_text (event_child (window, "utc_offset_label")), ==, "UTC+2");

  lectern_test_close_window (window);
}

static void
test_edit_person (Fixture       *fixture,
                  gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  g_autoptr(LecternPerson) person = NULL;
  AdwEntryRow *affiliation;
  AdwEntryRow *homepage;
  AdwEntryRow *email;
  AdwComboRow *status;

  /* Ce Zhang, second speaker */
  lectern_test_select_row (window, "speakers", 1);
  affiliation = lectern_test_person_editor_child (window, "speakers", "affiliation_row");
  homepage = lectern_test_person_editor_child (window, "speakers", "homepage_row");
  email = lectern_test_person_editor_child (window, "speakers", "email_row");
  status = lectern_test_person_editor_child (window, "speakers", "status_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (affiliation)), ==, "ETH, Together");

  type_into (window, affiliation, "ETH Zürich");
  type_into (window, homepage, "zhangce dot github");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (homepage), "error"));
  type_into (window, email, "ce@example.org");
  adw_combo_row_set_selected (status, LECTERN_STATUS_CONFIRMED);
  lectern_test_settle (window);

  person = file_person (fixture->path, "Ce Zhang");
  g_assert_nonnull (person);
  g_assert_cmpstr (lectern_person_get_affiliation (person), ==, "ETH Zürich");
  g_assert_cmpstr (lectern_person_get_homepage (person), ==, "https://zhangce.github.io");
  g_assert_cmpstr (lectern_person_get_email (person), ==, "ce@example.org");
  g_assert_cmpint (lectern_person_get_status (person), ==, LECTERN_STATUS_CONFIRMED);

  /* The list shows the new affiliation, and Ce Zhang stays selected. */
  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (lectern_test_list_page (window, "speakers")), "ETH Zürich"));
  g_assert_cmpuint (gtk_single_selection_get_selected (lectern_list_page_get_selection (lectern_test_list_page (window, "speakers"))), ==, 1);

  /* Each edit is one undo step, named after it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lectern_test_settle (window);
  g_clear_object (&person);
  person = file_person (fixture->path, "Ce Zhang");
  g_assert_cmpint (lectern_person_get_status (person), ==, LECTERN_STATUS_NONE);
  g_assert_cmpstr (lectern_person_get_email (person), ==, "ce@example.org");
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==, LECTERN_STATUS_NONE);

  lectern_test_close_window (window);
}

/* … and when the organizer picks another row. */
static void
test_edit_saved_on_switch (Fixture       *fixture,
                           gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  g_autoptr(LecternPerson) person = NULL;

  lectern_test_select_row (window, "speakers", 3);
  gtk_editable_set_text (lectern_test_person_editor_child (window, "speakers", "notes_row"), "Vegetarian");
  lectern_test_select_row (window, "speakers", 4);

  person = file_person (fixture->path, "Tim Dettmers");
  g_assert_cmpstr (lectern_person_get_notes (person), ==, "Vegetarian");
  g_assert_cmpstr (gtk_editable_get_text (lectern_test_person_editor_child (window, "speakers", "name_row")),
                   ==, "Aakanksha Chowdhery");

  lectern_test_close_window (window);
}

/* What was typed and not yet saved is saved when the window closes. */
static void
test_edit_saved_on_close (Fixture       *fixture,
                          gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  g_autoptr(LecternPerson) person = NULL;
  AdwEntryRow *notes;

  lectern_test_select_row (window, "speakers", 3);
  notes = lectern_test_person_editor_child (window, "speakers", "notes_row");
  gtk_widget_grab_focus (GTK_WIDGET (notes));
  gtk_editable_set_text (GTK_EDITABLE (notes), "Flies in on Friday");
  lectern_test_settle (window);

  person = file_person (fixture->path, "Tim Dettmers");
  g_assert_cmpstr (lectern_person_get_notes (person), !=, "Flies in on Friday");
  g_clear_object (&person);

  gtk_window_close (GTK_WINDOW (window));
  lectern_test_flush ();
  person = file_person (fixture->path, "Tim Dettmers");
  g_assert_cmpstr (lectern_person_get_notes (person), ==, "Flies in on Friday");

  lectern_test_close_window (window);
}

static gboolean
has_n_items (gpointer user_data)
{
  GListModel *model = user_data;

  return g_list_model_get_n_items (model) == N_SPEAKERS + 1;
}

static void
test_external_change (Fixture       *fixture,
                      gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  GListModel *model = shown_rows (window, "speakers");
  g_autoptr(LecternStore) other = NULL;
  g_autoptr(LecternPerson) person = lectern_person_new ();
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(GObject) first_before = NULL;
  g_autoptr(GObject) first_after = NULL;
  g_autoptr(GError) error = NULL;

  lectern_test_select_row (window, "speakers", 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SPEAKERS);
  first_before = g_list_model_get_item (model, 0);

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

  g_assert_true (lectern_test_wait_until (has_n_items (model), 3000));
  lectern_test_settle (window);

  g_assert_cmpstr (card_name (model, N_SPEAKERS), ==, "Grace Hopper");
  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (lectern_test_list_page (window, "speakers")), "Grace Hopper"));

  /* Only the new row was spliced in: the others, and the selection, stay. */
  first_after = g_list_model_get_item (model, 0);
  g_assert_true (first_before == first_after);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 2));

  lectern_test_close_window (window);
}

/* A colleague gives the person shown another role: the editor's switch
 * follows, though the row itself did not change.
 */
static void
test_external_change_roles (Fixture       *fixture,
                            gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  g_autoptr(LecternStore) other = NULL;
  g_autoptr(LecternPerson) person = NULL;
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(GError) error = NULL;
  GtkSwitch *organizer;

  lectern_test_select_row (window, "speakers", 0);
  organizer = lectern_test_person_editor_child (window, "speakers", "organizer_switch");
  g_assert_false (gtk_switch_get_active (organizer));

  other = lectern_store_open (fixture->path, &error);
  g_assert_no_error (error);
  person = file_person (fixture->path, "Deepak Narayanan");
  card = lectern_store_add_card (other, person, LECTERN_ROLE_ORGANIZER, NULL, &error);
  g_assert_no_error (error);

  lectern_store_poll_changes (lectern_window_get_store (window));
  lectern_test_settle (window);
  g_assert_true (gtk_switch_get_active (organizer));
  g_assert_cmpuint (gtk_single_selection_get_selected (lectern_list_page_get_selection (lectern_test_list_page (window, "speakers"))), ==, 0);

  lectern_test_close_window (window);
}

/* Tests: conflicts */

typedef struct
{
  LecternWindow         *window;
  LecternConflictDialog *dialog;
} ConflictSetup;

/* The organizer types a new affiliation for Ce Zhang; before it is
 * saved, a colleague saves another. Saving meets the conflict.
 */
static LecternConflictDialog *
make_conflict (Fixture       *fixture,
               LecternWindow *window)
{
  g_autoptr(LecternStore) other = NULL;
  g_autoptr(LecternPerson) theirs = NULL;
  g_autoptr(GError) error = NULL;
  AdwEntryRow *affiliation;
  LecternConflictDialog *dialog;

  lectern_test_select_row (window, "speakers", 1);
  affiliation = lectern_test_person_editor_child (window, "speakers", "affiliation_row");
  gtk_editable_set_text (GTK_EDITABLE (affiliation), "Mine University");

  other = lectern_store_open (fixture->path, &error);
  g_assert_no_error (error);
  theirs = file_person (fixture->path, "Ce Zhang");
  lectern_person_set_affiliation (theirs, "Their Institute");
  lectern_person_set_homepage (theirs, "https://example.org/theirs");
  lectern_store_update_person (other, theirs, &error);
  g_assert_no_error (error);

  /* The window notices the change while the organizer types: the
   * field being edited keeps what they typed.
   */
  lectern_store_poll_changes (lectern_window_get_store (window));
  lectern_test_settle (window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (affiliation)), ==, "Mine University");

  g_signal_emit_by_name (affiliation, "apply");
  lectern_test_settle (window);

  dialog = lectern_test_find_toplevel (LECTERN_TYPE_CONFLICT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (lectern_conflict_dialog_get_n_differences (dialog), ==, 1);
  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (dialog), "Their Institute"));
  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (dialog), "Mine University"));

  /* Nothing is overwritten while the organizer chooses. */
  g_clear_object (&theirs);
  theirs = file_person (fixture->path, "Ce Zhang");
  g_assert_cmpstr (lectern_person_get_affiliation (theirs), ==, "Their Institute");

  return dialog;
}

/* An enum field reads as its name ("Invited"), not as a number. */
static void
test_conflict_enum_values (Fixture       *fixture,
                           gconstpointer  data)
{
  static const LecternConflictField fields[] = { { "status", "Invitation" } };
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  g_autoptr(LecternPerson) theirs = lectern_person_new ();
  g_autoptr(LecternPerson) mine = lectern_person_new ();
  GtkWidget *dialog;

  lectern_person_set_name (theirs, "Ce Zhang");
  lectern_person_set_name (mine, "Ce Zhang");
  lectern_person_set_status (theirs, LECTERN_STATUS_INVITED);
  lectern_person_set_status (mine, LECTERN_STATUS_CONFIRMED);
  dialog = lectern_conflict_dialog_new (GTK_WINDOW (window), "Ce Zhang", theirs, mine, fields, 1);
  gtk_window_present (GTK_WINDOW (dialog));
  lectern_test_settle (window);

  g_assert_cmpuint (lectern_conflict_dialog_get_n_differences (LECTERN_CONFLICT_DIALOG (dialog)), ==, 1);
  g_assert_true (lectern_test_has_mapped_label (dialog, "Invited"));
  g_assert_true (lectern_test_has_mapped_label (dialog, "Confirmed"));
  g_assert_false (lectern_test_has_mapped_label (dialog, "1"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  lectern_test_close_window (window);
}

static void
test_conflict_keep_mine (Fixture       *fixture,
                         gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternConflictDialog *dialog = make_conflict (fixture, window);
  g_autoptr(LecternPerson) person = NULL;

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  lectern_test_settle (window);

  person = file_person (fixture->path, "Ce Zhang");
  g_assert_cmpstr (lectern_person_get_affiliation (person), ==, "Mine University");
  g_assert_cmpstr (gtk_editable_get_text (lectern_test_person_editor_child (window, "speakers", "affiliation_row")),
                   ==, "Mine University");

  /* The colleague's change to a field the organizer did not touch stays. */
  g_assert_cmpstr (lectern_person_get_homepage (person), ==, "https://example.org/theirs");

  lectern_test_close_window (window);
}

static void
test_conflict_use_theirs (Fixture       *fixture,
                          gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternConflictDialog *dialog = make_conflict (fixture, window);
  g_autoptr(LecternPerson) person = NULL;
  AdwToastOverlay *overlay = lectern_test_template_child (window, LECTERN_TYPE_WINDOW, "toast_overlay");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "theirs");
  lectern_test_settle (window);

  person = file_person (fixture->path, "Ce Zhang");
  g_assert_cmpstr (lectern_person_get_affiliation (person), ==, "Their Institute");
  g_assert_cmpstr (gtk_editable_get_text (lectern_test_person_editor_child (window, "speakers", "affiliation_row")),
                   ==, "Their Institute");

  /* The organizer's version is not lost: the toast can restore it. */
  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (overlay), "Your changes to “Ce Zhang” were not saved"));

  lectern_test_close_window (window);
}

/* A colleague's change to another field of the row is no conflict: the
 * edit is saved on top of it, and both are in the file.
 */
static void
test_conflict_merged (Fixture       *fixture,
                      gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  g_autoptr(LecternStore) other = NULL;
  g_autoptr(LecternPerson) theirs = NULL;
  g_autoptr(LecternPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  AdwEntryRow *affiliation;

  lectern_test_select_row (window, "speakers", 1);
  affiliation = lectern_test_person_editor_child (window, "speakers", "affiliation_row");
  gtk_editable_set_text (GTK_EDITABLE (affiliation), "Mine University");

  /* Saved before the window polls the file: the row's rev is stale. */
  other = lectern_store_open (fixture->path, &error);
  g_assert_no_error (error);
  theirs = file_person (fixture->path, "Ce Zhang");
  lectern_person_set_homepage (theirs, "https://example.org/ce");
  lectern_store_update_person (other, theirs, &error);
  g_assert_no_error (error);

  g_signal_emit_by_name (affiliation, "apply");
  lectern_test_settle (window);

  g_assert_null (lectern_test_find_toplevel (LECTERN_TYPE_CONFLICT_DIALOG));
  person = file_person (fixture->path, "Ce Zhang");
  g_assert_cmpstr (lectern_person_get_affiliation (person), ==, "Mine University");
  g_assert_cmpstr (lectern_person_get_homepage (person), ==, "https://example.org/ce");
  g_assert_cmpstr (gtk_editable_get_text (lectern_test_person_editor_child (window, "speakers", "homepage_row")),
                   ==, "https://example.org/ce");

  lectern_test_close_window (window);
}

/* Tests: undo and redo */

static void
activate (LecternWindow *window,
          gpointer       widget,
          const char    *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  lectern_test_settle (window);
}

static gboolean
no_removal_toast (gpointer user_data)
{
  return !lectern_test_has_mapped_label (lectern_test_template_child (user_data, LECTERN_TYPE_WINDOW, "toast_overlay"),
                            "“Natalia Vassilieva” removed from Speakers");
}

/* The name on the selected row of @page's list. */
static const char *
selected_name (LecternListPage *page)
{
  GtkSingleSelection *selection = lectern_list_page_get_selection (page);

  return card_name (G_LIST_MODEL (selection), gtk_single_selection_get_selected (selection));
}

static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternListPage *speakers = lectern_test_list_page (window, "speakers");
  g_autofree char *original = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_autofree char *order = NULL;
  g_autoptr(LecternPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  lectern_test_show_page (window, "speakers");
  g_assert_false (lectern_store_can_undo (lectern_window_get_store (window)));

  /* Add */
  g_assert_true (lectern_cards_page_add_person (LECTERN_CARDS_PAGE (speakers), "Grace Hopper", &error));
  g_assert_no_error (error);
  lectern_test_settle (window);
  order = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_assert_true (g_str_has_suffix (order, ", Grace Hopper"));
  g_assert_cmpstr (card_name (G_LIST_MODEL (lectern_list_page_get_selection (speakers)),
                              gtk_single_selection_get_selected (lectern_list_page_get_selection (speakers))),
                   ==, "Grace Hopper");
  activate (window, window, "win.undo");
  g_clear_pointer (&order, g_free);
  order = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_assert_cmpstr (order, ==, original);
  g_assert_null (file_person (fixture->path, "Grace Hopper"));
  activate (window, window, "win.redo");
  g_clear_pointer (&order, g_free);
  order = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_assert_true (g_str_has_suffix (order, ", Grace Hopper"));
  activate (window, window, "win.undo");

  /* Edit */
  lectern_test_select_row (window, "speakers", 0);
  type_into (window, lectern_test_person_editor_child (window, "speakers", "affiliation_row"), "MSR Redmond");
  person = file_person (fixture->path, "Deepak Narayanan");
  g_assert_cmpstr (lectern_person_get_affiliation (person), ==, "MSR Redmond");
  /* undone from another row, the undo shows the row it changed */
  lectern_test_select_row (window, "speakers", 1);
  activate (window, window, "win.undo");
  g_assert_cmpstr (selected_name (speakers), ==, "Deepak Narayanan");
  g_clear_object (&person);
  person = file_person (fixture->path, "Deepak Narayanan");
  g_assert_cmpstr (lectern_person_get_affiliation (person), ==, "Microsoft Research");
  g_assert_cmpstr (gtk_editable_get_text (lectern_test_person_editor_child (window, "speakers", "affiliation_row")),
                   ==, "Microsoft Research");
  activate (window, window, "win.redo");
  g_clear_object (&person);
  person = file_person (fixture->path, "Deepak Narayanan");
  g_assert_cmpstr (lectern_person_get_affiliation (person), ==, "MSR Redmond");
  activate (window, window, "win.undo");

  /* Remove (Delete in the list), with a toast offering Undo */
  lectern_test_select_row (window, "speakers", 2);
  activate (window, speakers, "page.remove");
  g_clear_pointer (&order, g_free);
  order = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_assert_null (strstr (order, "Natalia Vassilieva"));
  g_assert_true (lectern_test_has_mapped_label (lectern_test_template_child (window, LECTERN_TYPE_WINDOW, "toast_overlay"),
                                   "“Natalia Vassilieva” removed from Speakers"));
  activate (window, window, "win.undo");
  g_clear_pointer (&order, g_free);
  order = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_assert_cmpstr (order, ==, original);
  /* the row put back is selected again */
  g_assert_cmpstr (selected_name (speakers), ==, "Natalia Vassilieva");
  /* Its step undone, the toast goes: its Undo would revert another. */
  g_assert_true (lectern_test_wait_until (no_removal_toast (window), 3000));
  activate (window, window, "win.redo");
  g_clear_pointer (&order, g_free);
  order = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_assert_null (strstr (order, "Natalia Vassilieva"));
  activate (window, window, "win.undo");

  /* Reorder */
  lectern_test_select_row (window, "speakers", 0);
  activate (window, speakers, "page.move-down");
  g_clear_pointer (&order, g_free);
  order = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_assert_true (g_str_has_prefix (order, "Ce Zhang, Deepak Narayanan, "));
  activate (window, window, "win.undo");
  g_clear_pointer (&order, g_free);
  order = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_assert_cmpstr (order, ==, original);
  activate (window, window, "win.redo");
  g_clear_pointer (&order, g_free);
  order = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_assert_true (g_str_has_prefix (order, "Ce Zhang, Deepak Narayanan, "));

  lectern_test_close_window (window);
}

/* The menu button of @menu whose label is @text, if it is shown. */
static GtkWidget *
find_menu_button (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return gtk_widget_get_ancestor (widget, g_type_from_name ("GtkModelButton"));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
shown_popover (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER_MENU (child) && gtk_widget_get_visible (child))
        return child;
    }

  return NULL;
}

/* Shift+F10 shows the selected row's menu: its moves, hidden where the
 * list has no order of its own, and its removal, which works.
 */
static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternListPage *speakers = lectern_test_list_page (window, "speakers");
  LecternListPage *people = lectern_test_list_page (window, "people");
  g_autofree char *order = NULL;
  GtkWidget *menu;
  GtkWidget *button;

  lectern_test_show_page (window, "speakers");
  /* nothing selected, no menu */
  activate (window, speakers, "page.context-menu");
  g_assert_null (shown_popover (GTK_WIDGET (speakers)));

  lectern_test_select_row (window, "speakers", 2);
  activate (window, speakers, "page.context-menu");
  menu = shown_popover (GTK_WIDGET (speakers));
  g_assert_nonnull (menu);
  g_assert_nonnull (find_menu_button (menu, "Move Up"));
  g_assert_nonnull (find_menu_button (menu, "Move to Position…"));
  button = find_menu_button (menu, "Remove from Speakers");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  lectern_test_settle (window);
  g_assert_false (gtk_widget_get_visible (menu));
  order = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_assert_null (strstr (order, "Natalia Vassilieva"));

  /* the People list has no order: no moves in its menu */
  lectern_test_show_page (window, "people");
  lectern_test_select_row (window, "people", 0);
  activate (window, people, "page.context-menu");
  menu = shown_popover (GTK_WIDGET (people));
  g_assert_nonnull (menu);
  g_assert_null (find_menu_button (menu, "Move Up"));
  g_assert_nonnull (find_menu_button (menu, "Remove Person"));
  gtk_popover_popdown (GTK_POPOVER (menu));
  lectern_test_settle (window);

  lectern_test_close_window (window);
}

/* The entry of the "Add …" dialog now open, and the label under it. */
static AdwMessageDialog *
add_dialog (GtkEditable **entry,
            GtkWidget   **hint)
{
  AdwMessageDialog *dialog = lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *box;

  g_assert_nonnull (dialog);
  box = adw_message_dialog_get_extra_child (dialog);
  *entry = GTK_EDITABLE (gtk_widget_get_first_child (box));
  g_assert_true (GTK_IS_ENTRY (*entry));
  if (hint != NULL)
    *hint = gtk_widget_get_next_sibling (GTK_WIDGET (*entry));

  return dialog;
}

/* The Add dialogs: Add only once a name is typed; someone already in the
 * workshop is named as such and gets a card, not a second entry; Enter
 * adds a sponsor.
 */
static void
test_add_dialog (Fixture       *fixture,
                 gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternListPage *speakers = lectern_test_list_page (window, "speakers");
  LecternListPage *sponsors = lectern_test_list_page (window, "sponsors");
  guint n_people = g_list_model_get_n_items (lectern_list_page_get_items (lectern_test_list_page (window, "people")));
  guint n_sponsors = g_list_model_get_n_items (lectern_list_page_get_items (sponsors));
  g_autofree char *order = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  GtkWidget *hint;

  lectern_test_show_page (window, "speakers");
  activate (window, speakers, "page.add");
  dialog = add_dialog (&entry, &hint);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  g_assert_false (gtk_widget_get_visible (hint));

  gtk_editable_set_text (entry, "  Dan Fu ");   /* an organizer */
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), "already in the workshop"));

  adw_message_dialog_response (dialog, "add");
  gtk_window_close (GTK_WINDOW (dialog));
  lectern_test_settle (window);
  order = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_assert_true (g_str_has_suffix (order, ", Dan Fu"));
  g_assert_cmpuint (g_list_model_get_n_items (lectern_list_page_get_items (lectern_test_list_page (window, "people"))),
                    ==, n_people);

  lectern_test_show_page (window, "sponsors");
  activate (window, sponsors, "page.add");
  dialog = add_dialog (&entry, NULL);
  gtk_editable_set_text (entry, "Lambda");
  g_signal_emit_by_name (entry, "activate");
  lectern_test_settle (window);
  g_assert_null (lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (lectern_list_page_get_items (sponsors)), ==, n_sponsors + 1);

  lectern_test_close_window (window);
}

/* An undo that would revert a colleague's later change is refused, with
 * the reason, and changes nothing.
 */
static void
test_undo_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  g_autoptr(LecternStore) other = NULL;
  g_autoptr(LecternPerson) theirs = NULL;
  g_autoptr(LecternPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  lectern_test_select_row (window, "speakers", 0);
  type_into (window, lectern_test_person_editor_child (window, "speakers", "affiliation_row"), "MSR Redmond");

  other = lectern_store_open (fixture->path, &error);
  g_assert_no_error (error);
  lectern_store_set_actor (other, "colleague@elsewhere");
  theirs = file_person (fixture->path, "Deepak Narayanan");
  lectern_person_set_affiliation (theirs, "Stanford");
  lectern_store_update_person (other, theirs, &error);
  g_assert_no_error (error);
  lectern_store_poll_changes (lectern_window_get_store (window));
  lectern_test_settle (window);

  activate (window, window, "win.undo");
  dialog = lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Cannot Undo"));

  person = file_person (fixture->path, "Deepak Narayanan");
  g_assert_cmpstr (lectern_person_get_affiliation (person), ==, "Stanford");

  lectern_test_close_window (window);
}

/* Tests: reordering */

/* Drags the first speaker onto the third: the drop target's signal, as
 * GTK emits it at the end of a drag.
 */
static char *
reorder_by_drop (Fixture *fixture)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternListPage *speakers = lectern_test_list_page (window, "speakers");
  GListModel *model = shown_rows (window, "speakers");
  g_autoptr(LecternCard) dragged = NULL;
  g_autoptr(LecternCard) target = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *drop_target;
  LecternListRow *row;
  gboolean handled = FALSE;

  lectern_test_show_page (window, "speakers");
  dragged = g_list_model_get_item (model, 0);
  target = g_list_model_get_item (model, 2);

  row = find_row (speakers, lectern_card_get_id (target));
  g_assert_nonnull (row);
  drop_target = find_controller (GTK_WIDGET (row), GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (drop_target);

  /* What the drag source would offer: the row's own model object. */
  {
    GtkDragSource *source = find_controller (GTK_WIDGET (find_row (speakers, lectern_card_get_id (dragged))),
                                             GTK_TYPE_DRAG_SOURCE);
    g_autoptr(GdkContentProvider) provider = NULL;
    g_auto(GValue) offered = G_VALUE_INIT;
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (source);
    g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &provider);
    g_assert_nonnull (provider);
    g_value_init (&offered, LECTERN_TYPE_CARD);
    g_assert_true (gdk_content_provider_get_value (provider, &offered, &error));
    g_assert_no_error (error);
    g_assert_true (g_value_get_object (&offered) == (gpointer) dragged);
  }

  g_value_init (&value, LECTERN_TYPE_CARD);
  g_value_set_object (&value, dragged);
  g_signal_emit_by_name (drop_target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);
  lectern_test_settle (window);

  /* The dragged row is selected, at its new place. */
  g_assert_cmpuint (gtk_single_selection_get_selected (lectern_list_page_get_selection (speakers)), ==, 2);
  g_assert_cmpstr (card_name (model, 2), ==, "Deepak Narayanan");

  lectern_test_close_window (window);
  return file_order (fixture->path, LECTERN_ROLE_SPEAKER);
}

/* The same move with Alt+Down twice. */
static char *
reorder_by_keyboard (Fixture *fixture)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternListPage *speakers = lectern_test_list_page (window, "speakers");
  GListModel *model = shown_rows (window, "speakers");

  lectern_test_select_row (window, "speakers", 0);
  activate (window, speakers, "page.move-down");
  g_assert_cmpuint (gtk_single_selection_get_selected (lectern_list_page_get_selection (speakers)), ==, 1);
  activate (window, speakers, "page.move-down");
  g_assert_cmpuint (gtk_single_selection_get_selected (lectern_list_page_get_selection (speakers)), ==, 2);
  g_assert_cmpstr (card_name (model, 2), ==, "Deepak Narayanan");

  /* The moved row has the keyboard. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    LecternListRow *row = find_row (speakers, lectern_card_get_id (g_list_model_get_item (model, 2)));

    g_object_unref (g_list_model_get_item (model, 2));
    g_assert_nonnull (row);
    g_assert_true (focus == gtk_widget_get_parent (GTK_WIDGET (row)));
  }

  lectern_test_close_window (window);
  return file_order (fixture->path, LECTERN_ROLE_SPEAKER);
}

static void
test_reorder_drop_and_keyboard (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *by_drop = reorder_by_drop (fixture);
  g_autofree char *by_keyboard = NULL;
  g_autoptr(GError) error = NULL;
  Fixture second = { 0 };

  lectern_test_demo_set_up (&second, NULL);
  by_keyboard = reorder_by_keyboard (&second);
  lectern_test_workshop_tear_down (&second, NULL);

  g_assert_cmpstr (by_drop, ==,
                   "Ce Zhang, Natalia Vassilieva, Deepak Narayanan, Tim Dettmers, "
                   "Aakanksha Chowdhery, Natalia Gimelshein, Philippe Tillet");
  g_assert_cmpstr (by_drop, ==, by_keyboard);
}

/* A drop from another program (no GdkDrag) is refused; so is a card
 * of another list.
 */
static void
test_reorder_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternListPage *speakers = lectern_test_list_page (window, "speakers");
  g_autofree char *original = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_autofree char *order = NULL;
  g_autoptr(LecternCard) organizer = NULL;
  g_autoptr(LecternCard) target = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *drop_target;
  gboolean handled = TRUE;

  lectern_test_show_page (window, "speakers");
  organizer = g_list_model_get_item (shown_rows (window, "organizers"), 0);
  target = g_list_model_get_item (shown_rows (window, "speakers"), 1);
  drop_target = find_controller (GTK_WIDGET (find_row (speakers, lectern_card_get_id (target))),
                                 GTK_TYPE_DROP_TARGET);

  g_value_init (&value, LECTERN_TYPE_CARD);
  g_value_set_object (&value, organizer);
  g_signal_emit_by_name (drop_target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_false (handled);
  lectern_test_settle (window);

  order = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_assert_cmpstr (order, ==, original);

  lectern_test_close_window (window);
}

static void
move_to_response (AdwMessageDialog *dialog,
                  int               position)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (adw_message_dialog_get_extra_child (dialog));

  gtk_spin_button_set_value (spin, position);
  adw_message_dialog_response (dialog, "move");
}

static void
test_move_to_position (Fixture       *fixture,
                       gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternListPage *speakers = lectern_test_list_page (window, "speakers");
  AdwMessageDialog *dialog;
  g_autofree char *order = NULL;

  lectern_test_select_row (window, "speakers", 6);
  activate (window, speakers, "page.move-to");
  dialog = lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (adw_message_dialog_get_extra_child (dialog))), ==, 7);
  move_to_response (dialog, 1);
  lectern_test_settle (window);

  order = file_order (fixture->path, LECTERN_ROLE_SPEAKER);
  g_assert_true (g_str_has_prefix (order, "Philippe Tillet, Deepak Narayanan, "));
  g_assert_cmpuint (gtk_single_selection_get_selected (lectern_list_page_get_selection (speakers)), ==, 0);

  lectern_test_close_window (window);
}

/* Tests: search, filter, photos, roles */

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternListPage *speakers = lectern_test_list_page (window, "speakers");
  GListModel *model = shown_rows (window, "speakers");
  GtkSearchBar *bar = lectern_test_template_child (speakers, LECTERN_TYPE_LIST_PAGE, "search_bar");

  lectern_test_show_page (window, "speakers");
  activate (window, window, "win.search");
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  lectern_list_page_set_query (speakers, "natalia", LECTERN_ANY_STATUS);
  lectern_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (card_name (model, 0), ==, "Natalia Vassilieva");

  /* By affiliation, ignoring case and accents */
  lectern_list_page_set_query (speakers, "openai", LECTERN_ANY_STATUS);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* By status: nobody is confirmed yet */
  lectern_list_page_set_query (speakers, "", LECTERN_STATUS_CONFIRMED);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (lectern_test_template_child (speakers, LECTERN_TYPE_LIST_PAGE, "list_stack")),
                   ==, "no-results");
  lectern_list_page_set_query (speakers, "", LECTERN_STATUS_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SPEAKERS);

  /* Ctrl+F again: every row is back. */
  activate (window, window, "win.search");
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SPEAKERS);

  lectern_test_close_window (window);
}

static guint
badge (LecternWindow *window,
       const char    *name)
{
  AdwViewStack *stack = lectern_test_template_child (window, LECTERN_TYPE_WINDOW, "view_stack");
  GtkWidget *child = adw_view_stack_get_child_by_name (stack, name);

  return adw_view_stack_page_get_badge_number (adw_view_stack_get_page (stack, child));
}

/* One search across the lists: what is typed in one list's search bar
 * filters the others too, and the view switcher counts the matches of
 * each; closing the search closes it everywhere.
 */
static void
test_search_across (Fixture       *fixture,
                    gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternListPage *speakers = lectern_test_list_page (window, "speakers");
  LecternListPage *sponsors = lectern_test_list_page (window, "sponsors");
  const char *names[] = { "speakers", "panelists", "organizers", "people", "sponsors" };

  lectern_test_show_page (window, "speakers");
  g_assert_cmpuint (badge (window, "speakers"), ==, 0);
  activate (window, window, "win.search");
  lectern_list_page_set_query (speakers, "together", LECTERN_ANY_STATUS);
  lectern_test_settle (window);

  /* the other lists' search bars opened without taking the keyboard */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         lectern_test_template_child (speakers, LECTERN_TYPE_LIST_PAGE, "search_entry")));
  g_assert_cmpuint (badge (window, "speakers"), ==, 1);    /* Ce Zhang */
  g_assert_cmpuint (badge (window, "sponsors"), ==, 1);    /* Together */
  g_assert_cmpuint (badge (window, "people"), >=, 4);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpuint (badge (window, names[i]), ==,
                      lectern_list_page_get_n_matches (lectern_test_list_page (window, names[i])));

  /* the sponsors are already searched, with the same text */
  lectern_test_show_page (window, "sponsors");
  g_assert_true (lectern_list_page_get_search_mode (sponsors));
  g_assert_cmpstr (lectern_list_page_get_query (sponsors), ==, "together");
  g_assert_cmpuint (lectern_list_page_get_n_matches (sponsors), ==, 1);

  /* typed there, it goes back to the speakers */
  lectern_list_page_set_search_text (sponsors, "openai");
  lectern_test_settle (window);
  g_assert_cmpstr (lectern_list_page_get_query (speakers), ==, "openai");
  g_assert_cmpuint (badge (window, "speakers"), ==, 2);
  g_assert_cmpuint (badge (window, "sponsors"), ==, 0);

  /* closed in one list, closed in all, every row back at once (not
   * after the search entry's delay) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_false (lectern_list_page_get_search_mode (speakers));
  g_assert_cmpuint (lectern_list_page_get_n_matches (speakers), ==, N_SPEAKERS);
  g_assert_cmpuint (lectern_list_page_get_n_matches (sponsors), ==,
                    g_list_model_get_n_items (lectern_list_page_get_items (sponsors)));
  lectern_test_settle (window);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpuint (badge (window, names[i]), ==, 0);

  lectern_test_close_window (window);
}

/* A search, or its end, shows the rows from the first: not wherever the
 * rows coming and going have left the view (a list of 300 ended in its
 * middle).
 */
static void
test_search_scroll (Fixture       *fixture,
                    gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternListPage *people = lectern_test_list_page (window, "people");
  GtkWidget *view = GTK_WIDGET (lectern_list_page_get_list_view (people));
  GtkAdjustment *adjustment;
  g_autoptr(LecternStore) store = lectern_store_open (fixture->path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (lectern_store_begin (store, &error));
  for (int i = 0; i < 300; i++)
    {
      g_autoptr(LecternPerson) person = lectern_person_new ();
      g_autofree char *name = g_strdup_printf ("Person %03d", i);

      lectern_person_set_name (person, name);
      g_assert_true (lectern_store_add_person (store, person, &error));
    }
  g_assert_true (lectern_store_commit (store, &error));
  lectern_window_reload (window);

  lectern_test_show_page (window, "people");
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, 2 * gtk_adjustment_get_page_size (adjustment));

  lectern_list_page_set_query (people, "person 2", LECTERN_ANY_STATUS);
  lectern_test_settle (window);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  lectern_test_settle (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  lectern_list_page_set_search_mode (people, FALSE);
  lectern_test_settle (window);
  g_assert_cmpuint (lectern_list_page_get_n_matches (people), >, 300);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  lectern_test_close_window (window);
}

typedef struct
{
  int      chosen;
  int      refused;
  GError  *error;
} PickerResult;

static void
picker_chosen_cb (LecternImagePicker *picker,
                  GBytes             *image,
                  PickerResult       *result)
{
  result->chosen++;
}

static void
picker_refused_cb (LecternImagePicker *picker,
                   GError             *error,
                   PickerResult       *result)
{
  result->refused++;
  g_clear_error (&result->error);
  result->error = g_error_copy (error);
}

static gboolean
picker_done (gpointer user_data)
{
  PickerResult *result = user_data;

  return result->chosen + result->refused > 0;
}

static char *
write_image (const char *dir,
             const char *name,
             int         width,
             int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);

  return path;
}

static void
load_photo (LecternWindow      *window,
            LecternImagePicker *picker,
            const char         *path,
            PickerResult       *result)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  result->chosen = result->refused = 0;
  lectern_image_picker_load_file (picker, file);
  g_assert_true (lectern_test_wait_until (picker_done (result), 5000));
  lectern_test_settle (window);
}

static void
test_photo (Fixture       *fixture,
            gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  g_autofree char *small = write_image (fixture->dir, "small.png", 300, 600);
  g_autofree char *good = write_image (fixture->dir, "good.png", 640, 480);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.png", NULL);
  g_autoptr(LecternPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  PickerResult result = { 0 };
  LecternImagePicker *picker;
  AdwMessageDialog *dialog;
  GdkPaintable *preview;

  g_file_set_contents (text, "not an image", -1, &error);
  g_assert_no_error (error);

  lectern_test_select_row (window, "speakers", 3);
  picker = lectern_test_person_editor_child (window, "speakers", "photo_picker");
  g_signal_connect (picker, "image-chosen", G_CALLBACK (picker_chosen_cb), &result);
  g_signal_connect (picker, "refused", G_CALLBACK (picker_refused_cb), &result);

  /* Too small: refused, with a message saying why. */
  load_photo (window, picker, small, &result);
  g_assert_cmpint (result.refused, ==, 1);
  g_assert_error (result.error, LECTERN_IMAGE_PICKER_ERROR, LECTERN_IMAGE_PICKER_ERROR_TOO_SMALL);
  dialog = lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Photo Too Small");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "300 × 600"));
  lectern_test_close_dialogs ();

  /* Not an image */
  load_photo (window, picker, text, &result);
  g_assert_error (result.error, LECTERN_IMAGE_PICKER_ERROR, LECTERN_IMAGE_PICKER_ERROR_NOT_AN_IMAGE);
  lectern_test_close_dialogs ();

  person = file_person (fixture->path, "Tim Dettmers");
  g_assert_null (lectern_person_get_photo (person));

  /* A good one: stored in the file, as the square the site gets. */
  load_photo (window, picker, good, &result);
  g_assert_cmpint (result.chosen, ==, 1);
  g_clear_object (&person);
  person = file_person (fixture->path, "Tim Dettmers");
  g_assert_nonnull (lectern_person_get_photo (person));

  preview = lectern_image_picker_get_preview (picker);
  g_assert_nonnull (preview);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (preview), ==, 480);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (preview), ==, 480);

  g_signal_handlers_disconnect_by_data (picker, &result);
  g_clear_error (&result.error);
  lectern_test_close_window (window);
}

/* A file dropped on the editor goes to the photo. */
static void
test_photo_drop (Fixture       *fixture,
                 gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  g_autofree char *good = write_image (fixture->dir, "good.png", 500, 500);
  g_autoptr(GFile) file = g_file_new_for_path (good);
  g_autoptr(LecternPerson) person = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  PickerResult result = { 0 };
  LecternImagePicker *picker;
  GtkDropTarget *target;
  GtkWidget *editor;
  GSList list = { file, NULL };
  gboolean handled = FALSE;

  lectern_test_select_row (window, "speakers", 4);
  editor = lectern_list_page_get_editor (lectern_test_list_page (window, "speakers"));
  picker = lectern_test_person_editor_child (window, "speakers", "photo_picker");
  g_signal_connect (picker, "image-chosen", G_CALLBACK (picker_chosen_cb), &result);

  target = find_controller (editor, GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (&list));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);
  g_assert_true (lectern_test_wait_until (picker_done (&result), 5000));
  lectern_test_settle (window);

  person = file_person (fixture->path, "Aakanksha Chowdhery");
  g_assert_nonnull (lectern_person_get_photo (person));

  g_signal_handlers_disconnect_by_data (picker, &result);
  lectern_test_close_window (window);
}

static void
test_roles (Fixture       *fixture,
            gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  GtkSwitch *organizer;
  GtkSwitch *speaker;
  g_autofree char *order = NULL;

  /* Deepak Narayanan becomes an organizer too, then stops being a
   * speaker: his speaker card is hidden, not removed.
   */
  lectern_test_select_row (window, "speakers", 0);
  organizer = lectern_test_person_editor_child (window, "speakers", "organizer_switch");
  speaker = lectern_test_person_editor_child (window, "speakers", "speaker_switch");
  g_assert_true (gtk_switch_get_active (speaker));
  g_assert_false (gtk_switch_get_active (organizer));

  gtk_switch_set_active (organizer, TRUE);
  lectern_test_settle (window);
  order = file_order (fixture->path, LECTERN_ROLE_ORGANIZER);
  g_assert_true (g_str_has_suffix (order, ", Deepak Narayanan"));
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (window, "organizers")), ==, 8);

  gtk_switch_set_active (speaker, FALSE);
  lectern_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (window, "speakers")), ==, N_SPEAKERS);
  {
    g_autoptr(LecternCard) card = g_list_model_get_item (shown_rows (window, "speakers"), 0);

    g_assert_true (lectern_card_get_archived (card));
  }

  lectern_test_close_window (window);
}

static void
test_sponsors (Fixture       *fixture,
               gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternListPage *sponsors = lectern_test_list_page (window, "sponsors");
  GListModel *model = shown_rows (window, "sponsors");
  g_autoptr(LecternStore) other = NULL;
  g_autoptr(GListModel) in_file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  lectern_test_show_page (window, "sponsors");
  g_assert_true (lectern_sponsors_page_add_sponsor (LECTERN_SPONSORS_PAGE (sponsors), "Lambda", &error));
  g_assert_no_error (error);
  lectern_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpuint (gtk_single_selection_get_selected (lectern_list_page_get_selection (sponsors)), ==, 1);

  editor = lectern_list_page_get_editor (sponsors);
  type_into (window, lectern_test_template_child (editor, LECTERN_TYPE_SPONSOR_EDITOR, "url_row"), "https://lambdalabs.com");
  type_into (window, lectern_test_template_child (editor, LECTERN_TYPE_SPONSOR_EDITOR, "tier_row"), "Gold");
  activate (window, sponsors, "page.move-up");

  other = lectern_store_open (fixture->path, &error);
  g_assert_no_error (error);
  in_file = lectern_store_list_sponsors (other, &error);
  g_assert_no_error (error);
  {
    g_autoptr(LecternSponsor) first = g_list_model_get_item (in_file, 0);

    g_assert_cmpstr (lectern_sponsor_get_name (first), ==, "Lambda");
    g_assert_cmpstr (lectern_sponsor_get_url (first), ==, "https://lambdalabs.com");
    g_assert_cmpstr (lectern_sponsor_get_tier (first), ==, "Gold");
  }

  lectern_test_close_window (window);
}

/* Tests: read-only files */

static void
check_read_only (const char *path,
                 const char *reason_part)
{
  LecternWindow *window = lectern_test_open_window (app, path);
  GtkRevealer *revealer = lectern_test_template_child (window, LECTERN_TYPE_WINDOW, "read_only_revealer");
  GtkLabel *label = lectern_test_template_child (window, LECTERN_TYPE_WINDOW, "read_only_label");

  g_assert_true (lectern_store_get_read_only (lectern_window_get_store (window)));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (label),
                            lectern_store_get_read_only_reason (lectern_window_get_store (window))));
  g_assert_nonnull (strstr (gtk_label_get_text (label), reason_part));

  /* Still shows the workshop, but nothing can be changed. */
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (window, "speakers")), ==, N_SPEAKERS);
  lectern_test_select_row (window, "speakers", 0);
  g_assert_false (gtk_editable_get_editable (lectern_test_person_editor_child (window, "speakers", "name_row")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add", NULL);
  gtk_widget_activate_action (GTK_WIDGET (lectern_test_list_page (window, "speakers")), "page.move-down", NULL);
  lectern_test_settle (window);
  g_assert_null (lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (card_name (shown_rows (window, "speakers"), 0), ==, demo_speakers[0]);

  lectern_test_close_window (window);
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
  gsize length;

  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, length, &error);
  g_assert_no_error (error);

  lectern_test_sql_exec (copy, sql);

  check_read_only (copy, "newer version");
}

/* Tests: the application */

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

  lectern_test_close_window (window);
}

static void
test_open_foreign_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.lectern", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) expected = NULL;
  g_autoptr(LecternStore) store = NULL;
  LecternStartWindow *start = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "Speakers: ask Grace.\n", -1, &error);
  g_assert_no_error (error);

  store = lectern_store_open (path, &expected);
  g_assert_null (store);
  g_assert_error (expected, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_SQLITE);

  /* No crash and no workshop window: the start window says why, with
   * the ways on (no dialog without a parent) */
  g_assert_null (lectern_application_open_file (app, file));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      g_assert_false (LECTERN_IS_WINDOW (l->data));
      g_assert_false (ADW_IS_MESSAGE_DIALOG (l->data));
      if (LECTERN_IS_START_WINDOW (l->data))
        start = l->data;
    }

  g_assert_nonnull (start);
  g_assert_cmpstr (lectern_start_window_get_error (start), ==, expected->message);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (start));

  /* the file was left as it was */
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_cmpstr (text, ==, "Speakers: ask Grace.\n");
  }

  g_object_ref (start);
  gtk_window_destroy (GTK_WINDOW (start));
  lectern_test_flush ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (start);
}

static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  AdwAboutWindow *about = NULL;
  GtkWidget *overlay;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  /* The shortcuts window comes from gtk/help-overlay.ui. */
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  /* Nothing to undo in a new window; Add only where there is a list. */
  g_assert_false (lectern_store_can_undo (lectern_window_get_store (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add", NULL);
  g_assert_null (lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  lectern_test_show_page (window, "speakers");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add", NULL);
  g_assert_nonnull (lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  lectern_test_close_dialogs ();
  lectern_test_show_page (window, "schedule");
  lectern_test_show_page (window, "people");
  lectern_test_show_page (window, "event");

  /* Icon-only buttons have accessible names. */
  gtk_test_accessible_assert_property (lectern_test_template_child (window, LECTERN_TYPE_WINDOW, "add_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Add");

  /* The about window builds and shows. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = lectern_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Lectern");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (GTK_WINDOW (about));

  lectern_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!lectern_test_gui_init (&argc, &argv, "/window/display"))
    return g_test_run ();

  app = lectern_test_gui_new_app ();

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, lectern_test_demo_set_up, func, lectern_test_workshop_tear_down)

  ADD ("/window/event-page", test_event_page);
  ADD ("/window/speakers", test_speakers);
  ADD ("/window/panelists-organizers-sponsors", test_panelists_and_organizers);
  ADD ("/window/people", test_people);
  ADD ("/window/edit/event", test_edit_event);
  ADD ("/window/edit/person", test_edit_person);
  ADD ("/window/edit/saved-on-close", test_edit_saved_on_close);
  ADD ("/window/edit/saved-on-switch", test_edit_saved_on_switch);
  ADD ("/window/edit/roles", test_roles);
  ADD ("/window/edit/sponsors", test_sponsors);
  ADD ("/window/external-change", test_external_change);
  ADD ("/window/external-change-roles", test_external_change_roles);
  ADD ("/window/conflict/keep-mine", test_conflict_keep_mine);
  ADD ("/window/conflict/enum-values", test_conflict_enum_values);
  ADD ("/window/conflict/use-theirs", test_conflict_use_theirs);
  ADD ("/window/conflict/merged", test_conflict_merged);
  ADD ("/window/undo-redo", test_undo_redo);
  ADD ("/window/undo-refused", test_undo_refused);
  ADD ("/window/context-menu", test_context_menu);
  ADD ("/window/add-dialog", test_add_dialog);
  ADD ("/window/reorder/drop-and-keyboard", test_reorder_drop_and_keyboard);
  ADD ("/window/reorder/refused", test_reorder_refused);
  ADD ("/window/reorder/move-to-position", test_move_to_position);
  ADD ("/window/search", test_search);
  ADD ("/window/search/across", test_search_across);
  ADD ("/window/search/scroll", test_search_scroll);
  ADD ("/window/photo/choose", test_photo);
  ADD ("/window/photo/drop", test_photo_drop);
  ADD ("/window/read-only/permissions", test_read_only_permissions);
  ADD ("/window/read-only/newer-format", test_read_only_newer_format);
  ADD ("/window/actions", test_actions);
  ADD ("/application/open-twice", test_open_twice);
  ADD ("/application/open-foreign-file", test_open_foreign_file);

#undef ADD

  ret = g_test_run ();

  /* Let every window and dialog go, and the worker threads they started
   * (image checks, exports) finish, before the process (and
   * LeakSanitizer's look at it) ends.
   */
  {
    GList *toplevels = gtk_window_list_toplevels ();
    gint64 deadline;

    for (GList *l = toplevels; l; l = l->next)
      gtk_window_destroy (GTK_WINDOW (l->data));
    g_list_free (toplevels);

    deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
    while (g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }

  g_clear_object (&app);

  return ret;
}
