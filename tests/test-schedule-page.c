/* test-schedule-page.c: the schedule editor in the window, under a display
 *
 * The timeline on the demo workshop: its cards and what a screen reader
 * hears of them, the keyboard's moves, drops through the drop targets'
 * own signals, Move To… and New Slot, the side pane, the day tabs, the
 * Event page's schedule settings, a person's availability, and a
 * colleague's changes arriving while a slot is selected. Each change is
 * checked in the file with a second connection.
 *
 * Needs a display: run under xvfb-run (skipped without one, unless
 * LECTERN_REQUIRE_DISPLAY=1, as in CI).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-enum-types.h"
#include "lectern-schedule-dialogs.h"
#include "lectern-schedule-page.h"
#include "lectern-slot-card.h"
#include "lectern-slot-editor.h"
#include "lectern-test-window.h"
#include "lectern-ui-util.h"

#define DEMO_N_SLOTS 19

typedef LecternTestWorkshop Fixture;

static LecternApplication *app;

static void
test_schedule (Fixture       *fixture,
               gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternSchedulePage *page = LECTERN_SCHEDULE_PAGE (lectern_window_get_page (window, "schedule"));
  LecternTimeline *timeline = lectern_schedule_page_get_timeline (page);
  LecternSchedule *schedule;
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *card;
  gint64 megatron = 0;
  guint n_cards = 0;

  lectern_test_show_page (window, "schedule");
  schedule = lectern_schedule_page_get_schedule (page);
  g_assert_nonnull (schedule);

  /* the ruler's time zone, said above it */
  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (page), "Times in Pacific/Honolulu (UTC-10)"));

  /* a card per slot of the day, each named for a screen reader */
  slots = lectern_store_list_slots (lectern_window_get_store (window), 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (slots, i);

      card = lectern_timeline_find_card (timeline, lectern_slot_get_id (slot));
      g_assert_nonnull (card);
      g_assert_true (gtk_widget_get_mapped (card));
      g_assert_true (gtk_widget_get_focusable (card));
      n_cards++;
      if (g_strcmp0 (lectern_slot_get_title (slot), "Using Megatron to Train Large Language Models") == 0)
        megatron = lectern_slot_get_id (slot);
    }
  g_assert_cmpuint (n_cards, ==, DEMO_N_SLOTS);
  g_assert_cmpint (megatron, >, 0);

  card = lectern_timeline_find_card (timeline, megatron);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "9:00am to 9:25am, Using Megatron to Train Large Language Models, Deepak Narayanan");
  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (timeline), "Using Megatron to Train Large Language Models"));
  g_assert_true (lectern_test_has_mapped_label (GTK_WIDGET (timeline), "🔥 Session I: Large-Scale Distributed Pretraining"));

  /* the keyboard: focus the card, Alt+Down moves it one grid step */
  gtk_widget_grab_focus (card);
  g_assert_true (lectern_timeline_get_selected (timeline) == lectern_slot_card_get_slot (LECTERN_SLOT_CARD (card)));
  g_assert_true (lectern_timeline_move_selected (timeline, 1, FALSE));
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT start FROM slot WHERE title = 'Using Megatron to Train Large Language Models'"), ==, 545);
  /* the same card, still focused, moved; it now overlaps the next
   * talk, which the cards say (style, tooltip, screen reader) */
  g_assert_true (lectern_timeline_find_card (timeline, megatron) == card);
  /* the window's focus, whether or not another test's window is active */
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (card)) == card);
  g_assert_true (gtk_widget_has_css_class (card, "problem"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "9:05am to 9:30am, Using Megatron to Train Large Language Models, Deepak Narayanan\n"
                                       "“Using Megatron to Train Large Language Models” and “Distributed Systems for Decentralized AI” overlap (9:25am–9:30am).");
  g_assert_true (lectern_timeline_move_selected (timeline, 2, TRUE));
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT duration FROM slot WHERE title = 'Using Megatron to Train Large Language Models'"), ==, 35);

  /* undo puts it back, in the file and on the timeline */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (lectern_test_wait_until (lectern_test_sql_int (fixture->path, "SELECT start FROM slot WHERE title = 'Using Megatron to Train Large Language Models'") == 540, 2000));
  g_assert_cmpint (lectern_slot_get_start (lectern_schedule_find_slot (schedule, megatron)), ==, 540);

  /* a drop at a point of the timeline: snapped to the grid step */
  {
    LecternSlot *slot = lectern_schedule_find_slot (schedule, megatron);
    gint64 room_id;
    int start;

    lectern_timeline_point_to_place (timeline, 200, lectern_timeline_get_y (timeline, 12 * 60 + 3), &room_id, &start);
    g_assert_cmpint (start, ==, 12 * 60 + 5);
    g_assert_true (lectern_timeline_drop_slot (timeline, slot, 200, lectern_timeline_get_y (timeline, 12 * 60 + 3), FALSE));
    g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT start FROM slot WHERE title = 'Using Megatron to Train Large Language Models'"), ==, 12 * 60 + 5);
  }

  /* the drop target's own signal, as a drag from the pool ends: 10:00 */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (timeline));
    g_auto(GValue) value = G_VALUE_INIT;
    GtkDropTarget *target = NULL;
    gboolean dropped = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, LECTERN_TYPE_SLOT);
    g_value_set_object (&value, lectern_schedule_find_slot (schedule, megatron));
    g_signal_emit_by_name (target, "drop", &value, 200.0, lectern_timeline_get_y (timeline, 10 * 60), &dropped);
    g_assert_true (dropped);
    g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT start FROM slot WHERE title = 'Using Megatron to Train Large Language Models'"), ==, 10 * 60);
  }

  /* unscheduled: into the pool */
  g_assert_true (lectern_timeline_unschedule_selected (timeline));
  g_assert_true (lectern_test_sql_int (fixture->path, "SELECT start IS NULL FROM slot WHERE title = 'Using Megatron to Train Large Language Models'"));
  g_assert_null (lectern_timeline_find_card (timeline, megatron));
  g_assert_cmpuint (g_list_model_get_n_items (lectern_schedule_get_pool (schedule)), ==, 1);

  lectern_test_close_window (window);
}


