/* lectern-cfp-page.c: the call for papers, editable
 *
 * In the style of the Event page: whether the site shows the call, its
 * state today, where to submit; the important dates, each an expander
 * row with its day, time, zone and note, its subtitle giving the moment
 * in the date's own zone, in UTC and in the organizer's own zone; the
 * topics, groups with their items, reordered by drag and drop or with
 * Alt+Up and Alt+Down, as the cards are; the call's text in Markdown.
 * Decisions (validity, moments, state) are the core's
 * (lectern-cfp-deadline.c); every change is one undo step in the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-cfp-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-cfp-deadline.h"
#include "lectern-cfp-page.h"
#include "lectern-form.h"
#include "lectern-store-cfp.h"
#include "lectern-ui-util.h"

struct _LecternCfpPage
{
  GtkWidget     parent_instance;

  /* Template widgets */
  AdwActionRow *published_row;
  GtkSwitch    *published_switch;
  AdwActionRow *state_row;
  AdwEntryRow  *link_row;
  AdwEntryRow  *venue_row;
  GtkWidget    *link_button;
  GtkListBox   *dates_list;
  GtkListBox   *topics_list;
  GtkWidget    *add_group_button;
  GtkTextView  *intro_view;
  GtkTextView  *details_view;

  /* Owned References */
  LecternStore *store;
  LecternCfp   *cfp;
  LecternForm  *form;          /* the link and the venue */
  GPtrArray    *date_forms;    /* LecternForm per date row, in order */
  GHashTable   *expanded;      /* ids of the date rows left open */
  char         *dates_shape;   /* the dates' ids, as last built */
  char         *topics_shape;  /* the topics' ids, as last built */
  gboolean      updating;      /* the switch and texts follow the file */
};

G_DEFINE_FINAL_TYPE (LecternCfpPage, lectern_cfp_page, GTK_TYPE_WIDGET)

static gboolean
save_cfp (LecternStore  *store,
          gpointer       cfp,
          GError       **error)
{
  return lectern_store_update_cfp (store, cfp, error);
}

static gpointer
fetch_cfp (LecternStore  *store,
           gint64         id,
           GError       **error)
{
  return lectern_store_get_cfp (store, error);
}

static gboolean
save_date (LecternStore  *store,
           gpointer       date,
           GError       **error)
{
  return lectern_store_update_cfp_date (store, date, error);
}

static gpointer
fetch_date (LecternStore  *store,
            gint64         id,
            GError       **error)
{
  g_autoptr(GListModel) dates = lectern_store_list_cfp_dates (store, error);

  for (guint i = 0; dates != NULL && i < g_list_model_get_n_items (dates); i++)
    {
      g_autoptr(LecternCfpDate) date = g_list_model_get_item (dates, i);

      if (lectern_cfp_date_get_id (date) == id)
        return g_steal_pointer (&date);
    }
  g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND, _("The date was removed."));
  return NULL;
}

static const LecternConflictField cfp_fields[] = {
  { "submission-url", N_("Submission Link") },
  { "submission-venue", N_("Submitted On") },
  { "intro", N_("Introduction") },
  { "details", N_("Additional Details") },
};

static const LecternConflictField date_fields[] = {
  { "label", N_("Name") },
  { "date", N_("Day") },
  { "time", N_("Time") },
  { "zone", N_("Time Zone") },
  { "note", N_("Note") },
  { "extended-from", N_("Due Before the Extension") },
};

static LecternConflictField translated_cfp_fields[G_N_ELEMENTS (cfp_fields)];
static LecternConflictField translated_date_fields[G_N_ELEMENTS (date_fields)];

static const LecternSaveKind cfp_kind = {
  save_cfp, fetch_cfp, translated_cfp_fields, G_N_ELEMENTS (translated_cfp_fields),
};
static const LecternSaveKind date_kind = {
  save_date, fetch_date, translated_date_fields, G_N_ELEMENTS (translated_date_fields),
};

