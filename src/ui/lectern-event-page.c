/* lectern-event-page.c: the workshop's details, editable
 *
 * Every row saves on its own, as one undo step, when the organizer
 * presses Enter or leaves it (see LecternForm). A time zone the store
 * would refuse, a bad address or date is marked as typed and not saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-event-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lectern-event-page.h"
#include "lectern-export-dialog.h"
#include "lectern-form.h"
#include "lectern-readiness-list.h"
#include "lectern-schedule-settings.h"
#include "lectern-site-text.h"
#include "lectern-ui-util.h"

struct _LecternEventPage
{
  GtkWidget     parent_instance;

  /* Template Widgets */
  AdwPreferencesPage *preferences_page;
  GtkLabel     *title_label;
  GtkLabel     *summary_label;
  AdwEntryRow  *name_row;
  AdwEntryRow  *short_name_row;
  AdwEntryRow  *conference_row;
  AdwEntryRow  *start_date_row;
  AdwEntryRow  *end_date_row;
  AdwEntryRow  *timezone_row;
  GtkLabel     *utc_offset_label;
  AdwEntryRow  *venue_row;
  AdwEntryRow  *room_row;
  AdwEntryRow  *room_map_row;
  AdwEntryRow  *contact_row;
  AdwEntryRow  *site_row;
  AdwEntryRow  *openreview_row;
  AdwEntryRow  *program_folder_row;
  GtkWidget    *room_map_button;
  GtkWidget    *contact_button;
  GtkWidget    *site_button;
  GtkWidget    *openreview_button;
  LecternReadinessList *readiness_list;
  LecternScheduleSettings *schedule_settings;

  /* Owned References */
  LecternStore *store;
  LecternForm  *form;
  LecternEvent *event;
};

G_DEFINE_FINAL_TYPE (LecternEventPage, lectern_event_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
save_event (LecternStore  *store,
            gpointer       event,
            GError       **error)
{
  return lectern_store_update_event (store, event, error);
}

static gpointer
fetch_event (LecternStore  *store,
             gint64         id,
             GError       **error)
{
  return lectern_store_get_event (store, error);
}

static const LecternConflictField event_fields[] = {
  { "name", N_("Name") },
  { "short-name", N_("Short Name") },
  { "conference", N_("Conference") },
  { "start-date", N_("First Day") },
  { "end-date", N_("Last Day") },
  { "timezone", N_("Time Zone") },
  { "venue", N_("Venue") },
  { "room", N_("Room") },
  { "room-map-url", N_("Room Map") },
  { "contact-email", N_("Contact Email") },
  { "site-url", N_("Website") },
  { "openreview-url", N_("OpenReview") },
  { "program-folder", N_("Folder for Calendars and Apps") },
};

static LecternConflictField translated_fields[G_N_ELEMENTS (event_fields)];

static const LecternSaveKind event_kind = {
  save_event, fetch_event, translated_fields, G_N_ELEMENTS (translated_fields),
};

/* Helpers */

static char *
format_dates (LecternEvent *event)
{
  const char *start = lectern_event_get_start_date (event);
  const char *end = lectern_event_get_end_date (event);
  g_autofree char *first = lectern_ui_format_date (start);
  g_autofree char *last = NULL;

  if (lectern_ui_is_empty (end) || g_strcmp0 (start, end) == 0)
    return g_steal_pointer (&first);

  last = lectern_ui_format_date (end);
  if (first == NULL)
    return g_steal_pointer (&last);

  /* Translators: a range of dates, from the first to the last day */
  return g_strdup_printf (_("%s to %s"), first, last);
}

/* "UTC-10" for Pacific/Honolulu, at the workshop's date */
static char *
format_utc_offset (LecternEvent *event)
{
  const char *identifier = lectern_event_get_timezone (event);
  const char *start = lectern_event_get_start_date (event);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) noon = NULL;
  int year, month, day;

  if (lectern_ui_is_empty (identifier) || (tz = g_time_zone_new_identifier (identifier)) == NULL)
    return NULL;

  if (lectern_ui_is_empty (start) ||
      sscanf (start, "%d-%d-%d", &year, &month, &day) != 3 ||
      !(noon = g_date_time_new (tz, year, month, day, 12, 0, 0)))
    noon = g_date_time_new_now (tz);

  return lectern_site_format_utc_offset (g_date_time_get_utc_offset (noon) / G_USEC_PER_SEC);
}

