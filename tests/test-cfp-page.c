/* test-cfp-page.c: the Call page under Xvfb
 *
 * On the demo workshop: the call is shown on the site with the switch
 * (one undo step, named); a submission deadline added from the menu
 * opens, takes its day, time and zone in its rows, and its subtitle
 * gives the moment in its zone, in UTC and in the organizer's; a zone
 * that is none is refused in the row and the file keeps the date as it
 * was; Undo brings the date back on the page; a group of topics and its
 * topics are added from their rows, and reordered; every control has a
 * name for a screen reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-cfp-page.h"
#include "lectern-store-cfp.h"
#include "lectern-test-window.h"

static LecternApplication *app;

/* The first entry row under @root titled @title */
static AdwEntryRow *
find_entry (GtkWidget  *root,
            const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found;

      if (ADW_IS_ENTRY_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return ADW_ENTRY_ROW (child);
      if ((found = find_entry (child, title)) != NULL)
        return found;
    }
  return NULL;
}

/* Activates the shortcut a widget's own controller has for the keys */
static gboolean
activate_shortcut (GtkWidget       *widget,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget, NULL);
        }
    }
  return FALSE;
}

static void
type_and_apply (AdwEntryRow *row,
                const char  *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static LecternCfpDate *
first_date (LecternStore *store)
{
  g_autoptr(GListModel) dates = lectern_store_list_cfp_dates (store, NULL);

  return g_list_model_get_n_items (dates) > 0 ? g_list_model_get_item (dates, 0) : NULL;
}

/* Every button and entry under @root has an accessible name */
static void
assert_named (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_mapped (child) && (GTK_IS_BUTTON (child) || GTK_IS_TEXT (child) || GTK_IS_SWITCH (child)))
        {
          g_autofree char *label = NULL;
          GtkAccessible *accessible = GTK_ACCESSIBLE (child);

          /* a label, a labelled-by relation, or a button's own text */
          label = gtk_widget_get_tooltip_text (child) ? g_strdup (gtk_widget_get_tooltip_text (child)) : NULL;
          /* a menu button's inner toggle: the menu button is named */
          if (label == NULL && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (child)))
            label = g_strdup (gtk_widget_get_tooltip_text (gtk_widget_get_parent (child)));
          if (label == NULL && GTK_IS_BUTTON (child))
            label = g_strdup (gtk_button_get_label (GTK_BUTTON (child)));
          (void) accessible;
          if (label == NULL && GTK_IS_TEXT (child))
            {
              /* entry rows' fields are named by lectern_ui_name_controls() */
              GtkWidget *row = gtk_widget_get_ancestor (child, ADW_TYPE_ENTRY_ROW);

              g_assert_nonnull (row);
              label = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
            }
          if (label == NULL && GTK_IS_SWITCH (child))
            {
              GtkWidget *row = gtk_widget_get_ancestor (child, ADW_TYPE_ACTION_ROW);

              g_assert_nonnull (row);
              label = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
            }
          if (label == NULL)
            g_printerr ("unnamed: %s in %s in %s\n", G_OBJECT_TYPE_NAME (child),
                        G_OBJECT_TYPE_NAME (gtk_widget_get_parent (child)),
                        G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (child))));
          g_assert_nonnull (label);
          g_assert_cmpstr (label, !=, "");
        }
      assert_named (child);
    }
}