static void
show_error (LecternCfpPage *self,
            const char     *heading,
            GError         *error)
{
  lectern_ui_show_error (GTK_WIDGET (self), heading, error);
  lectern_ui_reload_window (GTK_WIDGET (self));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* ------------------------------------------------------------------ */
/* The call                                                            */

/* "Open until May 27, 23:59 AoE; your time: May 28, 04:59 PDT" */
static void
update_state (LecternCfpPage *self,
              GListModel     *dates)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(LecternCfpDate) deadline = lectern_cfp_find_date (dates, "submission");
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *mine = deadline != NULL ? lectern_cfp_date_format_in (deadline, local) : NULL;
  g_autofree char *subtitle = NULL;

  switch (lectern_cfp_get_state (self->cfp, dates, now))
    {
    case LECTERN_CFP_OPEN:
      /* Translators: %s is the deadline in the organizer's own time zone */
      subtitle = g_strdup_printf (_("Open until %s (your time)"), mine);
      break;
    case LECTERN_CFP_EXTENDED:
      /* Translators: %s is the deadline in the organizer's own time zone */
      subtitle = g_strdup_printf (_("Open, extended until %s (your time)"), mine);
      break;
    case LECTERN_CFP_CLOSED:
      /* Translators: %s is the deadline in the organizer's own time zone */
      subtitle = g_strdup_printf (_("Closed since %s (your time)"), mine);
      break;
    case LECTERN_CFP_UPCOMING:
    default:
      subtitle = g_strdup (_("Coming soon: the call needs a submission deadline and a link"));
      break;
    }
  adw_action_row_set_subtitle (self->state_row, subtitle);
}

static void
published_cb (LecternCfpPage *self)
{
  g_autoptr(LecternCfp) edited = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->cfp == NULL ||
      gtk_switch_get_active (self->published_switch) == lectern_cfp_get_published (self->cfp))
    return;

  edited = lectern_cfp_copy (self->cfp);
  lectern_cfp_set_published (edited, gtk_switch_get_active (self->published_switch));
  if (!lectern_store_update_cfp (self->store, edited, &error))
    {
      show_error (self, _("Could Not Change the Call"), error);
      return;
    }
  lectern_ui_reload_window (GTK_WIDGET (self));
  lectern_ui_toast_undo (GTK_WIDGET (self), lectern_cfp_get_published (edited)
                                             ? _("The call will be shown on the site")
                                             : _("The call will not be shown on the site"));
}

static void
form_apply_cb (LecternCfpPage *self,
               LecternCfp     *edited)
{
  lectern_ui_save_edit (GTK_WIDGET (self), self->store, &cfp_kind, self->form, edited,
                        _("Edit the Call for Papers"), _("The call for papers"));
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The text views save when the focus leaves them */
static void
text_leave_cb (GtkEventControllerFocus *focus,
               LecternCfpPage          *self)
{
  g_autofree char *intro = text_of (self->intro_view);
  g_autofree char *details = text_of (self->details_view);
  g_autoptr(LecternCfp) edited = NULL;

  if (self->cfp == NULL || lectern_store_get_read_only (self->store) ||
      (g_strcmp0 (intro, lectern_cfp_get_intro (self->cfp)) == 0 &&
       g_strcmp0 (details, lectern_cfp_get_details (self->cfp)) == 0))
    return;

  edited = lectern_cfp_copy (self->cfp);
  lectern_cfp_set_intro (edited, intro);
  lectern_cfp_set_details (edited, details);
  lectern_ui_save_edit (GTK_WIDGET (self), self->store, &cfp_kind, NULL, edited,
                        _("Edit the Call for Papers"), _("The call for papers"));
}

static void
link_clicked_cb (LecternCfpPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->cfp != NULL && *lectern_cfp_get_submission_url (self->cfp) != '\0')
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, lectern_cfp_get_submission_url (self->cfp),
                  GDK_CURRENT_TIME);
}