/* Points @button at @prefix + @value, or hides it when @value is empty. */
static void
set_link (GtkWidget  *button,
          const char *prefix,
          const char *value)
{
  g_assert (GTK_IS_ACTIONABLE (button));

  gtk_widget_set_visible (button, !lectern_ui_is_empty (value));

  if (!lectern_ui_is_empty (value))
    {
      g_autofree char *uri = g_strconcat (prefix, value, NULL);

      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-uri");
    }
}

static void
update_header (LecternEventPage *self)
{
  LecternEvent *event = self->event;
  g_autofree char *dates = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *offset = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *title;

  g_assert (LECTERN_IS_EVENT_PAGE (self));
  g_assert (LECTERN_IS_EVENT (event));

  title = lectern_event_get_name (event);
  if (lectern_ui_is_empty (title))
    title = lectern_event_get_short_name (event);
  if (lectern_ui_is_empty (title))
    title = _("Untitled Workshop");
  gtk_label_set_text (self->title_label, title);

  dates = format_dates (event);
  if (!lectern_ui_is_empty (lectern_event_get_short_name (event)))
    g_ptr_array_add (parts, (gpointer) lectern_event_get_short_name (event));
  if (!lectern_ui_is_empty (lectern_event_get_conference (event)))
    g_ptr_array_add (parts, (gpointer) lectern_event_get_conference (event));
  if (dates != NULL)
    g_ptr_array_add (parts, dates);
  g_ptr_array_add (parts, NULL);
  summary = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), !lectern_ui_is_empty (summary));

  offset = format_utc_offset (event);
  gtk_label_set_text (self->utc_offset_label, offset ? offset : "");

  set_link (self->room_map_button, "", lectern_event_get_room_map_url (event));
  set_link (self->contact_button, "mailto:", lectern_event_get_contact_email (event));
  set_link (self->site_button, "", lectern_event_get_site_url (event));
  set_link (self->openreview_button, "", lectern_event_get_openreview_url (event));
}

/* Signal callbacks */

/* The readiness checks, with the site's when this machine knows where
 * the workshop's site checkout is.
 */
static void
update_readiness (LecternEventPage *self)
{
  g_autofree char *site = NULL;

  g_assert (LECTERN_IS_EVENT_PAGE (self));

  site = lectern_export_get_remembered_site (lectern_store_get_path (self->store));
  if (site != NULL && !g_file_test (site, G_FILE_TEST_IS_DIR))
    g_clear_pointer (&site, g_free);

  lectern_readiness_list_update (self->readiness_list, self->store, site);
}

static void
form_apply_cb (LecternEventPage *self,
               LecternEvent     *edited,
               LecternForm      *form)
{
  g_assert (LECTERN_IS_EVENT_PAGE (self));
  g_assert (LECTERN_IS_EVENT (edited));

  lectern_ui_save_edit (GTK_WIDGET (self), self->store, &event_kind, form, edited,
                        _("Edit Event Details"), _("Event details"));
}

/* GObject overrides */

