/* lectern-schedule-dialogs.c: Move To… and New Slot
 *
 * Move To… is the keyboard's way to do what a drag does: a slot (on the
 * timeline, or in the pool) to a day, a room and a start, with or
 * without ripple, through the same operation as a drop. New Slot makes
 * a slot of any kind, in the pool or at a time of the day shown.
 *
 * Both refuse what cannot be done before they close (the Move and Add
 * buttons stay off until the time reads as a time), and say in a toast
 * what they did, with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-schedule-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-enum-types.h"
#include "lectern-schedule-dialogs.h"
#include "lectern-schedule-ops.h"
#include "lectern-ui-util.h"

typedef struct
{
  LecternSchedule *schedule;
  LecternSlot     *slot;       /* Move To… */
  GArray          *day_ids;
  GArray          *room_ids;
  AdwComboRow     *day_row;
  AdwComboRow     *room_row;
  AdwEntryRow     *start_row;
  AdwEntryRow     *title_row;  /* New Slot */
  AdwComboRow     *kind_row;
  AdwEntryRow     *length_row;
  GtkSwitch       *ripple;
  gint64           day_id;
} Dialog;

static const char *
kind_label (int value)
{
  return lectern_ui_slot_kind_label (value);
}

static void
dialog_free (Dialog *d)
{
  g_clear_object (&d->schedule);
  g_clear_object (&d->slot);
  g_clear_pointer (&d->day_ids, g_array_unref);
  g_clear_pointer (&d->room_ids, g_array_unref);
  g_free (d);
}

static void
dialog_closure_free (gpointer  data,
                     GClosure *closure)
{
  dialog_free (data);
}

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

/* The days (a row when there are several) and the rooms (a row when
 * there are any), with their ids in the rows' order. */
static void
add_place_rows (Dialog    *d,
                GtkWidget *list,
                gint64     day_id,
                gint64     room_id)
{
  LecternStore *store = lectern_schedule_get_store (d->schedule);
  g_autoptr(GListModel) days = lectern_store_list_days (store, NULL);
  g_autoptr(GListModel) rooms = lectern_store_list_rooms (store, NULL);
  g_autoptr(GtkStringList) day_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) room_names = gtk_string_list_new (NULL);
  guint day_index = 0, room_index = 0;
  gint64 none = 0;

  d->day_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->room_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; days != NULL && i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, i);
      g_autofree char *label = lectern_ui_format_date (lectern_day_get_date (day));
      gint64 id = lectern_day_get_id (day);

      gtk_string_list_append (day_names, label);
      g_array_append_val (d->day_ids, id);
      if (id == day_id)
        day_index = i;
    }

  gtk_string_list_append (room_names, _("No room"));
  g_array_append_val (d->room_ids, none);
  for (guint i = 0; rooms != NULL && i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(LecternRoom) room = g_list_model_get_item (rooms, i);
      gint64 id = lectern_room_get_id (room);

      gtk_string_list_append (room_names, lectern_room_get_name (room));
      g_array_append_val (d->room_ids, id);
      if (id == room_id)
        room_index = i + 1;
    }

  d->day_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->day_row), _("Day"));
  adw_combo_row_set_model (d->day_row, G_LIST_MODEL (day_names));
  adw_combo_row_set_selected (d->day_row, day_index);
  gtk_widget_set_visible (GTK_WIDGET (d->day_row), d->day_ids->len > 1);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->day_row));

  d->room_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->room_row), _("Room"));
  adw_combo_row_set_model (d->room_row, G_LIST_MODEL (room_names));
  adw_combo_row_set_selected (d->room_row, room_index);
  gtk_widget_set_visible (GTK_WIDGET (d->room_row), d->room_ids->len > 1);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->room_row));
}

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  guint i = adw_combo_row_get_selected (row);

  return i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

/* ------------------------------------------------------------------ */
/* Move To…                                                            */

static void
move_start_changed_cb (GtkEditable      *editable,
                       AdwMessageDialog *dialog)
{
  int minutes;
  gboolean ok = lectern_parse_time (gtk_editable_get_text (editable), &minutes);

  adw_message_dialog_set_response_enabled (dialog, "move", ok);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
}

static void
move_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  Dialog           *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSchedulePlan) plan = NULL;
  GtkWidget *parent = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  int start;

  if (g_strcmp0 (response, "move") != 0 ||
      !lectern_parse_time (gtk_editable_get_text (GTK_EDITABLE (d->start_row)), &start))
    return;

  plan = lectern_schedule_plan_move (lectern_schedule_get_scheduled (d->schedule), d->slot,
                                     selected_id (d->day_row, d->day_ids), selected_id (d->room_row, d->room_ids),
                                     start, gtk_switch_get_active (d->ripple) ? LECTERN_SCHEDULE_RIPPLE : 0, &error);
  if (plan == NULL || !lectern_schedule_apply (d->schedule, plan, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      lectern_ui_toast (parent, toast);
      return;
    }

  if (lectern_schedule_plan_get_n_moves (plan) > 0)
    lectern_ui_toast_undo (parent, lectern_schedule_plan_get_label (plan));
}