/* ------------------------------------------------------------------ */
/* The dates                                                           */

/* "2025-05-27, 11:59PM AoE · 2025-05-28 11:59 UTC · yours: 2025-05-28 04:59 PDT" */
static char *
describe_date (LecternCfpDate *date)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *clock = lectern_cfp_date_format_clock (date);
  g_autofree char *in_utc = NULL;
  g_autofree char *mine = NULL;

  if (!lectern_cfp_date_is_set (date))
    return g_strdup (_("TBD: no day yet"));
  if (clock == NULL)
    return g_strdup (lectern_cfp_date_get_date (date));

  in_utc = lectern_cfp_date_format_in (date, utc);
  mine = lectern_cfp_date_format_in (date, local);
  /* Translators: a deadline in its own zone, in UTC, and in the organizer's own zone */
  return g_strdup_printf (_("%s, %s · %s · yours: %s"), lectern_cfp_date_get_date (date), clock, in_utc, mine);
}

static LecternCfpDate *
date_of_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "lectern-cfp-date");
}

static void
date_apply_cb (LecternForm    *form,
               LecternCfpDate *edited,
               LecternCfpPage *self)
{
  lectern_ui_save_edit (GTK_WIDGET (self), self->store, &date_kind, form, edited,
                        _("Edit the Date"), lectern_cfp_date_get_name (edited));
}

static void
move_date (LecternCfpPage *self,
           GtkWidget      *row,
           int             delta)
{
  LecternCfpDate *date = date_of_row (row);
  g_autoptr(LecternCfpDate) copy = lectern_cfp_date_copy (date);
  g_autoptr(GError) error = NULL;
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + delta;

  if (index < 0)
    return;
  if (!lectern_store_move_cfp_date (self->store, copy, index, &error))
    show_error (self, _("Could Not Move the Date"), error);
  else
    lectern_ui_reload_window (GTK_WIDGET (self));
}

static void
date_up_cb (GtkWidget *button,
            GtkWidget *row)
{
  move_date (LECTERN_CFP_PAGE (gtk_widget_get_ancestor (row, LECTERN_TYPE_CFP_PAGE)), row, -1);
}

static void
date_down_cb (GtkWidget *button,
              GtkWidget *row)
{
  move_date (LECTERN_CFP_PAGE (gtk_widget_get_ancestor (row, LECTERN_TYPE_CFP_PAGE)), row, +1);
}

static void
date_remove_cb (GtkWidget *button,
                GtkWidget *row)
{
  LecternCfpPage *self = LECTERN_CFP_PAGE (gtk_widget_get_ancestor (row, LECTERN_TYPE_CFP_PAGE));
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (!lectern_store_remove_cfp_date (self->store, date_of_row (row), &error))
    {
      show_error (self, _("Could Not Remove the Date"), error);
      return;
    }
  /* Translators: %s is a date's name, e.g. "Submission deadline" */
  label = g_strdup_printf (_("“%s” removed"), lectern_cfp_date_get_name (date_of_row (row)));
  lectern_ui_toast_undo (GTK_WIDGET (self), label);
  lectern_ui_reload_window (GTK_WIDGET (self));
}

static void
date_expanded_cb (AdwExpanderRow *row,
                  GParamSpec     *pspec,
                  LecternCfpPage *self)
{
  gint64 id = lectern_cfp_date_get_id (date_of_row (GTK_WIDGET (row)));

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->expanded, &id);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static AdwEntryRow *
add_entry (AdwExpanderRow *expander,
           const char     *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_add_row (expander, row);
  return ADW_ENTRY_ROW (row);
}

/* Alt+Up and Alt+Down on a row move it */
static void
add_move_keys (GtkWidget *row,
               GCallback  up,
               GCallback  down)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkShortcutAction *up_action = gtk_callback_action_new ((GtkShortcutFunc) (void (*) (void)) up, NULL, NULL);
  GtkShortcutAction *down_action = gtk_callback_action_new ((GtkShortcutFunc) (void (*) (void)) down, NULL, NULL);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK), up_action));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                                          down_action));
  gtk_widget_add_controller (row, keys);
}