/* The schedule's slot titled @title (the schedule keeps it). */
static LecternSlot *
schedule_slot (LecternSchedule *schedule,
               const char      *title)
{
  GListModel *scheduled = lectern_schedule_get_scheduled (schedule);

  for (guint i = 0; i < g_list_model_get_n_items (scheduled); i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (scheduled, i);

      if (g_strcmp0 (lectern_slot_get_title (slot), title) == 0)
        return slot;
    }

  g_error ("No slot “%s” on the schedule", title);
}


/* Two days: a tab each; the second shows its own slots. */
static void
test_schedule_days (Fixture       *fixture,
                    gconstpointer  data)
{
  LecternWindow *window;
  LecternSchedulePage *page;
  LecternTimeline *timeline;
  GtkWidget *tabs, *second;
  gint64 day2;

  lectern_test_sql_exec (fixture->path,
                         "INSERT INTO day (date, position) VALUES ('2023-07-30', 2);"
                         "INSERT INTO slot (day_id, start, duration, kind, title)"
                         " VALUES ((SELECT id FROM day WHERE date = '2023-07-30'), 600, 30, 'keynote', 'Sunday keynote');");
  day2 = lectern_test_sql_int (fixture->path, "SELECT id FROM day WHERE date = '2023-07-30'");
  window = lectern_test_open_window (app, fixture->path);
  page = LECTERN_SCHEDULE_PAGE (lectern_window_get_page (window, "schedule"));
  timeline = lectern_schedule_page_get_timeline (page);
  lectern_test_show_page (window, "schedule");

  tabs = lectern_test_template_child (page, LECTERN_TYPE_SCHEDULE_PAGE, "day_tabs");
  g_assert_true (gtk_widget_get_visible (tabs));
  second = gtk_widget_get_last_child (tabs);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (second));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (second)), ==, "Sunday, July 30, 2023");
  g_assert_false (lectern_test_has_mapped_label (GTK_WIDGET (timeline), "Sunday keynote"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (second), TRUE);
  g_assert_cmpint (lectern_timeline_get_day_id (timeline), ==, day2);
  g_assert_true (lectern_test_wait_until (lectern_test_has_mapped_label (GTK_WIDGET (timeline), "Sunday keynote"), 2000));
  g_assert_false (lectern_test_has_mapped_label (GTK_WIDGET (timeline), "Using Megatron to Train Large Language Models"));

  lectern_test_close_window (window);
}


/* A colleague moves slots while one is selected: the timeline shows
 * their move, and the selection and the focus stay. */
