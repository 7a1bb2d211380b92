/* test-first-minutes.c: what a new organizer meets in the editors,
 * under Xvfb
 *
 * Another person's editor opens at its top; a colleague's change to the
 * person shown does not move it. A Before You Publish warning leads to
 * the field that fixes it. A field that refuses what was typed says why
 * in its row, and offers the obvious fix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-entity.h"
#include "lectern-list-row.h"
#include "lectern-test-window.h"
#include "lectern-ui-util.h"

typedef LecternTestWorkshop Fixture;

static LecternApplication *app;

static GtkScrolledWindow *
find_scrolled (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found;

      if (GTK_IS_SCROLLED_WINDOW (child))
        return GTK_SCROLLED_WINDOW (child);
      if ((found = find_scrolled (child)))
        return found;
    }

  return NULL;
}

/* The scrolling of the editor's preferences page */
static GtkAdjustment *
editor_scroll (LecternWindow *window,
               const char    *page)
{
  GtkScrolledWindow *scrolled = find_scrolled (lectern_list_page_get_editor (lectern_test_list_page (window, page)));

  g_assert_nonnull (scrolled);
  return gtk_scrolled_window_get_vadjustment (scrolled);
}

static void
test_editor_from_top (Fixture       *fixture,
                      gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  g_autoptr(LecternStore) other = NULL;
  g_autoptr(LecternPerson) ce = NULL;
  g_autoptr(GError) error = NULL;
  GtkAdjustment *adjustment;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 500);
  lectern_test_select_row (window, "speakers", 0);
  adjustment = editor_scroll (window, "speakers");
  g_assert_true (lectern_test_wait_until (gtk_adjustment_get_upper (adjustment) -
                                          gtk_adjustment_get_page_size (adjustment) > 100, 5000));

  /* scrolled down in Deepak's editor, then Ce: from the top */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 100);
  lectern_test_select_row (window, "speakers", 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, gtk_adjustment_get_lower (adjustment));

  /* scrolled down in Ce's, and a colleague changes Ce: the editor
   * shows the change where the organizer was */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  other = lectern_store_open (fixture->path, &error);
  g_assert_no_error (error);
  ce = lectern_test_find_person (other, "Ce Zhang");
  lectern_person_set_affiliation (ce, "ETH Zürich, Together");
  g_assert_true (lectern_store_update_person (other, ce, &error));
  g_assert_no_error (error);
  g_assert_true (lectern_test_wait_until (g_strcmp0 (gtk_editable_get_text (
    lectern_test_person_editor_child (window, "speakers", "affiliation_row")), "ETH Zürich, Together") == 0, 5000));
  lectern_test_settle (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 100);

  lectern_test_close_window (window);
}

/* The person the People page shows */
static const char *
shown_person (LecternWindow *window)
{
  LecternPerson *person = lectern_list_page_get_selected_item (lectern_test_list_page (window, "people"));

  return person != NULL ? lectern_person_get_name (person) : NULL;
}

static gboolean
focus_in (LecternWindow *window,
          GtkWidget     *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Whether all of @widget is inside its scrolled window's view */
static gboolean
in_sight (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  double x, y;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_widget_translate_coordinates (widget, scrolled, 0, 0, &x, &y));
  G_GNUC_END_IGNORE_DEPRECATIONS

  return y >= 0 && y + gtk_widget_get_height (widget) <= gtk_widget_get_height (scrolled);
}

/* Before You Publish: activating a warning leads to the fix */
static void
test_warning_leads_to_fix (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LecternStore) store = lectern_store_open (fixture->path, NULL);
  g_autoptr(LecternPerson) lea = lectern_test_add_person (store, "Léa Dubois", "Inria");
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(GError) error = NULL;
  LecternWindow *window;
  GtkWidget *row;

  /* a speaker without a photo */
  card = lectern_store_add_card (store, lea, LECTERN_ROLE_SPEAKER, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  window = lectern_test_open_window (app, fixture->path);
  lectern_test_show_page (window, "event");

  /* "… has no photo": Léa's editor, the keyboard at Choose Photo… */
  row = lectern_test_find_row (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Léa Dubois has no photo");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  gtk_widget_activate (row);
  lectern_test_settle (window);
  g_assert_cmpstr (lectern_window_get_visible_page (window), ==, "people");
  g_assert_cmpstr (shown_person (window), ==, "Léa Dubois");
  g_assert_true (focus_in (window, lectern_test_person_editor_child (window, "people", "photo_picker")));

  /* "… has no affiliation": Susan's, at Affiliation */
  lectern_test_show_page (window, "event");
  row = lectern_test_find_row (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Susan Zhang has no affiliation");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  lectern_test_settle (window);
  g_assert_cmpstr (lectern_window_get_visible_page (window), ==, "people");
  g_assert_cmpstr (shown_person (window), ==, "Susan Zhang");
  g_assert_true (focus_in (window, lectern_test_person_editor_child (window, "people", "affiliation_row")));
  g_assert_true (in_sight (lectern_test_person_editor_child (window, "people", "affiliation_row")));

  lectern_test_close_window (window);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)))
        return found;
    }

  return NULL;
}