static gboolean
date_key_up (GtkWidget *row,
             GVariant  *args,
             gpointer   data)
{
  move_date (LECTERN_CFP_PAGE (gtk_widget_get_ancestor (row, LECTERN_TYPE_CFP_PAGE)), row, -1);
  return TRUE;
}

static gboolean
date_key_down (GtkWidget *row,
               GVariant  *args,
               gpointer   data)
{
  move_date (LECTERN_CFP_PAGE (gtk_widget_get_ancestor (row, LECTERN_TYPE_CFP_PAGE)), row, +1);
  return TRUE;
}

static GtkWidget *
new_date_row (LecternCfpPage *self,
              LecternCfpDate *date,
              LecternForm    *form)
{
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *actions = adw_action_row_new ();
  GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"));
  GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"));
  GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove the Date"));
  gint64 id = lectern_cfp_date_get_id (date);

  g_object_set_data_full (G_OBJECT (row), "lectern-cfp-date", g_object_ref (date), g_object_unref);

  lectern_form_add_entry (form, add_entry (expander, _("Name")), "label", LECTERN_FIELD_TEXT);
  lectern_form_add_entry (form, add_entry (expander, _("Day (YYYY-MM-DD, empty: TBD)")), "date", LECTERN_FIELD_DATE);
  lectern_form_add_entry (form, add_entry (expander, _("Time (HH:MM, 24-hour)")), "time", LECTERN_FIELD_TIME);
  lectern_form_add_entry (form, add_entry (expander, _("Time Zone (UTC, AoE or a zone)")), "zone",
                          LECTERN_FIELD_DEADLINE_ZONE);
  lectern_form_add_entry (form, add_entry (expander, _("Note (Markdown)")), "note", LECTERN_FIELD_TEXT);
  if (g_strcmp0 (lectern_cfp_date_get_kind (date), "submission") == 0)
    lectern_form_add_entry (form, add_entry (expander, _("Due Before the Extension (YYYY-MM-DD)")), "extended-from",
                            LECTERN_FIELD_DATE);
  lectern_form_set_object (form, date);
  lectern_form_set_editable (form, !lectern_store_get_read_only (self->store));
  g_signal_connect_object (form, "apply", G_CALLBACK (date_apply_cb), self, 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (actions), _("Order and Removal"));
  gtk_box_append (GTK_BOX (buttons), up);
  gtk_box_append (GTK_BOX (buttons), down);
  gtk_box_append (GTK_BOX (buttons), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (actions), buttons);
  adw_expander_row_add_row (expander, actions);
  g_signal_connect (up, "clicked", G_CALLBACK (date_up_cb), row);
  g_signal_connect (down, "clicked", G_CALLBACK (date_down_cb), row);
  g_signal_connect (remove, "clicked", G_CALLBACK (date_remove_cb), row);
  add_move_keys (row, G_CALLBACK (date_key_up), G_CALLBACK (date_key_down));

  adw_expander_row_set_expanded (expander, g_hash_table_contains (self->expanded, &id));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (date_expanded_cb), self);

  return row;
}

static void
update_date_row (GtkWidget      *row,
                 LecternCfpDate *date)
{
  g_autofree char *subtitle = describe_date (date);

  g_object_set_data_full (G_OBJECT (row), "lectern-cfp-date", g_object_ref (date), g_object_unref);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lectern_cfp_date_get_name (date));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

/* Rows rebuilt only when the dates or their order changed: an edit
 * keeps the focus where it is */