static void
test_schedule_colleague (Fixture       *fixture,
                         gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternSchedulePage *page = LECTERN_SCHEDULE_PAGE (lectern_window_get_page (window, "schedule"));
  LecternTimeline *timeline = lectern_schedule_page_get_timeline (page);
  LecternSchedule *schedule;
  g_autoptr(LecternStore) colleague = NULL;
  g_autoptr(GError) error = NULL;
  LecternSlot *megatron = NULL, *ce = NULL;
  GtkWidget *card;

  lectern_test_show_page (window, "schedule");
  schedule = lectern_schedule_page_get_schedule (page);
  megatron = schedule_slot (schedule, "Using Megatron to Train Large Language Models");
  ce = schedule_slot (schedule, "Distributed Systems for Decentralized AI");
  card = lectern_timeline_find_card (timeline, lectern_slot_get_id (megatron));
  gtk_widget_grab_focus (card);
  g_assert_true (lectern_timeline_get_selected (timeline) == megatron);

  colleague = lectern_store_open (fixture->path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(LecternSlot) theirs = lectern_store_get_slot (colleague, lectern_slot_get_id (ce), &error);
    g_autoptr(LecternSlot) ours = lectern_store_get_slot (colleague, lectern_slot_get_id (megatron), &error);

    lectern_slot_set_start (theirs, 16 * 60);
    g_assert_true (lectern_store_update_slot (colleague, theirs, &error));
    lectern_slot_set_start (ours, 8 * 60);
    g_assert_true (lectern_store_update_slot (colleague, ours, &error));
    g_assert_no_error (error);
  }

  /* seen through the file monitor, well within the once-a-second poll */
  g_assert_true (lectern_test_wait_until (lectern_slot_get_start (megatron) == 8 * 60, 900));
  g_assert_cmpint (lectern_slot_get_start (ce), ==, 16 * 60);
  g_assert_true (lectern_timeline_find_card (timeline, lectern_slot_get_id (megatron)) == card);
  g_assert_true (lectern_timeline_get_selected (timeline) == megatron);
  /* the window's focus, whether or not another test's window is active */
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (card)) == card);

  lectern_test_close_window (window);
}


/* The card of @slot_id among the timeline's children, without building
 * it (lectern_timeline_find_card() would). */
static GtkWidget *
built_card (LecternTimeline *timeline,
            gint64           slot_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (timeline)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (LECTERN_IS_SLOT_CARD (child) && gtk_widget_get_mapped (child) &&
        gtk_widget_get_width (child) > 1 &&
        lectern_slot_get_id (lectern_slot_card_get_slot (LECTERN_SLOT_CARD (child))) == slot_id)
      return child;

  return NULL;
}

/* A whole day shown (0:00 to 24:00): only the cards near the view are
 * built; scrolling builds the others and lets go of those left behind;
 * a card asked for is built wherever it is. */
static void
test_schedule_near_view (Fixture       *fixture,
                         gconstpointer  data)
{
  LecternWindow *window;
  LecternSchedulePage *page;
  LecternTimeline *timeline;
  GtkAdjustment *adjustment;
  gint64 late, megatron;
  guint n_slots;

  lectern_test_sql_exec (fixture->path,
                         "UPDATE day SET visible_start = 0, visible_end = 1440;"
                         "INSERT INTO slot (day_id, start, duration, kind, title)"
                         " VALUES ((SELECT MIN (id) FROM day), 1380, 45, 'social', 'Late social');");
  late = lectern_test_sql_int (fixture->path, "SELECT id FROM slot WHERE title = 'Late social'");
  megatron = lectern_test_sql_int (fixture->path,
                                   "SELECT id FROM slot WHERE title = 'Using Megatron to Train Large Language Models'");
  n_slots = lectern_test_sql_int (fixture->path, "SELECT COUNT (*) FROM slot WHERE day_id = (SELECT MIN (id) FROM day)");

  window = lectern_test_open_window (app, fixture->path);
  page = LECTERN_SCHEDULE_PAGE (lectern_window_get_page (window, "schedule"));
  timeline = lectern_schedule_page_get_timeline (page);
  lectern_test_show_page (window, "schedule");
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (timeline), GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_true (lectern_test_wait_until (gtk_adjustment_get_page_size (adjustment) > 0, 2000));

  /* at the top of the day (midnight): the morning is near, the evening not */
  gtk_adjustment_set_value (adjustment, 0);
  lectern_test_settle (window);
  g_assert_cmpuint (lectern_timeline_get_n_cards (timeline), <, n_slots);
  g_assert_cmpuint (lectern_timeline_get_n_cards (timeline), >, 0);
  g_assert_null (built_card (timeline, late));
  g_assert_false (lectern_test_has_mapped_label (GTK_WIDGET (timeline), "Late social"));

  /* at its end: the evening's card is built, the morning's let go */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  g_assert_true (lectern_test_wait_until (built_card (timeline, late) != NULL, 2000));
  g_assert_true (lectern_test_wait_until (built_card (timeline, megatron) == NULL, 2000));
  g_assert_true (lectern_test_wait_until (lectern_test_has_mapped_label (GTK_WIDGET (timeline), "Late social"), 2000));

  /* asked for (to focus it, to scroll to it), a card is built anyway */
  g_assert_nonnull (lectern_timeline_find_card (timeline, megatron));

  lectern_test_close_window (window);
}