/* A homepage without https:// says why in its row, and offers the fix */
static void
test_field_says_why (Fixture       *fixture,
                     gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  GtkWidget *homepage;
  GtkWidget *hint, *fix;
  LecternPerson *person;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  lectern_test_select_row (window, "speakers", 0);
  homepage = lectern_test_person_editor_child (window, "speakers", "homepage_row");
  gtk_widget_grab_focus (homepage);
  lectern_test_settle (window);
  lectern_ui_scroll_into_view (homepage);
  gtk_editable_set_text (GTK_EDITABLE (homepage), "deepakn94.github.io");
  lectern_test_settle (window);

  g_assert_true (gtk_widget_has_css_class (homepage, "error"));
  hint = find_label (homepage, "Enter a web address such as https://example.org");
  g_assert_nonnull (hint);
  g_assert_true (gtk_widget_get_mapped (hint));
  fix = lectern_test_find_button (homepage, "Add https://");
  g_assert_nonnull (fix);
  g_assert_true (gtk_widget_get_mapped (fix));
  lectern_test_screenshot ("field-says-why");

  /* the fix: the address with https://, saved, the reason gone */
  g_signal_emit_by_name (fix, "clicked");
  lectern_test_settle (window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (homepage)), ==, "https://deepakn94.github.io");
  g_assert_false (gtk_widget_has_css_class (homepage, "error"));
  g_assert_false (gtk_widget_get_visible (hint));
  g_assert_false (gtk_widget_get_visible (fix));
  person = lectern_test_find_person (lectern_window_get_store (window), "Deepak Narayanan");
  g_assert_cmpstr (lectern_person_get_homepage (person), ==, "https://deepakn94.github.io");
  g_object_unref (person);

  /* no obvious fix: the reason only */
  gtk_editable_set_text (GTK_EDITABLE (homepage), "not a web address");
  lectern_test_settle (window);
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_false (gtk_widget_get_visible (fix));

  lectern_test_close_window (window);
}

/* The row the keyboard is on, if it is on a row of @page */
static gpointer
focused_row_item (LecternWindow   *window,
                  LecternListPage *page)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_first_child (w))
    if (LECTERN_IS_LIST_ROW (w))
      return lectern_list_row_get_item (LECTERN_LIST_ROW (w));

  return NULL;
}

/* After undo, the keyboard is on the selected row, not where it was */
static void
test_undo_focus (Fixture       *fixture,
                 gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternListPage *page = lectern_test_list_page (window, "speakers");
  gpointer ce, selected;
  gint64 ce_id;

  lectern_test_show_page (window, "speakers");
  ce = g_list_model_get_item (G_LIST_MODEL (lectern_list_page_get_selection (page)), 1);
  ce_id = lectern_object_get_id (ce);
  g_assert_true (lectern_list_page_select_id (page, ce_id, TRUE));
  lectern_test_settle (window);
  g_assert_true (lectern_test_wait_until (focused_row_item (window, page) != NULL, 2000));

  /* Ce to the top: selected and focused there */
  g_assert_true (lectern_list_page_move_item (page, ce, 0));
  lectern_test_settle (window);
  g_assert_true (lectern_test_wait_until (focused_row_item (window, page) != NULL &&
                                          lectern_object_get_id (focused_row_item (window, page)) == ce_id, 2000));
  g_object_unref (ce);

  /* undone: Ce back second, the keyboard with Ce */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lectern_test_settle (window);
  selected = lectern_list_page_get_selected_item (page);
  g_assert_nonnull (selected);
  g_assert_cmpint (lectern_object_get_id (selected), ==, ce_id);
  g_assert_cmpuint (gtk_single_selection_get_selected (lectern_list_page_get_selection (page)), ==, 1);
  g_assert_true (lectern_test_wait_until (focused_row_item (window, page) != NULL &&
                                          lectern_object_get_id (focused_row_item (window, page)) == ce_id, 2000));

  lectern_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  if (!lectern_test_gui_init (&argc, &argv, "/first-minutes/display"))
    return g_test_run ();

  app = lectern_test_gui_new_app ();

  g_test_add ("/first-minutes/editor-from-top", Fixture, NULL,
              lectern_test_demo_set_up, test_editor_from_top, lectern_test_workshop_tear_down);

  g_test_add ("/first-minutes/warning-leads-to-fix", Fixture, NULL,
              lectern_test_demo_set_up, test_warning_leads_to_fix, lectern_test_workshop_tear_down);

  g_test_add ("/first-minutes/field-says-why", Fixture, NULL,
              lectern_test_demo_set_up, test_field_says_why, lectern_test_workshop_tear_down);

  g_test_add ("/first-minutes/undo-focus", Fixture, NULL,
              lectern_test_demo_set_up, test_undo_focus, lectern_test_workshop_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
