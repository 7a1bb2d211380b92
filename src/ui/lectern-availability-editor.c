/* lectern-availability-editor.c: when a person can be scheduled
 *
 * A group of the person's editor: the windows in which the person is
 * available, per day of the workshop (a speaker flying out at 3pm, a
 * remote speaker who can only talk in their own daytime). A window is
 * typed in the person's own time zone and kept in the workshop's, and
 * shown in both. With no window on a day, the person is available all
 * day. The schedule's "unavailable" check reads them, and the timeline
 * shades the other times while their slot is dragged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-availability-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-availability-editor.h"
#include "lectern-schedule-ops.h"
#include "lectern-ui-util.h"

struct _LecternAvailabilityEditor
{
  AdwPreferencesGroup  parent_instance;

  LecternStore        *store;
  gint64               person_id;
  GPtrArray           *rows;        /* the windows' rows */
  GArray              *day_ids;
  GPtrArray           *day_dates;
  AdwComboRow         *day_row;
  AdwEntryRow         *hours_row;
  AdwEntryRow         *zone_row;
  GtkWidget           *add_button;
  char                *workshop_zone;
};

G_DEFINE_FINAL_TYPE (LecternAvailabilityEditor, lectern_availability_editor, ADW_TYPE_PREFERENCES_GROUP)

static char *
format_span (int start,
             int end)
{
  g_autofree char *a = lectern_format_time (((start % 1440) + 1440) % 1440);
  g_autofree char *b = lectern_format_time (((end % 1440) + 1440) % 1440);

  return g_strdup_printf ("%s – %s", a, b);
}

static const char *
date_of (LecternAvailabilityEditor *self,
         gint64                     day_id)
{
  for (guint i = 0; i < self->day_ids->len; i++)
    if (g_array_index (self->day_ids, gint64, i) == day_id)
      return g_ptr_array_index (self->day_dates, i);

  return NULL;
}

static gboolean
typed_window (LecternAvailabilityEditor *self,
              LecternAvailability       *window,
              GError                   **error)
{
  guint day = adw_combo_row_get_selected (self->day_row);
  const char *zone = gtk_editable_get_text (GTK_EDITABLE (self->zone_row));
  int start, end;

  if (day >= self->day_ids->len)
    return FALSE;
  if (lectern_ui_is_empty (zone))
    zone = self->workshop_zone;
  if (!lectern_parse_time_span (gtk_editable_get_text (GTK_EDITABLE (self->hours_row)), &start, &end))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("Type the hours as “9:00am – 3:00pm”."));
      return FALSE;
    }
  if (end <= start)
    end += 24 * 60;

  window->person_id = self->person_id;
  window->day_id = g_array_index (self->day_ids, gint64, day);
  window->timezone = (char *) zone;
  if (!lectern_convert_time (g_ptr_array_index (self->day_dates, day), start, zone, self->workshop_zone,
                             &window->start, error) ||
      !lectern_convert_time (g_ptr_array_index (self->day_dates, day), end, zone, self->workshop_zone,
                             &window->end, error))
    return FALSE;

  /* the part of it on the workshop's day */
  window->start = CLAMP (window->start, 0, 24 * 60);
  window->end = CLAMP (window->end, 0, 24 * 60);
  if (window->end <= window->start)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("Those hours fall on another day of the workshop’s time zone (%s)."), self->workshop_zone);
      return FALSE;
    }

  return TRUE;
}

static void
typed_cb (LecternAvailabilityEditor *self)
{
  LecternAvailability window = { 0 };

  gtk_widget_set_sensitive (self->add_button, self->store != NULL && typed_window (self, &window, NULL));
}

static void reload (LecternAvailabilityEditor *self);

static void
add_cb (LecternAvailabilityEditor *self)
{
  g_autoptr(GError) error = NULL;
  LecternAvailability window = { 0 };

  if (!typed_window (self, &window, &error) || !lectern_store_add_availability (self->store, &window, &error))
    {
      lectern_ui_show_error (GTK_WIDGET (self), _("Could Not Add the Hours"), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->hours_row), "");
  lectern_ui_reload_window (GTK_WIDGET (self));
  reload (self);
}

static void
remove_cb (GtkButton                 *button,
           LecternAvailabilityEditor *self)
{
  g_autoptr(GError) error = NULL;
  LecternAvailability *window = g_object_get_data (G_OBJECT (button), "window");

  if (!lectern_store_remove_availability (self->store, window, &error))
    lectern_ui_show_error (GTK_WIDGET (self), _("Could Not Remove the Hours"), error);
  lectern_ui_reload_window (GTK_WIDGET (self));
  reload (self);
}

static void
window_free (gpointer data)
{
  LecternAvailability *window = data;

  lectern_availability_clear (window);
  g_free (window);
}