/* The row of a dialog's list titled @title. */
static GtkWidget *
dialog_row (AdwMessageDialog *dialog,
            const char       *title)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (dialog);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;

  g_error ("No row “%s” in the dialog", title);
}


/* New Slot (to the pool), then Move To… from the pool and from the
 * timeline: the keyboard's way to do what the drags do. */
static void
test_schedule_dialogs (Fixture       *fixture,
                       gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternSchedulePage *page = LECTERN_SCHEDULE_PAGE (lectern_window_get_page (window, "schedule"));
  LecternTimeline *timeline = lectern_schedule_page_get_timeline (page);
  LecternSchedule *schedule;
  AdwMessageDialog *dialog;
  LecternSlot *lightning;
  GtkWidget *card;

  lectern_test_show_page (window, "schedule");
  schedule = lectern_schedule_page_get_schedule (page);

  /* New Slot: Add stays off until there is a title and the numbers read */
  gtk_widget_activate_action (GTK_WIDGET (page), "schedule.new-slot", NULL);
  dialog = lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "Title")), "Lightning talks");
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "Length in minutes")), "2O");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "Length in minutes")), "20");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));   /* as its button would close it */
  lectern_test_flush ();
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT duration FROM slot WHERE title = 'Lightning talks' AND start IS NULL"), ==, 20);
  g_assert_cmpuint (g_list_model_get_n_items (lectern_schedule_get_pool (schedule)), ==, 1);
  lightning = g_list_model_get_item (lectern_schedule_get_pool (schedule), 0);
  g_object_unref (lightning);   /* the pool keeps it */

  /* Move To… from the pool (Enter on its row): placed at 2:00pm */
  lectern_schedule_move_to_dialog_new (GTK_WIDGET (page), schedule, lightning, lectern_timeline_get_day_id (timeline));
  dialog = lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "Start (such as 9:30am or 14:05)")), "two");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "move"));
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "Start (such as 9:30am or 14:05)")), "2:00pm");
  adw_message_dialog_response (dialog, "move");
  gtk_window_destroy (GTK_WINDOW (dialog));   /* as its button would close it */
  lectern_test_flush ();
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT start FROM slot WHERE title = 'Lightning talks'"), ==, 840);
  g_assert_cmpuint (g_list_model_get_n_items (lectern_schedule_get_pool (schedule)), ==, 0);
  card = lectern_timeline_find_card (timeline, lectern_slot_get_id (lightning));
  g_assert_nonnull (card);

  /* Move To… of the focused card (Ctrl+M's action): 16:30 */
  gtk_widget_grab_focus (card);
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.move-to", NULL);
  dialog = lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "Start (such as 9:30am or 14:05)")), "16:30");
  adw_message_dialog_response (dialog, "move");
  gtk_window_destroy (GTK_WINDOW (dialog));   /* as its button would close it */
  lectern_test_flush ();
  g_assert_cmpint (lectern_slot_get_start (lightning), ==, 990);
  g_assert_true (lectern_store_can_undo (lectern_window_get_store (window)));

  /* a card dropped on the pool: unscheduled */
  {
    GtkWidget *pool = lectern_test_template_child (page, LECTERN_TYPE_SCHEDULE_PAGE, "pool_pane");
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (pool);
    g_auto(GValue) value = G_VALUE_INIT;
    GtkDropTarget *target = NULL;
    gboolean dropped = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, LECTERN_TYPE_SLOT);
    g_value_set_object (&value, lightning);
    g_signal_emit_by_name (target, "drop", &value, 20.0, 200.0, &dropped);
    g_assert_true (dropped);
    g_assert_true (lectern_test_sql_int (fixture->path, "SELECT start IS NULL FROM slot WHERE title = 'Lightning talks'"));
    g_assert_cmpuint (g_list_model_get_n_items (lectern_schedule_get_pool (schedule)), ==, 1);
  }

  lectern_test_close_window (window);
}