static void
show_dates (LecternCfpPage *self,
            GListModel     *dates)
{
  g_autoptr(GString) shape = g_string_new (NULL);
  guint n = g_list_model_get_n_items (dates);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternCfpDate) date = g_list_model_get_item (dates, i);

      g_string_append_printf (shape, "%" G_GINT64_FORMAT " %s,", lectern_cfp_date_get_id (date),
                              lectern_cfp_date_get_kind (date));
    }

  if (g_strcmp0 (shape->str, self->dates_shape) != 0)
    {
      clear_list (self->dates_list);
      g_ptr_array_set_size (self->date_forms, 0);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LecternCfpDate) date = g_list_model_get_item (dates, i);
          LecternForm *form = lectern_form_new ();

          g_ptr_array_add (self->date_forms, form);
          gtk_list_box_append (self->dates_list, new_date_row (self, date, form));
        }
      if (n == 0)
        {
          GtkWidget *empty = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty), _("No dates yet: add the submission deadline first"));
          gtk_widget_add_css_class (empty, "dim-label");
          gtk_list_box_append (self->dates_list, empty);
        }
      g_free (self->dates_shape);
      self->dates_shape = g_strdup (shape->str);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternCfpDate) date = g_list_model_get_item (dates, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->dates_list, i);

      update_date_row (GTK_WIDGET (row), date);
      lectern_form_set_object (g_ptr_array_index (self->date_forms, i), date);
    }
  lectern_ui_name_controls (GTK_WIDGET (self->dates_list));
}

static void
add_date_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  LecternCfpPage *self = LECTERN_CFP_PAGE (widget);
  g_autoptr(LecternCfpDate) date = NULL;
  g_autoptr(GError) error = NULL;
  const char *kind = g_variant_get_string (param, NULL);
  gint64 id;

  date = lectern_store_add_cfp_date (self->store, kind, NULL, &error);
  if (date == NULL)
    {
      show_error (self, _("Could Not Add the Date"), error);
      return;
    }
  /* the new date opens, to be given its day */
  id = lectern_cfp_date_get_id (date);
  g_hash_table_add (self->expanded, g_memdup2 (&id, sizeof id));
  lectern_ui_reload_window (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* The topics                                                          */

static LecternCfpTopic *
topic_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "lectern-cfp-topic");
}

static void
move_topic (GtkWidget *row,
            int        delta)
{
  LecternCfpPage *self = LECTERN_CFP_PAGE (gtk_widget_get_ancestor (row, LECTERN_TYPE_CFP_PAGE));
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lectern-index")) + delta;
  g_autoptr(GError) error = NULL;

  if (index < 0)
    return;
  if (!lectern_store_move_cfp_topic (self->store, topic_of (row), index, &error))
    show_error (self, _("Could Not Move the Topic"), error);
  else
    lectern_ui_reload_window (GTK_WIDGET (self));
}

static gboolean
topic_key_up (GtkWidget *row,
              GVariant  *args,
              gpointer   data)
{
  move_topic (row, -1);
  return TRUE;
}

static gboolean
topic_key_down (GtkWidget *row,
                GVariant  *args,
                gpointer   data)
{
  move_topic (row, +1);
  return TRUE;
}

static void
topic_remove_cb (GtkWidget *button,
                 GtkWidget *row)
{
  LecternCfpPage *self = LECTERN_CFP_PAGE (gtk_widget_get_ancestor (row, LECTERN_TYPE_CFP_PAGE));
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (!lectern_store_remove_cfp_topic (self->store, topic_of (row), &error))
    {
      show_error (self, _("Could Not Remove the Topic"), error);
      return;
    }
  label = g_strdup_printf (_("“%s” removed"), lectern_cfp_topic_get_text (topic_of (row)));
  lectern_ui_toast_undo (GTK_WIDGET (self), label);
  lectern_ui_reload_window (GTK_WIDGET (self));
}

