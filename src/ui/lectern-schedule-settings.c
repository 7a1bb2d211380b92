/* lectern-schedule-settings.c: the workshop's schedule settings
 *
 * A group of the Event page: the timeline's grid step (5, 10 or 15
 * minutes), the changeover between rooms, each day's hours, and what
 * each of the schedule's checks does when it fails (nothing, a warning,
 * or no export until it is fixed). Each change is saved on its own, as
 * one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-schedule-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-enum-types.h"
#include "lectern-schedule-ops.h"
#include "lectern-schedule-settings.h"
#include "lectern-ui-util.h"

struct _LecternScheduleSettings
{
  AdwPreferencesGroup  parent_instance;

  LecternStore        *store;
  AdwComboRow         *grid_row;
  AdwEntryRow         *changeover_row;
  GtkWidget           *checks_row;          /* an expander */
  AdwComboRow         *check_rows[LECTERN_N_CHECKS];
  GPtrArray           *day_rows;            /* AdwEntryRow, "8:00am – 6:00pm" */
  GtkWidget           *days_anchor;         /* the rows of the days go after it */
  guint                updating : 1;
};

G_DEFINE_FINAL_TYPE (LecternScheduleSettings, lectern_schedule_settings, ADW_TYPE_PREFERENCES_GROUP)

static const char *
severity_label (int value)
{
  switch ((LecternSeverity) value)
    {
    case LECTERN_SEVERITY_IGNORE:
      return _("Ignore");
    case LECTERN_SEVERITY_WARN:
      return _("Warn");
    case LECTERN_SEVERITY_BLOCK:
      return _("Block Export");
    default:
      return "";
    }
}

static const int grid_steps[] = { 5, 10, 15 };

static const char *
check_label (LecternCheck check)
{
  switch (check)
    {
    case LECTERN_CHECK_ROOM_OVERLAP:
      return _("Two slots at once in a room");
    case LECTERN_CHECK_PERSON_CLASH:
      return _("Someone in two places at once");
    case LECTERN_CHECK_UNAVAILABLE:
      return _("Someone outside their availability");
    case LECTERN_CHECK_CHANGEOVER:
      return _("Too little time to change rooms");
    case LECTERN_CHECK_PANEL_MODERATOR:
      return _("A panel without a moderator");
    case LECTERN_CHECK_TALK_SPEAKER:
      return _("A talk without a speaker");
    case LECTERN_CHECK_OUTSIDE_HOURS:
      return _("A slot outside its day’s hours");
    case LECTERN_CHECK_EMPTY_SESSION:
      return _("A session with no scheduled slot");
    case LECTERN_N_CHECKS:
    default:
      return NULL;
    }
}

static void
show_error (LecternScheduleSettings *self,
            const GError            *error)
{
  lectern_ui_show_error (GTK_WIDGET (self), _("Could Not Save"), error);
  lectern_schedule_settings_reload (self);
}

static void
save_event (LecternScheduleSettings *self,
            int                      grid_step,
            int                      changeover)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternEvent) event = lectern_store_get_event (self->store, &error);

  if (event == NULL)
    {
      show_error (self, error);
      return;
    }
  if (lectern_event_get_grid_step (event) == grid_step && lectern_event_get_changeover (event) == changeover)
    return;

  lectern_event_set_grid_step (event, grid_step);
  lectern_event_set_changeover (event, changeover);
  if (!lectern_store_update_event (self->store, event, &error))
    show_error (self, error);
}

static gboolean
editable (LecternScheduleSettings *self)
{
  return self->store != NULL && !self->updating && !lectern_store_get_read_only (self->store);
}

static void
grid_changed_cb (LecternScheduleSettings *self)
{
  g_autoptr(LecternEvent) event = NULL;
  guint i = adw_combo_row_get_selected (self->grid_row);

  if (!editable (self) || i >= G_N_ELEMENTS (grid_steps) || !(event = lectern_store_get_event (self->store, NULL)))
    return;

  save_event (self, grid_steps[i], lectern_event_get_changeover (event));
}

static void
changeover_apply_cb (LecternScheduleSettings *self)
{
  g_autoptr(LecternEvent) event = NULL;
  guint64 minutes;

  if (!editable (self) || !(event = lectern_store_get_event (self->store, NULL)))
    return;

  if (!g_ascii_string_to_unsigned (gtk_editable_get_text (GTK_EDITABLE (self->changeover_row)), 10, 0, 240,
                                   &minutes, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->changeover_row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->changeover_row), "error");
  save_event (self, lectern_event_get_grid_step (event), (int) minutes);
}

static void
check_changed_cb (AdwComboRow             *row,
                  GParamSpec              *pspec,
                  LecternScheduleSettings *self)
{
  g_autoptr(GError) error = NULL;
  LecternCheck check = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "check"));

  if (!editable (self))
    return;

  if (!lectern_store_set_check_severity (self->store, check, MAX (lectern_ui_combo_row_get_enum (row), 0), &error))
    show_error (self, error);
  else
    lectern_ui_reload_window (GTK_WIDGET (self));
}