/* The button of @root labelled @label (with its mnemonic), if any. */
static GtkWidget *
find_labelled_button (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}


/* The side pane edits the selected slot: each change one undo step, the
 * slot's people and links kept through every save. */
static void
test_schedule_editor (Fixture       *fixture,
                      gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternSchedulePage *page = LECTERN_SCHEDULE_PAGE (lectern_window_get_page (window, "schedule"));
  LecternTimeline *timeline = lectern_schedule_page_get_timeline (page);
  LecternSlotEditor *editor = lectern_test_template_child (page, LECTERN_TYPE_SCHEDULE_PAGE, "slot_editor");
  LecternSchedule *schedule;
  GtkListBox *links;
  GtkWidget *card, *kind_row, *url_row, *add;
  AdwEntryRow *title_row;
  LecternSlot *slot = NULL;
  g_autofree char *undo = NULL;
  const char *sql_title = "SELECT COUNT (*) FROM slot WHERE title = 'Megatron, revised'";

  lectern_test_show_page (window, "schedule");
  schedule = lectern_schedule_page_get_schedule (page);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  slot = schedule_slot (schedule, "Using Megatron to Train Large Language Models");
  card = lectern_timeline_find_card (timeline, lectern_slot_get_id (slot));
  gtk_widget_grab_focus (card);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (lectern_slot_editor_get_slot (editor) == slot);

  /* the title: Enter saves it, the card follows, the speaker stays */
  title_row = lectern_test_template_child (editor, LECTERN_TYPE_SLOT_EDITOR, "title_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Using Megatron to Train Large Language Models");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Megatron, revised");
  g_signal_emit_by_name (title_row, "apply");
  g_assert_true (lectern_test_wait_until (lectern_test_sql_int (fixture->path, sql_title) == 1, 2000));
  undo = lectern_store_get_undo_label (lectern_window_get_store (window));
  g_assert_cmpstr (undo, ==, "Edit “Using Megatron to Train Large Language Models”");
  g_assert_true (lectern_test_wait_until (g_strcmp0 (lectern_slot_get_title (slot), "Megatron, revised") == 0, 2000));
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT COUNT (*) FROM appearance a JOIN slot s ON s.id = a.slot_id WHERE s.title = 'Megatron, revised'"), ==, 1);

  /* its session renamed from here; the timeline shows the new name */
  {
    AdwEntryRow *session_title = lectern_test_template_child (editor, LECTERN_TYPE_SLOT_EDITOR, "session_title_row");
    GtkWidget *new_session = lectern_test_template_child (editor, LECTERN_TYPE_SLOT_EDITOR, "new_session_button");

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (session_title)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (session_title)), ==, "Session I: Large-Scale Distributed Pretraining");
    gtk_editable_set_text (GTK_EDITABLE (session_title), "Session I: Pretraining");
    g_signal_emit_by_name (session_title, "apply");
    g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT COUNT (*) FROM session WHERE title = 'Session I: Pretraining'"), ==, 1);
    g_assert_true (lectern_test_wait_until (lectern_test_has_mapped_label (GTK_WIDGET (timeline), "🔥 Session I: Pretraining"), 2000));

    /* a new session, with this slot in it (one undo step) */
    g_assert_true (gtk_widget_get_sensitive (new_session));
    g_signal_emit_by_name (new_session, "clicked");
    g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT COUNT (*) FROM slot s JOIN session n ON n.id = s.session_id WHERE s.title = 'Megatron, revised' AND n.title = 'New Session'"), ==, 1);
    g_assert_true (lectern_test_wait_until (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (session_title)), "New Session") == 0, 2000));
  }

  /* the kind: a panel now */
  kind_row = lectern_test_template_child (editor, LECTERN_TYPE_SLOT_EDITOR, "kind_row");
  {
    /* the registered enum's values, by their names */
    AdwEnumListModel *kinds = ADW_ENUM_LIST_MODEL (adw_combo_row_get_model (ADW_COMBO_ROW (kind_row)));
    g_autoptr(AdwEnumListItem) panel = NULL;
    GtkExpression *name = adw_combo_row_get_expression (ADW_COMBO_ROW (kind_row));
    GValue value = G_VALUE_INIT;

    g_assert_true (adw_enum_list_model_get_enum_type (kinds) == LECTERN_TYPE_SLOT_KIND);
    g_assert_cmpint (lectern_ui_combo_row_get_enum (ADW_COMBO_ROW (kind_row)), ==, LECTERN_SLOT_TALK);
    panel = g_list_model_get_item (G_LIST_MODEL (kinds), adw_enum_list_model_find_position (kinds, LECTERN_SLOT_PANEL));
    g_assert_true (gtk_expression_evaluate (name, panel, &value));
    g_assert_cmpstr (g_value_get_string (&value), ==, "Panel");
    g_value_unset (&value);
    adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), adw_enum_list_model_find_position (kinds, LECTERN_SLOT_PANEL));
  }
  g_assert_true (lectern_test_wait_until (lectern_test_sql_int (fixture->path, "SELECT kind = 'panel' FROM slot WHERE title = 'Megatron, revised'") == 1, 2000));

  /* a link: Add stays off until the address is one */
  links = lectern_test_template_child (editor, LECTERN_TYPE_SLOT_EDITOR, "links_list");
  url_row = gtk_widget_get_last_child (GTK_WIDGET (links));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_prev_sibling (url_row)), "slides");
  add = find_labelled_button (url_row, "_Add");
  g_assert_nonnull (add);
  gtk_editable_set_text (GTK_EDITABLE (url_row), "not an address");
  g_assert_false (gtk_widget_get_sensitive (add));
  gtk_editable_set_text (GTK_EDITABLE (url_row), "https://example.org/megatron.pdf");
  g_assert_true (gtk_widget_get_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  g_assert_true (lectern_test_wait_until (lectern_test_sql_int (fixture->path, "SELECT COUNT (*) FROM slot_link l JOIN slot s ON s.id = l.slot_id WHERE s.title = 'Megatron, revised' AND l.kind = 'slides'") == 1, 2000));
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT COUNT (*) FROM appearance a JOIN slot s ON s.id = a.slot_id WHERE s.title = 'Megatron, revised'"), ==, 1);

  /* the speaker removed; undo brings them back */
  {
    GtkListBox *people = lectern_test_template_child (editor, LECTERN_TYPE_SLOT_EDITOR, "people_list");
    GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (people));
    GtkWidget *remove = NULL;

    for (GtkWidget *w = first; w != NULL && remove == NULL; w = gtk_widget_get_first_child (w))
      for (GtkWidget *c = w; c != NULL && remove == NULL; c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_widget_get_tooltip_text (c), "Remove Deepak Narayanan") == 0)
          remove = c;
    if (remove == NULL)
      {
        /* deeper: the row's suffix box */
        GtkWidget *stack[64];
        int top = 0;

        stack[top++] = first;
        while (top > 0 && remove == NULL)
          {
            GtkWidget *w = stack[--top];

            if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), "Remove Deepak Narayanan") == 0)
              remove = w;
            for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && top < 63; c = gtk_widget_get_next_sibling (c))
              stack[top++] = c;
          }
      }
    g_assert_nonnull (remove);
    g_signal_emit_by_name (remove, "clicked");
    g_assert_true (lectern_test_wait_until (lectern_test_sql_int (fixture->path, "SELECT COUNT (*) FROM appearance a JOIN slot s ON s.id = a.slot_id WHERE s.title = 'Megatron, revised'") == 0, 2000));
    g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT COUNT (*) FROM slot_link l JOIN slot s ON s.id = l.slot_id WHERE s.title = 'Megatron, revised'"), ==, 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_true (lectern_test_wait_until (lectern_slot_get_appearances (slot)->len == 1, 2000));
  }

  lectern_test_close_window (window);
}