/* An entry row whose text is a topic's: applied, it saves */
static void
topic_apply_cb (AdwEntryRow *row)
{
  LecternCfpPage *self = LECTERN_CFP_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), LECTERN_TYPE_CFP_PAGE));
  g_autoptr(LecternCfpTopic) edited = lectern_cfp_topic_copy (topic_of (GTK_WIDGET (row)));
  g_autoptr(GError) error = NULL;

  lectern_cfp_topic_set_text (edited, gtk_editable_get_text (GTK_EDITABLE (row)));
  if (!lectern_store_update_cfp_topic (self->store, edited, &error))
    show_error (self, _("Could Not Change the Topic"), error);
  else
    lectern_ui_reload_window (GTK_WIDGET (self));
}

/* The "New topic" row of a group: applied, it adds one */
static void
new_topic_apply_cb (AdwEntryRow *row)
{
  LecternCfpPage *self = LECTERN_CFP_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), LECTERN_TYPE_CFP_PAGE));
  LecternCfpTopic *group = topic_of (GTK_WIDGET (row));
  g_autoptr(LecternCfpTopic) topic = NULL;
  g_autoptr(GError) error = NULL;

  topic = lectern_store_add_cfp_topic (self->store, lectern_cfp_topic_get_id (group),
                                       gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  if (topic == NULL)
    {
      show_error (self, _("Could Not Add the Topic"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  lectern_ui_reload_window (GTK_WIDGET (self));
}

/* Drag and drop: a row carries its topic's id; dropped on a sibling,
 * the topic takes that sibling's place */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_cfp_topic_get_id (topic_of (row)));

  return gdk_content_provider_new_typed (G_TYPE_STRING, id);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  LecternCfpPage *self = LECTERN_CFP_PAGE (gtk_widget_get_ancestor (row, LECTERN_TYPE_CFP_PAGE));
  LecternCfpTopic *onto = topic_of (row);
  g_autoptr(GListModel) siblings = lectern_store_list_cfp_topics (self->store, lectern_cfp_topic_get_parent_id (onto),
                                                                  NULL);
  gint64 id = g_ascii_strtoll (g_value_get_string (value), NULL, 10);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; siblings != NULL && i < g_list_model_get_n_items (siblings); i++)
    {
      g_autoptr(LecternCfpTopic) topic = g_list_model_get_item (siblings, i);

      if (lectern_cfp_topic_get_id (topic) != id)
        continue;
      if (!lectern_store_move_cfp_topic (self->store, topic,
                                         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lectern-index")), &error))
        show_error (self, _("Could Not Move the Topic"), error);
      else
        lectern_ui_reload_window (GTK_WIDGET (self));
      return TRUE;
    }

  return FALSE;   /* a topic of another group */
}

/* @handle: where a drag starts (a text field's own drags select text) */
static void
make_movable (GtkWidget       *row,
              GtkWidget       *handle,
              LecternCfpTopic *topic,
              guint            index)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  g_object_set_data_full (G_OBJECT (row), "lectern-cfp-topic", g_object_ref (topic), g_object_unref);
  g_object_set_data (G_OBJECT (row), "lectern-index", GUINT_TO_POINTER (index));
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  add_move_keys (row, G_CALLBACK (topic_key_up), G_CALLBACK (topic_key_down));
}

static GtkWidget *
topic_row (LecternCfpTopic *topic,
           guint            index,
           const char      *title)
{
  gboolean group = lectern_cfp_topic_get_parent_id (topic) == 0;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = icon_button ("user-trash-symbolic", group ? _("Remove the Group and Its Topics")
                                                                : _("Remove the Topic"));

  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), lectern_cfp_topic_get_text (topic));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  /* the handle says how to move the row, to a screen reader too */
  gtk_widget_set_tooltip_text (handle, _("Drag to Reorder, or Press Alt+Up or Alt+Down"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Drag to Reorder, or Press Alt+Up or Alt+Down"), -1);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), handle);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_signal_connect (row, "apply", G_CALLBACK (topic_apply_cb), NULL);
  g_signal_connect (remove, "clicked", G_CALLBACK (topic_remove_cb), row);
  make_movable (row, handle, topic, index);

  return row;
}

static gboolean
show_topics (LecternCfpPage  *self,
             GError         **error)
{
  g_autoptr(GListModel) groups = lectern_store_list_cfp_topics (self->store, 0, error);
  g_autoptr(GPtrArray) group_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) shape = g_string_new (NULL);
  guint n;

  if (groups == NULL)
    return FALSE;
  n = g_list_model_get_n_items (groups);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternCfpTopic) group = g_list_model_get_item (groups, i);
      GListModel *items = lectern_store_list_cfp_topics (self->store, lectern_cfp_topic_get_id (group), error);

      if (items == NULL)
        return FALSE;
      g_ptr_array_add (group_items, items);
      g_string_append_printf (shape, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT " %s[", lectern_cfp_topic_get_id (group),
                              lectern_cfp_topic_get_rev (group), lectern_cfp_topic_get_text (group));
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(LecternCfpTopic) item = g_list_model_get_item (items, j);

          g_string_append_printf (shape, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ",", lectern_cfp_topic_get_id (item),
                                  lectern_cfp_topic_get_rev (item));
        }
      g_string_append (shape, "]");
    }
  if (g_strcmp0 (shape->str, self->topics_shape) == 0)
    return TRUE;
  g_free (self->topics_shape);
  self->topics_shape = g_strdup (shape->str);

  clear_list (self->topics_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternCfpTopic) group = g_list_model_get_item (groups, i);
      GListModel *items = g_ptr_array_index (group_items, i);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *name = topic_row (group, i, _("Group Name"));
      GtkWidget *add = adw_entry_row_new ();
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u topic", "%u topics",
                                                             g_list_model_get_n_items (items)),
                                                g_list_model_get_n_items (items));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), lectern_cfp_topic_get_text (group));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), count);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
      make_movable (expander, expander, group, i);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name);

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(LecternCfpTopic) item = g_list_model_get_item (items, j);
          g_autofree char *title = g_strdup_printf (_("Topic %u"), j + 1);

          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), topic_row (item, j, title));
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("New Topic"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
      g_object_set_data_full (G_OBJECT (add), "lectern-cfp-topic", g_object_ref (group), g_object_unref);
      g_signal_connect (add, "apply", G_CALLBACK (new_topic_apply_cb), NULL);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), add);

      gtk_list_box_append (self->topics_list, expander);
    }
  if (n == 0)
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty), _("No topics yet: add a group, then its topics"));
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_list_box_append (self->topics_list, empty);
    }
  lectern_ui_name_controls (GTK_WIDGET (self->topics_list));

  return TRUE;
}