/**
 * lectern_schedule_move_to_dialog_new:
 * @parent: the widget whose window the dialog belongs to
 * @slot: a slot, scheduled or in the pool
 * @day_id: the day to offer for a slot in the pool
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
lectern_schedule_move_to_dialog_new (GtkWidget       *parent,
                                     LecternSchedule *schedule,
                                     LecternSlot     *slot,
                                     gint64           day_id)
{
  Dialog *d = g_new0 (Dialog, 1);
  GtkRoot *root = gtk_widget_get_root (parent);
  g_autofree char *heading = NULL;
  g_autofree char *time = NULL;
  GtkWidget *dialog, *list, *ripple_row;
  const char *title = lectern_slot_get_title (slot);

  d->schedule = g_object_ref (schedule);
  d->slot = g_object_ref (slot);

  heading = g_strdup_printf (_("Move “%s”"), lectern_ui_is_empty (title)
                             ? lectern_ui_slot_kind_label (lectern_slot_get_kind (slot)) : title);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Choose its day, room and start."));

  list = boxed_list ();
  add_place_rows (d, list, lectern_slot_is_scheduled (slot) ? lectern_slot_get_day_id (slot) : day_id,
                  lectern_slot_get_room_id (slot));

  d->start_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->start_row), _("Start (such as 9:30am or 14:05)"));
  time = lectern_format_time (lectern_slot_is_scheduled (slot) ? lectern_slot_get_start (slot) : 9 * 60);
  gtk_editable_set_text (GTK_EDITABLE (d->start_row), time);
  adw_entry_row_set_activates_default (d->start_row, TRUE);
  g_signal_connect (d->start_row, "changed", G_CALLBACK (move_start_changed_cb), dialog);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->start_row));

  ripple_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ripple_row), _("Shift Later Slots"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (ripple_row), _("The slots after it in the room make way"));
  d->ripple = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (d->ripple), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (ripple_row), GTK_WIDGET (d->ripple));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (ripple_row), GTK_WIDGET (d->ripple));
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->ripple), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Shift later slots"), -1);
  gtk_list_box_append (GTK_LIST_BOX (list), ripple_row);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (move_response_cb), d, dialog_closure_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (d->start_row));
  return dialog;
}

/* ------------------------------------------------------------------ */
/* Move the Session To…                                                */

static void
move_session_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          Dialog           *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSchedulePlan) plan = NULL;
  GtkWidget *parent = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  LecternSession *session = g_object_get_data (G_OBJECT (dialog), "session");
  int start;

  if (g_strcmp0 (response, "move") != 0 ||
      !lectern_parse_time (gtk_editable_get_text (GTK_EDITABLE (d->start_row)), &start))
    return;

  /* each slot keeps its room */
  plan = lectern_schedule_plan_move_session (lectern_schedule_get_scheduled (d->schedule), session,
                                             selected_id (d->day_row, d->day_ids), -1, start, &error);
  if (plan == NULL || !lectern_schedule_apply (d->schedule, plan, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      lectern_ui_toast (parent, toast);
      return;
    }

  if (lectern_schedule_plan_get_n_moves (plan) > 0)
    lectern_ui_toast_undo (parent, lectern_schedule_plan_get_label (plan));
}

/**
 * lectern_schedule_move_session_dialog_new:
 * @session: the session whose slots move together, keeping their offsets
 *   from its first and their rooms
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
lectern_schedule_move_session_dialog_new (GtkWidget       *parent,
                                          LecternSchedule *schedule,
                                          LecternSession  *session,
                                          gint64           day_id)
{
  Dialog *d = g_new0 (Dialog, 1);
  GtkRoot *root = gtk_widget_get_root (parent);
  GListModel *scheduled = lectern_schedule_get_scheduled (schedule);
  g_autofree char *heading = NULL;
  g_autofree char *time = NULL;
  GtkWidget *dialog, *list;
  int first = 9 * 60;

  d->schedule = g_object_ref (schedule);

  for (guint i = 0, found = 0; i < g_list_model_get_n_items (scheduled); i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (scheduled, i);

      if (lectern_slot_get_session_id (slot) != lectern_session_get_id (session))
        continue;
      first = found++ ? MIN (first, lectern_slot_get_start (slot)) : lectern_slot_get_start (slot);
    }

  heading = g_strdup_printf (_("Move the Session “%s”"), lectern_session_get_title (session));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Its slots move together, each keeping its room and its time after the first."));
  g_object_set_data_full (G_OBJECT (dialog), "session", g_object_ref (session), g_object_unref);

  list = boxed_list ();
  add_place_rows (d, list, day_id, 0);
  gtk_widget_set_visible (GTK_WIDGET (d->room_row), FALSE);

  d->start_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->start_row), _("Start (such as 9:30am or 14:05)"));
  time = lectern_format_time (first);
  gtk_editable_set_text (GTK_EDITABLE (d->start_row), time);
  adw_entry_row_set_activates_default (d->start_row, TRUE);
  g_signal_connect (d->start_row, "changed", G_CALLBACK (move_start_changed_cb), dialog);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->start_row));

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (move_session_response_cb), d, dialog_closure_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (d->start_row));
  return dialog;
}

/* ------------------------------------------------------------------ */
/* New Slot                                                            */