/* The Event page's Schedule group: grid step, changeover, each day's
 * hours, what each check does. */
static void
test_schedule_settings (Fixture       *fixture,
                        gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  GtkWidget *event_page = lectern_window_get_page (window, "event");
  GtkWidget *settings = lectern_test_template_child (event_page, g_type_from_name ("LecternEventPage"), "schedule_settings");
  GtkWidget *stack[256];
  AdwComboRow *grid = NULL, *overlap = NULL;
  AdwEntryRow *hours = NULL, *changeover = NULL;
  int top = 0;

  lectern_test_show_page (window, "event");
  stack[top++] = settings;
  while (top > 0)
    {
      GtkWidget *w = stack[--top];

      if (ADW_IS_PREFERENCES_ROW (w))
        {
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w));

          if (g_strcmp0 (title, "Grid Step") == 0)
            grid = ADW_COMBO_ROW (w);
          else if (g_strcmp0 (title, "Two slots at once in a room") == 0)
            overlap = ADW_COMBO_ROW (w);
          else if (g_strcmp0 (title, "Hours of Saturday, July 29, 2023") == 0)
            hours = ADW_ENTRY_ROW (w);
          else if (g_str_has_prefix (title, "Minutes to Change Rooms"))
            changeover = ADW_ENTRY_ROW (w);
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && top < 255; c = gtk_widget_get_next_sibling (c))
        stack[top++] = c;
    }
  g_assert_nonnull (grid);
  g_assert_nonnull (overlap);
  g_assert_nonnull (hours);
  g_assert_nonnull (changeover);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hours)), ==, "8:00am – 8:00pm");
  adw_combo_row_set_selected (grid, 2);
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT grid_step FROM event"), ==, 15);
  gtk_editable_set_text (GTK_EDITABLE (changeover), "10");
  g_signal_emit_by_name (changeover, "apply");
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT changeover FROM event"), ==, 10);
  adw_combo_row_set_selected (overlap, LECTERN_SEVERITY_BLOCK);
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT COUNT (*) FROM check_severity WHERE name = 'room-overlap' AND severity = 'block'"), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (hours), "nine to five");
  g_signal_emit_by_name (hours, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (hours), "error"));
  gtk_editable_set_text (GTK_EDITABLE (hours), "7:00am – 9:00pm");
  g_signal_emit_by_name (hours, "apply");
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT visible_start FROM day"), ==, 420);
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT visible_end FROM day"), ==, 1260);

  lectern_test_close_window (window);
}