static void
add_group_cb (LecternCfpPage *self)
{
  g_autoptr(LecternCfpTopic) group = NULL;
  g_autoptr(GError) error = NULL;

  group = lectern_store_add_cfp_topic (self->store, 0, _("New group"), &error);
  if (group == NULL)
    show_error (self, _("Could Not Add the Group"), error);
  else
    lectern_ui_reload_window (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */

/**
 * lectern_cfp_page_reload:
 *
 * Reads the call again; rows that still show the same dates and topics
 * are kept (and the focus in them).
 */
gboolean
lectern_cfp_page_reload (LecternCfpPage  *self,
                         GError         **error)
{
  g_autoptr(LecternCfp) cfp = NULL;
  g_autoptr(GListModel) dates = NULL;

  g_return_val_if_fail (LECTERN_IS_CFP_PAGE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_STORE (self->store), FALSE);

  if (!(cfp = lectern_store_get_cfp (self->store, error)) || !(dates = lectern_store_list_cfp_dates (self->store, error)))
    return FALSE;

  g_set_object (&self->cfp, cfp);
  self->updating = TRUE;
  gtk_switch_set_active (self->published_switch, lectern_cfp_get_published (cfp));
  lectern_form_set_object (self->form, cfp);
  gtk_widget_set_sensitive (self->link_button, *lectern_cfp_get_submission_url (cfp) != '\0');
  if (!gtk_widget_has_focus (GTK_WIDGET (self->intro_view)))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->intro_view), lectern_cfp_get_intro (cfp), -1);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->details_view)))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->details_view), lectern_cfp_get_details (cfp), -1);
  self->updating = FALSE;

  update_state (self, dates);
  show_dates (self, dates);
  return show_topics (self, error);
}