static void
lectern_event_page_dispose (GObject *object)
{
  LecternEventPage *self = LECTERN_EVENT_PAGE (object);
  GtkWidget *child;

  /* First: the rows must not save while they are taken down. */
  g_clear_object (&self->form);
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_EVENT_PAGE);
  /* Children the template does not name are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->event);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lectern_event_page_parent_class)->dispose (object);
}

static void
lectern_event_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LecternEventPage *self = LECTERN_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_event_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LecternEventPage *self = LECTERN_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lectern_event_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_event_page_class_init (LecternEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_event_page_dispose;
  object_class->get_property = lectern_event_page_get_property;
  object_class->set_property = lectern_event_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LECTERN_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  for (guint i = 0; i < G_N_ELEMENTS (event_fields); i++)
    {
      translated_fields[i].property = event_fields[i].property;
      translated_fields[i].label = g_dgettext (GETTEXT_PACKAGE, event_fields[i].label);
    }

  g_type_ensure (LECTERN_TYPE_READINESS_LIST);
  g_type_ensure (LECTERN_TYPE_SCHEDULE_SETTINGS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/lectern-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, conference_row);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, utc_offset_label);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, venue_row);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, room_row);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, room_map_row);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, contact_row);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, site_row);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, openreview_row);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, program_folder_row);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, room_map_button);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, contact_button);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, site_button);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, openreview_button);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, readiness_list);
  gtk_widget_class_bind_template_child (widget_class, LecternEventPage, schedule_settings);
}

static void
lectern_event_page_init (LecternEventPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lectern_readiness_list_set_actionable (self->readiness_list, TRUE);

  self->form = lectern_form_new ();
  lectern_form_add_entry (self->form, self->name_row, "name", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (self->form, self->short_name_row, "short-name", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (self->form, self->conference_row, "conference", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (self->form, self->start_date_row, "start-date", LECTERN_FIELD_DATE);
  lectern_form_add_entry (self->form, self->end_date_row, "end-date", LECTERN_FIELD_DATE);
  lectern_form_add_entry (self->form, self->timezone_row, "timezone", LECTERN_FIELD_TIMEZONE);
  lectern_form_add_entry (self->form, self->venue_row, "venue", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (self->form, self->room_row, "room", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (self->form, self->room_map_row, "room-map-url", LECTERN_FIELD_URL);
  lectern_form_add_entry (self->form, self->contact_row, "contact-email", LECTERN_FIELD_EMAIL);
  lectern_form_add_entry (self->form, self->site_row, "site-url", LECTERN_FIELD_URL);
  lectern_form_add_entry (self->form, self->openreview_row, "openreview-url", LECTERN_FIELD_URL);
  lectern_form_add_entry (self->form, self->program_folder_row, "program-folder", LECTERN_FIELD_FOLDER);

  g_signal_connect_object (self->form, "apply", G_CALLBACK (form_apply_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API */

LecternStore *
lectern_event_page_get_store (LecternEventPage *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT_PAGE (self), NULL);

  return self->store;
}

void
lectern_event_page_set_store (LecternEventPage *self,
                              LecternStore     *store)
{
  g_return_if_fail (LECTERN_IS_EVENT_PAGE (self));
  g_return_if_fail (!store || LECTERN_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  lectern_form_set_editable (self->form, store != NULL && !lectern_store_get_read_only (store));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * lectern_event_page_get_event:
 *
 * Returns: (transfer none) (nullable): the event as last read
 */
LecternEvent *
lectern_event_page_get_event (LecternEventPage *self)
{
  g_return_val_if_fail (LECTERN_IS_EVENT_PAGE (self), NULL);

  return self->event;
}

gboolean
lectern_event_page_reload (LecternEventPage  *self,
                           GError           **error)
{
  g_autoptr(LecternEvent) event = NULL;

  g_return_val_if_fail (LECTERN_IS_EVENT_PAGE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_STORE (self->store), FALSE);

  event = lectern_store_get_event (self->store, error);
  if (event == NULL)
    return FALSE;

  g_set_object (&self->event, event);
  update_header (self);
  lectern_form_set_object (self->form, event);
  update_readiness (self);
  lectern_schedule_settings_set_store (self->schedule_settings, self->store);

  return TRUE;
}