/* A remote speaker's hours, typed in their time zone in their editor,
 * kept in the workshop's; dragging their talk shades the rest of the day. */
static void
test_schedule_availability (Fixture       *fixture,
                            gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternSchedulePage *page = LECTERN_SCHEDULE_PAGE (lectern_window_get_page (window, "schedule"));
  LecternTimeline *timeline = lectern_schedule_page_get_timeline (page);
  GtkWidget *availability;
  GtkWidget *stack[256];
  AdwEntryRow *hours = NULL, *zone = NULL;
  GtkWidget *add = NULL;
  LecternSlot *megatron = NULL;
  GArray *shade;
  int top = 0;

  /* Deepak Narayanan, the first speaker, shown in the Speakers page */
  lectern_test_select_row (window, "speakers", 0);
  availability = lectern_test_person_editor_child (window, "speakers", "availability_editor");
  stack[top++] = availability;
  while (top > 0)
    {
      GtkWidget *w = stack[--top];

      if (ADW_IS_ENTRY_ROW (w) && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), "Hours"))
        hours = ADW_ENTRY_ROW (w);
      else if (ADW_IS_ENTRY_ROW (w) && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), "In Their"))
        zone = ADW_ENTRY_ROW (w);
      else if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), "_Add") == 0)
        add = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && top < 255; c = gtk_widget_get_next_sibling (c))
        stack[top++] = c;
    }
  g_assert_nonnull (hours);
  g_assert_nonnull (zone);
  g_assert_nonnull (add);

  /* 6pm to 8pm in Zurich (UTC+2 in July) is 6am to 8am in Honolulu */
  gtk_editable_set_text (GTK_EDITABLE (hours), "6:00pm – 8:00pm");
  gtk_editable_set_text (GTK_EDITABLE (zone), "Mars/Olympus");
  g_assert_false (gtk_widget_get_sensitive (add));
  gtk_editable_set_text (GTK_EDITABLE (zone), "Europe/Zurich");
  g_assert_true (gtk_widget_get_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT start FROM availability"), ==, 6 * 60);
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT end FROM availability"), ==, 8 * 60);
  g_assert_true (lectern_test_has_mapped_label (availability, "6:00am – 8:00am, workshop time (Pacific/Honolulu) · 6:00pm – 8:00pm in Europe/Zurich"));

  /* his talk at 9:00 now fails a check; a drag shades all but 6–8am */
  lectern_test_show_page (window, "schedule");
  g_assert_true (lectern_test_wait_until (lectern_schedule_page_get_schedule (page) != NULL, 2000));
  megatron = schedule_slot (lectern_schedule_page_get_schedule (page), "Using Megatron to Train Large Language Models");
  g_assert_true (lectern_test_wait_until (gtk_widget_has_css_class (lectern_timeline_find_card (timeline, lectern_slot_get_id (megatron)), "problem"), 2000));
  lectern_timeline_preview (timeline, megatron, 200, lectern_timeline_get_y (timeline, 600), FALSE);
  shade = lectern_timeline_get_shade (timeline);
  g_assert_cmpuint (shade->len, ==, 4);
  g_assert_cmpint (g_array_index (shade, int, 0), ==, 0);
  g_assert_cmpint (g_array_index (shade, int, 1), ==, 6 * 60);
  g_assert_cmpint (g_array_index (shade, int, 2), ==, 8 * 60);
  g_assert_cmpint (g_array_index (shade, int, 3), ==, 24 * 60);
  lectern_timeline_preview (timeline, NULL, 0, 0, FALSE);
  g_assert_cmpuint (lectern_timeline_get_shade (timeline)->len, ==, 0);

  lectern_test_close_window (window);
}