void
lectern_cfp_page_set_store (LecternCfpPage *self,
                            LecternStore   *store)
{
  gboolean editable;

  g_return_if_fail (LECTERN_IS_CFP_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;

  editable = store != NULL && !lectern_store_get_read_only (store);
  lectern_form_set_editable (self->form, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->published_switch), editable);
  gtk_widget_set_sensitive (self->add_group_button, editable);
  gtk_text_view_set_editable (self->intro_view, editable);
  gtk_text_view_set_editable (self->details_view, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cfp.add-date", editable);
  g_clear_pointer (&self->dates_shape, g_free);
  g_clear_pointer (&self->topics_shape, g_free);
}

static void
lectern_cfp_page_dispose (GObject *object)
{
  LecternCfpPage *self = LECTERN_CFP_PAGE (object);
  GtkWidget *child;

  g_clear_object (&self->form);
  g_clear_pointer (&self->date_forms, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_CFP_PAGE);
  /* Children the template does not name are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cfp);
  g_clear_object (&self->store);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->dates_shape, g_free);
  g_clear_pointer (&self->topics_shape, g_free);

  G_OBJECT_CLASS (lectern_cfp_page_parent_class)->dispose (object);
}

static void
lectern_cfp_page_class_init (LecternCfpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_cfp_page_dispose;

  for (guint i = 0; i < G_N_ELEMENTS (cfp_fields); i++)
    translated_cfp_fields[i] = (LecternConflictField) { cfp_fields[i].property, _(cfp_fields[i].label) };
  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    translated_date_fields[i] = (LecternConflictField) { date_fields[i].property, _(date_fields[i].label) };

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/lectern-cfp-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternCfpPage, published_row);
  gtk_widget_class_bind_template_child (widget_class, LecternCfpPage, published_switch);
  gtk_widget_class_bind_template_child (widget_class, LecternCfpPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, LecternCfpPage, link_row);
  gtk_widget_class_bind_template_child (widget_class, LecternCfpPage, venue_row);
  gtk_widget_class_bind_template_child (widget_class, LecternCfpPage, link_button);
  gtk_widget_class_bind_template_child (widget_class, LecternCfpPage, dates_list);
  gtk_widget_class_bind_template_child (widget_class, LecternCfpPage, topics_list);
  gtk_widget_class_bind_template_child (widget_class, LecternCfpPage, add_group_button);
  gtk_widget_class_bind_template_child (widget_class, LecternCfpPage, intro_view);
  gtk_widget_class_bind_template_child (widget_class, LecternCfpPage, details_view);
  gtk_widget_class_install_action (widget_class, "cfp.add-date", "s", add_date_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lectern_cfp_page_init (LecternCfpPage *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->date_forms = g_ptr_array_new_with_free_func (g_object_unref);
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->form = lectern_form_new ();
  lectern_form_add_entry (self->form, self->link_row, "submission-url", LECTERN_FIELD_URL);
  lectern_form_add_entry (self->form, self->venue_row, "submission-venue", LECTERN_FIELD_REQUIRED);
  g_signal_connect_object (self->form, "apply", G_CALLBACK (form_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->published_switch, "notify::active", G_CALLBACK (published_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_button, "clicked", G_CALLBACK (link_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_group_button, "clicked", G_CALLBACK (add_group_cb), self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (text_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->intro_view), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (text_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->details_view), focus);

  lectern_ui_name_controls (GTK_WIDGET (self));
}