static void
test_call_page (LecternTestWorkshop *w,
                gconstpointer        data)
{
  LecternWindow *window = lectern_test_open_window (app, w->path);
  LecternCfpPage *page = lectern_test_template_child (window, LECTERN_TYPE_WINDOW, "cfp_page");
  GtkSwitch *published = lectern_test_template_child (page, LECTERN_TYPE_CFP_PAGE, "published_switch");
  GtkListBox *dates = lectern_test_template_child (page, LECTERN_TYPE_CFP_PAGE, "dates_list");
  GtkListBox *topics = lectern_test_template_child (page, LECTERN_TYPE_CFP_PAGE, "topics_list");
  GtkWidget *add_group = lectern_test_template_child (page, LECTERN_TYPE_CFP_PAGE, "add_group_button");
  LecternStore *store = lectern_window_get_store (window);
  g_autoptr(LecternCfp) cfp = NULL;
  g_autoptr(LecternCfpDate) date = NULL;
  g_autofree char *undo_label = NULL;
  GtkListBoxRow *row;

  lectern_test_show_page (window, "call");

  /* shown on the site: one step */
  gtk_switch_set_active (published, TRUE);
  lectern_test_settle (window);
  cfp = lectern_store_get_cfp (store, NULL);
  g_assert_true (lectern_cfp_get_published (cfp));
  undo_label = lectern_store_get_undo_label (store);
  g_assert_cmpstr (undo_label, ==, "Edit the call for papers");

  /* a submission deadline, from the menu: it opens for its day */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cfp.add-date", "s", "submission"));
  lectern_test_settle (window);
  row = gtk_list_box_get_row_at_index (dates, 0);
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Submission deadline");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "TBD: no day yet");

  type_and_apply (find_entry (GTK_WIDGET (row), "Day (YYYY-MM-DD, empty: TBD)"), "2030-05-27");
  lectern_test_settle (window);
  row = gtk_list_box_get_row_at_index (dates, 0);
  type_and_apply (find_entry (GTK_WIDGET (row), "Time (HH:MM, 24-hour)"), "23:59");
  lectern_test_settle (window);
  row = gtk_list_box_get_row_at_index (dates, 0);
  type_and_apply (find_entry (GTK_WIDGET (row), "Time Zone (UTC, AoE or a zone)"), "AoE");
  lectern_test_settle (window);
  row = gtk_list_box_get_row_at_index (dates, 0);
  /* the tests run in UTC: "yours" is UTC too */
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "2030-05-27, 11:59PM AoE · 2030-05-28 11:59 UTC · yours: 2030-05-28 11:59 UTC");
  date = first_date (store);
  g_assert_cmpstr (lectern_cfp_date_get_date (date), ==, "2030-05-27");
  g_assert_cmpstr (lectern_cfp_date_get_zone (date), ==, "AoE");
  lectern_test_screenshot ("cfp-page");

  /* a zone that is none: the row says so, the file keeps AoE */
  type_and_apply (find_entry (GTK_WIDGET (row), "Time Zone (UTC, AoE or a zone)"), "PST");
  lectern_test_settle (window);
  g_clear_object (&date);
  date = first_date (store);
  g_assert_cmpstr (lectern_cfp_date_get_zone (date), ==, "AoE");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_entry (GTK_WIDGET (row), "Time Zone (UTC, AoE or a zone)")),
                                           "error"));
  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (row), "Time Zone (UTC, AoE or a zone)")), "AoE");

  /* Undo: the time goes, on the page too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lectern_test_settle (window);
  row = gtk_list_box_get_row_at_index (dates, 0);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "2030-05-27, 11:59PM UTC · 2030-05-27 23:59 UTC · yours: 2030-05-27 23:59 UTC");

  /* a group and its topics */
  g_signal_emit_by_name (add_group, "clicked");
  lectern_test_settle (window);
  row = gtk_list_box_get_row_at_index (topics, 0);
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  type_and_apply (find_entry (GTK_WIDGET (row), "Group Name"), "Systems");
  lectern_test_settle (window);
  row = gtk_list_box_get_row_at_index (topics, 0);
  type_and_apply (find_entry (GTK_WIDGET (row), "New Topic"), "Compilers");
  lectern_test_settle (window);
  row = gtk_list_box_get_row_at_index (topics, 0);
  type_and_apply (find_entry (GTK_WIDGET (row), "New Topic"), "Benchmarks");
  lectern_test_settle (window);
  row = gtk_list_box_get_row_at_index (topics, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Systems");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "2 topics");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry (GTK_WIDGET (row), "Topic 2"))), ==, "Benchmarks");

  gtk_widget_grab_focus (GTK_WIDGET (find_entry (GTK_WIDGET (row), "Topic 2")));
  lectern_test_screenshot ("cfp-topics");

  /* Alt+Down on the first topic: the row's own shortcut moves it */
  {
    GtkWidget *first = GTK_WIDGET (find_entry (GTK_WIDGET (row), "Topic 1"));

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (first)), ==, "Compilers");
    g_assert_true (activate_shortcut (first, GDK_KEY_Down, GDK_ALT_MASK));
    lectern_test_settle (window);
    row = gtk_list_box_get_row_at_index (topics, 0);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry (GTK_WIDGET (row), "Topic 1"))), ==, "Benchmarks");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry (GTK_WIDGET (row), "Topic 2"))), ==, "Compilers");
  }

  /* a drop of the second topic on the first: back again */
  {
    GtkWidget *first = GTK_WIDGET (find_entry (GTK_WIDGET (row), "Topic 1"));
    GtkWidget *second = GTK_WIDGET (find_entry (GTK_WIDGET (row), "Topic 2"));
    LecternCfpTopic *moved = g_object_get_data (G_OBJECT (second), "lectern-cfp-topic");
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_cfp_topic_get_id (moved));
    GtkDropTarget *target = NULL;
    g_auto(GValue) value = G_VALUE_INIT;
    gboolean dropped = FALSE;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (first);

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, id);
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
    g_assert_true (dropped);
    lectern_test_settle (window);
    row = gtk_list_box_get_row_at_index (topics, 0);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry (GTK_WIDGET (row), "Topic 1"))), ==, "Compilers");
  }

  /* every control has a name */
  assert_named (GTK_WIDGET (page));

  lectern_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  if (!lectern_test_gui_init (&argc, &argv, "/cfp-page/display"))
    return g_test_run ();

  app = lectern_test_gui_new_app ();
  g_test_add ("/cfp-page/edit", LecternTestWorkshop, NULL, lectern_test_demo_set_up, test_call_page,
              lectern_test_workshop_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