static void
day_apply_cb (AdwEntryRow             *row,
              LecternScheduleSettings *self)
{
  g_autoptr(GError) error = NULL;
  LecternDay *day = g_object_get_data (G_OBJECT (row), "day");
  int start, end;

  if (!editable (self))
    return;

  if (!lectern_parse_time_span (gtk_editable_get_text (GTK_EDITABLE (row)), &start, &end) || start >= end)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (!lectern_store_set_day_hours (self->store, day, start, end, &error))
    show_error (self, error);
  else
    lectern_ui_reload_window (GTK_WIDGET (self));
}

/**
 * lectern_schedule_settings_reload:
 *
 * Shows the settings as the file has them.
 */
void
lectern_schedule_settings_reload (LecternScheduleSettings *self)
{
  g_autoptr(LecternEvent) event = NULL;
  g_autoptr(GListModel) days = NULL;
  LecternSeverity severities[LECTERN_N_CHECKS];
  g_autofree char *changeover = NULL;

  g_return_if_fail (LECTERN_IS_SCHEDULE_SETTINGS (self));

  if (self->store == NULL || !(event = lectern_store_get_event (self->store, NULL)))
    return;

  self->updating = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (grid_steps); i++)
    if (grid_steps[i] == lectern_event_get_grid_step (event))
      adw_combo_row_set_selected (self->grid_row, i);

  changeover = g_strdup_printf ("%d", lectern_event_get_changeover (event));
  if (!gtk_widget_has_focus (GTK_WIDGET (self->changeover_row)))
    gtk_editable_set_text (GTK_EDITABLE (self->changeover_row), changeover);

  if (lectern_store_get_check_severities (self->store, severities, NULL))
    for (guint i = 0; i < LECTERN_N_CHECKS; i++)
      lectern_ui_combo_row_select_enum (self->check_rows[i], severities[i]);

  /* a row per day: its hours */
  for (guint i = 0; i < self->day_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->day_rows, i));
  g_ptr_array_set_size (self->day_rows, 0);
  days = lectern_store_list_days (self->store, NULL);
  for (guint i = 0; days != NULL && i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, i);
      g_autofree char *date = lectern_ui_format_date (lectern_day_get_date (day));
      g_autofree char *title = g_strdup_printf (_("Hours of %s"), date);
      g_autofree char *from = lectern_format_time (lectern_day_get_visible_start (day));
      g_autofree char *to = lectern_format_time (lectern_day_get_visible_end (day) % (24 * 60));
      g_autofree char *text = g_strdup_printf ("%s – %s", from, to);
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      g_object_set_data_full (G_OBJECT (row), "day", g_object_ref (day), g_object_unref);
      g_signal_connect (row, "apply", G_CALLBACK (day_apply_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->day_rows, row);
    }

  self->updating = FALSE;
}

void
lectern_schedule_settings_set_store (LecternScheduleSettings *self,
                                     LecternStore            *store)
{
  g_return_if_fail (LECTERN_IS_SCHEDULE_SETTINGS (self));

  g_set_object (&self->store, store);
  lectern_schedule_settings_reload (self);
}

static void
lectern_schedule_settings_dispose (GObject *object)
{
  LecternScheduleSettings *self = LECTERN_SCHEDULE_SETTINGS (object);

  self->updating = TRUE;
  g_clear_object (&self->store);
  g_clear_pointer (&self->day_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lectern_schedule_settings_parent_class)->dispose (object);
}

static void
lectern_schedule_settings_class_init (LecternScheduleSettingsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lectern_schedule_settings_dispose;
}

static void
lectern_schedule_settings_init (LecternScheduleSettings *self)
{
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);

  self->updating = TRUE;
  self->day_rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Schedule"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("How the timeline moves slots, and what it checks."));

  for (guint i = 0; i < G_N_ELEMENTS (grid_steps); i++)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", grid_steps[i]),
                                                grid_steps[i]);

      gtk_string_list_append (steps, label);
    }
  self->grid_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->grid_row), _("Grid Step"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->grid_row), _("Slots snap to it when dragged or moved with Alt+Up/Down"));
  adw_combo_row_set_model (self->grid_row, G_LIST_MODEL (steps));
  g_signal_connect_swapped (self->grid_row, "notify::selected", G_CALLBACK (grid_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->grid_row));

  self->changeover_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->changeover_row),
                                 _("Minutes to Change Rooms (0: no check)"));
  adw_entry_row_set_show_apply_button (self->changeover_row, TRUE);
  g_signal_connect_swapped (self->changeover_row, "apply", G_CALLBACK (changeover_apply_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->changeover_row));

  self->checks_row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->checks_row), _("Checks"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->checks_row),
                                 _("What each problem does: a warning, or no export until it is fixed"));
  for (guint i = 0; i < LECTERN_N_CHECKS; i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), check_label (i));
      lectern_ui_combo_row_set_enum (row, LECTERN_TYPE_SEVERITY, severity_label);
      g_object_set_data (G_OBJECT (row), "check", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (check_changed_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self->checks_row), GTK_WIDGET (row));
      self->check_rows[i] = row;
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->checks_row);

  self->updating = FALSE;
}