static void
reload (LecternAvailabilityEditor *self)
{
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GArray) windows = NULL;
  g_autoptr(LecternEvent) event = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean writable;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->day_ids, 0);
  g_ptr_array_set_size (self->day_dates, 0);

  if (self->store == NULL || self->person_id <= 0)
    return;

  event = lectern_store_get_event (self->store, NULL);
  g_free (self->workshop_zone);
  self->workshop_zone = g_strdup (event ? lectern_event_get_timezone (event) : "UTC");
  days = lectern_store_list_days (self->store, NULL);
  windows = lectern_store_list_availability (self->store, NULL);
  writable = !lectern_store_get_read_only (self->store);

  for (guint i = 0; days != NULL && i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, i);
      g_autofree char *label = lectern_ui_format_date (lectern_day_get_date (day));
      gint64 id = lectern_day_get_id (day);

      g_array_append_val (self->day_ids, id);
      g_ptr_array_add (self->day_dates, g_strdup (lectern_day_get_date (day)));
      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (self->day_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self), self->day_ids->len > 0);

  for (guint i = 0; windows != NULL && i < windows->len; i++)
    {
      LecternAvailability *window = &g_array_index (windows, LecternAvailability, i);
      const char *date = date_of (self, window->day_id);
      g_autofree char *label = date ? lectern_ui_format_date (date) : NULL;
      g_autofree char *span = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_label = NULL;
      LecternAvailability *kept;
      GtkWidget *row, *remove;

      if (window->person_id != self->person_id)
        continue;

      span = format_span (window->start, window->end);
      subtitle = g_strdup_printf (_("%s, workshop time (%s)"), span, self->workshop_zone);
      if (!lectern_ui_is_empty (window->timezone) && g_strcmp0 (window->timezone, self->workshop_zone) != 0 && date)
        {
          int start, end;

          if (lectern_convert_time (date, window->start, self->workshop_zone, window->timezone, &start, NULL) &&
              lectern_convert_time (date, window->end, self->workshop_zone, window->timezone, &end, NULL))
            {
              g_autofree char *theirs = format_span (start, end);
              char *both = g_strdup_printf (_("%s · %s in %s"), subtitle, theirs, window->timezone);

              g_free (subtitle);
              subtitle = both;
            }
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label ? label : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      remove_label = g_strdup_printf (_("Remove the hours of %s"), label ? label : "");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_widget_set_sensitive (remove, writable);
      kept = g_new0 (LecternAvailability, 1);
      *kept = *window;
      kept->timezone = g_strdup (window->timezone);
      g_object_set_data_full (G_OBJECT (remove), "window", kept, window_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->day_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->hours_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->zone_row), writable);
  typed_cb (self);
}

/**
 * lectern_availability_editor_set_person:
 * @person: (nullable): whose hours to show
 */
void
lectern_availability_editor_set_person (LecternAvailabilityEditor *self,
                                        LecternStore              *store,
                                        LecternPerson             *person)
{
  g_return_if_fail (LECTERN_IS_AVAILABILITY_EDITOR (self));

  g_set_object (&self->store, store);
  self->person_id = person ? lectern_person_get_id (person) : 0;
  reload (self);
}

static void
lectern_availability_editor_dispose (GObject *object)
{
  LecternAvailabilityEditor *self = LECTERN_AVAILABILITY_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->day_ids, g_array_unref);
  g_clear_pointer (&self->day_dates, g_ptr_array_unref);
  g_clear_pointer (&self->workshop_zone, g_free);

  G_OBJECT_CLASS (lectern_availability_editor_parent_class)->dispose (object);
}

static void
lectern_availability_editor_class_init (LecternAvailabilityEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lectern_availability_editor_dispose;
}

static void
lectern_availability_editor_init (LecternAvailabilityEditor *self)
{
  self->rows = g_ptr_array_new ();
  self->day_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->day_dates = g_ptr_array_new_with_free_func (g_free);
  self->workshop_zone = g_strdup ("UTC");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Available"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("When they can be scheduled, day by day; with no hours on a day, all day."));

  self->day_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->day_row), _("Day"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->day_row));

  self->hours_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hours_row), _("Hours (such as 9:00am – 3:00pm)"));
  g_signal_connect_swapped (self->hours_row, "changed", G_CALLBACK (typed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->hours_row));

  self->zone_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->zone_row), _("In Their Time Zone (empty: the workshop’s)"));
  g_signal_connect_swapped (self->zone_row, "changed", G_CALLBACK (typed_cb), self);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add"));
  lectern_ui_name_button (self->add_button);
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_cb), self);
  adw_entry_row_add_suffix (self->zone_row, self->add_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->zone_row));
}