static void
new_slot_changed_cb (GtkEditable      *editable,
                     AdwMessageDialog *dialog)
{
  Dialog *d = g_object_get_data (G_OBJECT (dialog), "lectern-dialog");
  const char *start = gtk_editable_get_text (GTK_EDITABLE (d->start_row));
  const char *length = gtk_editable_get_text (GTK_EDITABLE (d->length_row));
  guint64 minutes;
  int ignored;
  gboolean start_ok = lectern_ui_is_empty (start) || lectern_parse_time (start, &ignored);
  gboolean length_ok = g_ascii_string_to_unsigned (length, 10, 0, 24 * 60, &minutes, NULL);

  adw_message_dialog_set_response_enabled (dialog, "add",
                                           !lectern_ui_is_empty (gtk_editable_get_text (GTK_EDITABLE (d->title_row))) &&
                                           start_ok && length_ok);
  if (start_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (d->start_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (d->start_row), "error");
  if (length_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (d->length_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (d->length_row), "error");
}

static void
new_slot_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Dialog           *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSlot) slot = lectern_slot_new ();
  GtkWidget *parent = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  const char *start_text = gtk_editable_get_text (GTK_EDITABLE (d->start_row));
  guint64 length = 0;
  int start = -1;
  g_autofree char *label = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;

  g_ascii_string_to_unsigned (gtk_editable_get_text (GTK_EDITABLE (d->length_row)), 10, 0, 24 * 60, &length, NULL);
  lectern_slot_set_title (slot, gtk_editable_get_text (GTK_EDITABLE (d->title_row)));
  lectern_slot_set_kind (slot, MAX (lectern_ui_combo_row_get_enum (d->kind_row), 0));
  lectern_slot_set_duration (slot, (int) length);
  lectern_slot_set_room_id (slot, selected_id (d->room_row, d->room_ids));
  if (!lectern_ui_is_empty (start_text) && lectern_parse_time (start_text, &start))
    {
      lectern_slot_set_day_id (slot, selected_id (d->day_row, d->day_ids));
      lectern_slot_set_start (slot, start);
    }
  else
    lectern_slot_set_start (slot, -1);

  if (!lectern_store_add_slot (lectern_schedule_get_store (d->schedule), slot, &error) ||
      !lectern_schedule_reload (d->schedule, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      lectern_ui_toast (parent, toast);
      return;
    }

  label = lectern_store_get_undo_label (lectern_schedule_get_store (d->schedule));
  lectern_ui_toast_undo (parent, label);
}

/**
 * lectern_schedule_new_slot_dialog_new:
 * @day_id: the day a slot given a start goes to (the one shown)
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
lectern_schedule_new_slot_dialog_new (GtkWidget       *parent,
                                      LecternSchedule *schedule,
                                      gint64           day_id)
{
  Dialog *d = g_new0 (Dialog, 1);
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog, *list;

  d->schedule = g_object_ref (schedule);
  d->day_id = day_id;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("New Slot"),
                                   _("Leave the start empty to keep it in the pool until it has a place."));
  g_object_set_data (G_OBJECT (dialog), "lectern-dialog", d);
  list = boxed_list ();

  d->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->title_row), _("Title"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->title_row));

  d->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->kind_row), _("Kind"));
  lectern_ui_combo_row_set_enum (d->kind_row, LECTERN_TYPE_SLOT_KIND, kind_label);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->kind_row));

  d->length_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->length_row), _("Length in minutes"));
  gtk_editable_set_text (GTK_EDITABLE (d->length_row), "25");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->length_row));

  add_place_rows (d, list, day_id, 0);

  d->start_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->start_row), _("Start (empty: in the pool)"));
  adw_entry_row_set_activates_default (d->start_row, TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->start_row));

  g_signal_connect (d->title_row, "changed", G_CALLBACK (new_slot_changed_cb), dialog);
  g_signal_connect (d->length_row, "changed", G_CALLBACK (new_slot_changed_cb), dialog);
  g_signal_connect (d->start_row, "changed", G_CALLBACK (new_slot_changed_cb), dialog);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (new_slot_response_cb), d, dialog_closure_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (d->title_row));
  return dialog;
}