/* The card's menu: swap with the next slot, close the day's gaps, move
 * the whole session. */
static void
test_schedule_menu (Fixture       *fixture,
                    gconstpointer  data)
{
  LecternWindow *window = lectern_test_open_window (app, fixture->path);
  LecternSchedulePage *page = LECTERN_SCHEDULE_PAGE (lectern_window_get_page (window, "schedule"));
  LecternTimeline *timeline = lectern_schedule_page_get_timeline (page);
  LecternSchedule *schedule;
  AdwMessageDialog *dialog;
  LecternSlot *megatron;
  const char *gaps = "SELECT COUNT (*) FROM (SELECT start, LAG (start + duration) OVER (ORDER BY start) AS prev_end"
                     " FROM slot WHERE day_id IS NOT NULL) WHERE prev_end IS NOT NULL AND start != prev_end";

  lectern_test_show_page (window, "schedule");
  schedule = lectern_schedule_page_get_schedule (page);
  megatron = schedule_slot (schedule, "Using Megatron to Train Large Language Models");
  gtk_widget_grab_focus (lectern_timeline_find_card (timeline, lectern_slot_get_id (megatron)));

  /* swapped with the next talk of the room: they stay neighbours */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.swap-next", NULL));
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT start FROM slot WHERE title = 'Distributed Systems for Decentralized AI'"), ==, 540);
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT start FROM slot WHERE title = 'Using Megatron to Train Large Language Models'"), ==, 560);

  /* the day's gaps closed: the happy hour follows the awards */
  g_assert_cmpint (lectern_test_sql_int (fixture->path, gaps), >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.compact", NULL));
  g_assert_cmpint (lectern_test_sql_int (fixture->path, gaps), ==, 0);

  /* the whole session to 2:00pm, its talks keeping their offsets */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.move-session", NULL));
  dialog = lectern_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Move the Session “Session I: Large-Scale Distributed Pretraining”");
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "Start (such as 9:30am or 14:05)")), "2:00pm");
  adw_message_dialog_response (dialog, "move");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lectern_test_flush ();
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT MIN (s.start) FROM slot s JOIN session n ON n.id = s.session_id WHERE n.title LIKE 'Session I:%'"), ==, 840);
  g_assert_cmpint (lectern_test_sql_int (fixture->path, "SELECT start FROM slot WHERE title = 'Using Megatron to Train Large Language Models'"), ==, 860);

  lectern_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!lectern_test_gui_init (&argc, &argv, "/schedule-page/display"))
    return g_test_run ();

  app = lectern_test_gui_new_app ();

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, lectern_test_demo_set_up, func, lectern_test_workshop_tear_down)

  ADD ("/schedule-page/timeline", test_schedule);
  ADD ("/schedule-page/colleague", test_schedule_colleague);
  ADD ("/schedule-page/near-view", test_schedule_near_view);
  ADD ("/schedule-page/days", test_schedule_days);
  ADD ("/schedule-page/dialogs", test_schedule_dialogs);
  ADD ("/schedule-page/editor", test_schedule_editor);
  ADD ("/schedule-page/settings", test_schedule_settings);
  ADD ("/schedule-page/availability", test_schedule_availability);
  ADD ("/schedule-page/menu", test_schedule_menu);

#undef ADD

  ret = g_test_run ();

  /* every window and dialog gone, and their worker threads done, before
   * the process (and LeakSanitizer's look at it) ends */
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
