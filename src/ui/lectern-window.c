/* lectern-window.c: the main window, showing one workshop file
 *
 * One window shows one LecternStore: the event, the people on the site
 * (speakers, panelists and moderators, organizers), the sponsors and the
 * schedule, each on a page of an AdwViewStack.
 *
 * The lists are GtkListViews over GListStores that the window owns. When
 * the store reports a change made by another connection, the window
 * re-reads everything and splices only the rows that differ into those
 * stores, so that the selection and the scroll position stay where the
 * organizer left them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lectern-site-text.h"
#include "lectern-window.h"

/* How often another organizer's changes are looked for, in ms. */
#define WATCH_INTERVAL 1000

/* LecternListRow: one row of the people, sponsor and schedule lists.
 *
 * The list views build one per visible row and re-bind it as the list
 * scrolls, so it is built in code once and only has its texts changed.
 * The parts a list does not use stay hidden.
 */

#define LECTERN_TYPE_LIST_ROW (lectern_list_row_get_type ())

G_DECLARE_FINAL_TYPE (LecternListRow, lectern_list_row, LECTERN, LIST_ROW, GtkWidget)

struct _LecternListRow
{
  GtkWidget  parent_instance;

  GtkWidget *heading;
  GtkWidget *time_box;
  GtkWidget *time_label;
  GtkWidget *duration_label;
  GtkWidget *avatar;
  GtkWidget *emoji_label;
  GtkWidget *text_box;
  GtkWidget *title_label;
  GtkWidget *subtitle_label;
  GtkWidget *detail_label;
  GtkWidget *tag_label;
  GtkWidget *slug_label;
};

G_DEFINE_FINAL_TYPE (LecternListRow, lectern_list_row, GTK_TYPE_WIDGET)

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static GtkWidget *
new_label (const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);

  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* Shows @text in @label, or hides @label when there is no text. */
static void
set_label (GtkWidget  *label,
           const char *text)
{
  g_assert (GTK_IS_LABEL (label));

  gtk_label_set_text (GTK_LABEL (label), is_empty (text) ? "" : text);
  gtk_widget_set_visible (label, !is_empty (text));
}

static void
lectern_list_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lectern_list_row_parent_class)->dispose (object);
}

static void
lectern_list_row_class_init (LecternListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_list_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
lectern_list_row_init (LecternListRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (widget);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  gtk_widget_add_css_class (widget, "lectern-row");

  /* A day of the schedule: shown alone, instead of everything else. */
  self->heading = new_label ("heading", TRUE);
  gtk_widget_add_css_class (self->heading, "lectern-day-heading");
  gtk_widget_set_hexpand (self->heading, TRUE);
  gtk_widget_set_parent (self->heading, widget);

  self->time_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (self->time_box, GTK_ALIGN_CENTER);
  self->time_label = new_label ("lectern-time", FALSE);
  gtk_label_set_xalign (GTK_LABEL (self->time_label), 1.0);
  gtk_box_append (GTK_BOX (self->time_box), self->time_label);
  self->duration_label = new_label ("lectern-duration", FALSE);
  gtk_label_set_xalign (GTK_LABEL (self->duration_label), 1.0);
  gtk_widget_add_css_class (self->duration_label, "caption");
  gtk_widget_add_css_class (self->duration_label, "dim-label");
  gtk_box_append (GTK_BOX (self->time_box), self->duration_label);
  gtk_widget_set_parent (self->time_box, widget);

  self->avatar = adw_avatar_new (40, NULL, TRUE);
  gtk_widget_set_valign (self->avatar, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->avatar, widget);

  self->emoji_label = g_object_new (GTK_TYPE_LABEL,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                    "valign", GTK_ALIGN_CENTER,
                                    NULL);
  gtk_widget_add_css_class (self->emoji_label, "lectern-emoji");
  gtk_widget_set_parent (self->emoji_label, widget);

  self->text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (self->text_box, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (self->text_box, TRUE);
  self->title_label = new_label ("lectern-row-title", TRUE);
  gtk_box_append (GTK_BOX (self->text_box), self->title_label);
  self->subtitle_label = new_label ("dim-label", TRUE);
  gtk_box_append (GTK_BOX (self->text_box), self->subtitle_label);
  self->detail_label = new_label ("dim-label", TRUE);
  gtk_widget_add_css_class (self->detail_label, "lectern-row-detail");
  gtk_box_append (GTK_BOX (self->text_box), self->detail_label);
  gtk_widget_set_parent (self->text_box, widget);

  self->tag_label = new_label ("lectern-tag", FALSE);
  gtk_widget_set_valign (self->tag_label, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->tag_label, widget);

  /* A column wide enough for most slugs keeps the tags aligned. */
  self->slug_label = new_label ("lectern-row-slug", FALSE);
  gtk_label_set_xalign (GTK_LABEL (self->slug_label), 1.0);
  gtk_label_set_width_chars (GTK_LABEL (self->slug_label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (self->slug_label), 24);
  gtk_widget_add_css_class (self->slug_label, "dim-label");
  gtk_widget_set_valign (self->slug_label, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->slug_label, widget);
}

/* Hides every part, ready for the next item. */
static void
list_row_reset (LecternListRow *self)
{
  g_assert (LECTERN_IS_LIST_ROW (self));

  set_label (self->heading, NULL);
  gtk_widget_set_visible (self->time_box, FALSE);
  gtk_widget_set_visible (self->avatar, FALSE);
  gtk_widget_set_visible (self->emoji_label, FALSE);
  gtk_widget_set_visible (self->text_box, TRUE);
  set_label (self->title_label, NULL);
  set_label (self->subtitle_label, NULL);
  set_label (self->detail_label, NULL);
  set_label (self->tag_label, NULL);
  set_label (self->slug_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "plain");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "archived");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
}

static void
list_row_set_heading (LecternListRow *self,
                      const char     *heading)
{
  g_assert (LECTERN_IS_LIST_ROW (self));

  set_label (self->heading, heading);
  gtk_widget_set_visible (self->text_box, FALSE);
}

static void
list_row_set_avatar (LecternListRow *self,
                     const char     *text)
{
  g_assert (LECTERN_IS_LIST_ROW (self));

  adw_avatar_set_text (ADW_AVATAR (self->avatar), text);
  gtk_widget_set_visible (self->avatar, TRUE);
}

static void
list_row_set_time (LecternListRow *self,
                   const char     *time,
                   const char     *duration)
{
  g_assert (LECTERN_IS_LIST_ROW (self));

  set_label (self->time_label, time);
  set_label (self->duration_label, duration);
  gtk_widget_set_visible (self->time_box, TRUE);
}

/* The emoji column is shown even when empty, to keep titles aligned. */
static void
list_row_set_emoji (LecternListRow *self,
                    const char     *emoji)
{
  g_assert (LECTERN_IS_LIST_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->emoji_label), emoji ? emoji : "");
  gtk_widget_set_visible (self->emoji_label, TRUE);
}

static void
list_row_set_text (LecternListRow *self,
                   const char     *title,
                   const char     *subtitle,
                   const char     *detail)
{
  g_assert (LECTERN_IS_LIST_ROW (self));

  set_label (self->title_label, title);
  set_label (self->subtitle_label, subtitle);
  set_label (self->detail_label, detail);
}

static void
list_row_set_tag (LecternListRow *self,
                  const char     *tag)
{
  g_assert (LECTERN_IS_LIST_ROW (self));

  set_label (self->tag_label, tag);
}

static void
list_row_set_slug (LecternListRow *self,
                   const char     *slug)
{
  g_assert (LECTERN_IS_LIST_ROW (self));

  set_label (self->slug_label, slug);
  gtk_widget_set_tooltip_text (self->slug_label,
                               is_empty (slug) ? NULL : _("Name of the page on the website"));
}

/* LecternWindow */

/* A list page: the list, or a status page when it is empty. */
typedef struct
{
  GtkStack    *stack;
  GtkListView *view;
  GListStore  *model;
} ListPage;

struct _LecternWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template Widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  GtkLabel             *event_title_label;
  GtkLabel             *event_summary_label;
  GtkLabel             *name_label;
  GtkLabel             *short_name_label;
  GtkLabel             *conference_label;
  GtkLabel             *dates_label;
  GtkLabel             *timezone_label;
  GtkLabel             *venue_label;
  GtkLabel             *room_label;
  GtkLabel             *contact_label;
  GtkLabel             *site_label;
  GtkLabel             *openreview_label;
  GtkWidget            *room_map_button;
  GtkWidget            *contact_button;
  GtkWidget            *site_button;
  GtkWidget            *openreview_button;
  ListPage              speakers;
  ListPage              panelists;
  ListPage              organizers;
  ListPage              sponsors;
  ListPage              schedule;

  /* Owned References */
  LecternStore         *store;
  GSettings            *settings;
  GHashTable           *sessions;       /* gint64 id → LecternSession */
  GHashTable           *sponsor_names;  /* gint64 id → name */
  char                 *schedule_context;

  /* Borrowed References */
  AdwToast             *change_toast;
};

G_DEFINE_FINAL_TYPE (LecternWindow, lectern_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gint64 *
id_key (gint64 id)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  return key;
}

/* "2023-07-29" -> "Saturday, July 29, 2023" in the user's language */
static char *
format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (is_empty (iso_date))
    return NULL;

  if (sscanf (iso_date, "%d-%d-%d", &year, &month, &day) != 3 ||
      !(date = g_date_time_new_utc (year, month, day, 0, 0, 0)))
    return g_strdup (iso_date);

  /* Translators: a full date, see the format of g_date_time_format() */
  return g_date_time_format (date, _("%A, %B %-d, %Y"));
}

static char *
format_dates (LecternEvent *event)
{
  const char *start = lectern_event_get_start_date (event);
  const char *end = lectern_event_get_end_date (event);
  g_autofree char *first = format_date (start);
  g_autofree char *last = NULL;

  if (is_empty (end) || g_strcmp0 (start, end) == 0)
    return g_steal_pointer (&first);

  last = format_date (end);
  if (first == NULL)
    return g_steal_pointer (&last);

  /* Translators: a range of dates, from the first to the last day */
  return g_strdup_printf (_("%s to %s"), first, last);
}

/* "Pacific/Honolulu" -> "Pacific/Honolulu (UTC-10)", at the workshop's date */
static char *
format_timezone (LecternEvent *event)
{
  const char *identifier = lectern_event_get_timezone (event);
  const char *start = lectern_event_get_start_date (event);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) noon = NULL;
  g_autofree char *offset = NULL;
  int year, month, day;

  if (is_empty (identifier))
    return NULL;

  tz = g_time_zone_new_identifier (identifier);
  if (tz == NULL || is_empty (start) ||
      sscanf (start, "%d-%d-%d", &year, &month, &day) != 3 ||
      !(noon = g_date_time_new (tz, year, month, day, 12, 0, 0)))
    return g_strdup (identifier);

  offset = lectern_site_format_utc_offset (g_date_time_get_utc_offset (noon) / G_USEC_PER_SEC);
  return g_strdup_printf ("%s (%s)", identifier, offset);
}

static void
set_value (GtkLabel   *label,
           const char *value)
{
  g_assert (GTK_IS_LABEL (label));

  if (is_empty (value))
    {
      gtk_label_set_text (label, _("Not set"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "empty");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
    }
  else
    {
      gtk_label_set_text (label, value);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "empty");
      /* Long values are ellipsized (max-width-chars in the template). */
      gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                                   g_utf8_strlen (value, -1) > 40 ? value : NULL);
    }
}

/* Points @button at @prefix + @value, or hides it when @value is empty. */
static void
set_link (GtkWidget  *button,
          const char *prefix,
          const char *value)
{
  g_assert (GTK_IS_ACTIONABLE (button));

  gtk_widget_set_visible (button, !is_empty (value));

  if (!is_empty (value))
    {
      g_autofree char *uri = g_strconcat (prefix, value, NULL);

      /* The target first: the action wants a string. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-uri");
    }
}

static void
update_event (LecternWindow *self,
              LecternEvent  *event)
{
  g_autofree char *dates = NULL;
  g_autofree char *timezone = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *title;

  g_assert (LECTERN_IS_WINDOW (self));
  g_assert (LECTERN_IS_EVENT (event));

  dates = format_dates (event);
  timezone = format_timezone (event);

  title = lectern_event_get_name (event);
  if (is_empty (title))
    title = lectern_event_get_short_name (event);
  if (is_empty (title))
    title = _("Untitled Workshop");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, title);
  gtk_label_set_text (self->event_title_label, title);

  if (!is_empty (lectern_event_get_short_name (event)))
    g_ptr_array_add (parts, (gpointer) lectern_event_get_short_name (event));
  if (!is_empty (lectern_event_get_conference (event)))
    g_ptr_array_add (parts, (gpointer) lectern_event_get_conference (event));
  if (dates != NULL)
    g_ptr_array_add (parts, dates);
  g_ptr_array_add (parts, NULL);
  summary = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->event_summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->event_summary_label), !is_empty (summary));

  set_value (self->name_label, lectern_event_get_name (event));
  set_value (self->short_name_label, lectern_event_get_short_name (event));
  set_value (self->conference_label, lectern_event_get_conference (event));
  set_value (self->dates_label, dates);
  set_value (self->timezone_label, timezone);
  set_value (self->venue_label, lectern_event_get_venue (event));
  set_value (self->room_label, lectern_event_get_room (event));
  set_value (self->contact_label, lectern_event_get_contact_email (event));
  set_value (self->site_label, lectern_event_get_site_url (event));
  set_value (self->openreview_label, lectern_event_get_openreview_url (event));

  set_link (self->room_map_button, "", lectern_event_get_room_map_url (event));
  set_link (self->contact_button, "mailto:", lectern_event_get_contact_email (event));
  set_link (self->site_button, "", lectern_event_get_site_url (event));
  set_link (self->openreview_button, "", lectern_event_get_openreview_url (event));
}

typedef gboolean (*SameItemFunc) (gpointer a,
                                  gpointer b);

/* Makes @store hold the items of @fresh. Rows the two lists share at the
 * start and at the end keep their old objects and are not touched; only
 * the part in between is spliced. With @replace_all, every row goes.
 */
static void
sync_list_store (GListStore   *store,
                 GListModel   *fresh,
                 SameItemFunc  same,
                 gboolean      replace_all)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint n_new = g_list_model_get_n_items (fresh);
  guint prefix = 0;
  guint suffix = 0;
  guint n_removed;
  guint n_added;
  g_autoptr(GPtrArray) additions = NULL;

  g_assert (G_IS_LIST_STORE (store));
  g_assert (G_IS_LIST_MODEL (fresh));
  g_assert (same != NULL);

  if (!replace_all)
    {
      while (prefix < n_old && prefix < n_new)
        {
          g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (store), prefix);
          g_autoptr(GObject) b = g_list_model_get_item (fresh, prefix);

          if (!same (a, b))
            break;
          prefix++;
        }

      while (suffix < n_old - prefix && suffix < n_new - prefix)
        {
          g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (store), n_old - 1 - suffix);
          g_autoptr(GObject) b = g_list_model_get_item (fresh, n_new - 1 - suffix);

          if (!same (a, b))
            break;
          suffix++;
        }
    }

  n_removed = n_old - prefix - suffix;
  n_added = n_new - prefix - suffix;
  if (n_removed == 0 && n_added == 0)
    return;

  additions = g_ptr_array_new_full (n_added, g_object_unref);
  for (guint i = 0; i < n_added; i++)
    g_ptr_array_add (additions, g_list_model_get_item (fresh, prefix + i));

  g_list_store_splice (store, prefix, n_removed, additions->pdata, n_added);
}

static gboolean
same_card (gpointer a,
           gpointer b)
{
  LecternPerson *pa = lectern_card_get_person (a);
  LecternPerson *pb = lectern_card_get_person (b);

  if (lectern_card_get_id (a) != lectern_card_get_id (b) ||
      lectern_card_get_rev (a) != lectern_card_get_rev (b))
    return FALSE;

  if (pa == NULL || pb == NULL)
    return pa == pb;

  return lectern_person_get_id (pa) == lectern_person_get_id (pb) &&
         lectern_person_get_rev (pa) == lectern_person_get_rev (pb);
}

static gboolean
same_sponsor (gpointer a,
              gpointer b)
{
  return lectern_sponsor_get_id (a) == lectern_sponsor_get_id (b) &&
         lectern_sponsor_get_rev (a) == lectern_sponsor_get_rev (b);
}

/* A slot shows the names of its people, which change without the slot. */
static gboolean
same_appearances (LecternSlot *a,
                  LecternSlot *b)
{
  GPtrArray *pa = lectern_slot_get_appearances (a);
  GPtrArray *pb = lectern_slot_get_appearances (b);

  if (pa->len != pb->len)
    return FALSE;

  for (guint i = 0; i < pa->len; i++)
    {
      const LecternAppearance *x = g_ptr_array_index (pa, i);
      const LecternAppearance *y = g_ptr_array_index (pb, i);

      if (x->person_id != y->person_id || x->role != y->role || g_strcmp0 (x->name, y->name) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
same_schedule_item (gpointer a,
                    gpointer b)
{
  if (LECTERN_IS_DAY (a) && LECTERN_IS_DAY (b))
    return lectern_day_get_id (a) == lectern_day_get_id (b) &&
           lectern_day_get_rev (a) == lectern_day_get_rev (b);

  if (LECTERN_IS_SLOT (a) && LECTERN_IS_SLOT (b))
    return lectern_slot_get_id (a) == lectern_slot_get_id (b) &&
           lectern_slot_get_rev (a) == lectern_slot_get_rev (b) &&
           same_appearances (a, b);

  return FALSE;
}

static void
update_list_page (ListPage *page,
                  gboolean  empty)
{
  g_assert (page != NULL);
  g_assert (GTK_IS_STACK (page->stack));

  gtk_stack_set_visible_child_name (page->stack, empty ? "empty" : "list");
}

static gboolean
reload_cards (LecternWindow  *self,
              GError        **error)
{
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(GListStore) speakers = g_list_store_new (LECTERN_TYPE_CARD);
  g_autoptr(GListStore) panelists = g_list_store_new (LECTERN_TYPE_CARD);
  g_autoptr(GListStore) organizers = g_list_store_new (LECTERN_TYPE_CARD);
  guint n;

  g_assert (LECTERN_IS_WINDOW (self));

  /* Every card at once, in site order: by role, then position. */
  cards = lectern_store_list_cards (self->store, -1, error);
  if (cards == NULL)
    return FALSE;

  n = g_list_model_get_n_items (cards);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternCard) card = g_list_model_get_item (cards, i);

      switch ((LecternRole) lectern_card_get_role (card))
        {
        case LECTERN_ROLE_SPEAKER:
          g_list_store_append (speakers, card);
          break;

        case LECTERN_ROLE_PANELIST:
        case LECTERN_ROLE_MODERATOR:
          g_list_store_append (panelists, card);
          break;

        case LECTERN_ROLE_ORGANIZER:
          g_list_store_append (organizers, card);
          break;

        case LECTERN_N_ROLES:
        default:
          break;
        }
    }

  sync_list_store (self->speakers.model, G_LIST_MODEL (speakers), same_card, FALSE);
  sync_list_store (self->panelists.model, G_LIST_MODEL (panelists), same_card, FALSE);
  sync_list_store (self->organizers.model, G_LIST_MODEL (organizers), same_card, FALSE);

  update_list_page (&self->speakers, g_list_model_get_n_items (G_LIST_MODEL (speakers)) == 0);
  update_list_page (&self->panelists, g_list_model_get_n_items (G_LIST_MODEL (panelists)) == 0);
  update_list_page (&self->organizers, g_list_model_get_n_items (G_LIST_MODEL (organizers)) == 0);

  return TRUE;
}

static gboolean
reload_sponsors (LecternWindow  *self,
                 GString        *context,
                 GError        **error)
{
  g_autoptr(GListModel) sponsors = NULL;
  guint n;

  g_assert (LECTERN_IS_WINDOW (self));
  g_assert (context != NULL);

  sponsors = lectern_store_list_sponsors (self->store, error);
  if (sponsors == NULL)
    return FALSE;

  g_hash_table_remove_all (self->sponsor_names);

  n = g_list_model_get_n_items (sponsors);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSponsor) sponsor = g_list_model_get_item (sponsors, i);

      g_hash_table_insert (self->sponsor_names,
                           id_key (lectern_sponsor_get_id (sponsor)),
                           g_strdup (lectern_sponsor_get_name (sponsor)));
      g_string_append_printf (context, "p%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ";",
                              lectern_sponsor_get_id (sponsor),
                              lectern_sponsor_get_rev (sponsor));
    }

  sync_list_store (self->sponsors.model, sponsors, same_sponsor, FALSE);
  update_list_page (&self->sponsors, n == 0);

  return TRUE;
}

static gboolean
reload_sessions (LecternWindow  *self,
                 GString        *context,
                 GError        **error)
{
  g_autoptr(GListModel) sessions = NULL;
  guint n;

  g_assert (LECTERN_IS_WINDOW (self));
  g_assert (context != NULL);

  sessions = lectern_store_list_sessions (self->store, error);
  if (sessions == NULL)
    return FALSE;

  g_hash_table_remove_all (self->sessions);

  n = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n; i++)
    {
      LecternSession *session = g_list_model_get_item (sessions, i);

      g_string_append_printf (context, "s%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ";",
                              lectern_session_get_id (session),
                              lectern_session_get_rev (session));
      g_hash_table_insert (self->sessions, id_key (lectern_session_get_id (session)), session);
    }

  return TRUE;
}

/* The schedule list holds each day (shown as a heading) followed by its
 * slots in time order.
 */
static gboolean
reload_schedule (LecternWindow  *self,
                 GString        *context,
                 GError        **error)
{
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(GListStore) rows = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GHashTable) by_day = NULL;
  gboolean replace_all;
  guint n_days;
  guint n_slots;

  g_assert (LECTERN_IS_WINDOW (self));
  g_assert (context != NULL);

  days = lectern_store_list_days (self->store, error);
  if (days == NULL)
    return FALSE;

  slots = lectern_store_list_slots (self->store, 0, error);
  if (slots == NULL)
    return FALSE;

  by_day = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                  (GDestroyNotify) g_ptr_array_unref);

  n_slots = g_list_model_get_n_items (slots);
  for (guint i = 0; i < n_slots; i++)
    {
      LecternSlot *slot = g_list_model_get_item (slots, i);
      gint64 day_id = lectern_slot_get_day_id (slot);
      GPtrArray *day_slots = g_hash_table_lookup (by_day, &day_id);

      if (day_slots == NULL)
        {
          day_slots = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_day, id_key (day_id), day_slots);
        }

      g_ptr_array_add (day_slots, slot);
    }

  n_days = g_list_model_get_n_items (days);
  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, i);
      gint64 day_id = lectern_day_get_id (day);
      GPtrArray *day_slots = g_hash_table_lookup (by_day, &day_id);

      g_list_store_append (rows, day);
      if (day_slots != NULL)
        g_list_store_splice (rows, g_list_model_get_n_items (G_LIST_MODEL (rows)), 0,
                             day_slots->pdata, day_slots->len);
    }

  /* Slot rows show session titles and sponsor names: when one of those
   * changed, every row is bound again.
   */
  replace_all = g_strcmp0 (self->schedule_context, context->str) != 0;
  g_free (self->schedule_context);
  self->schedule_context = g_strdup (context->str);

  sync_list_store (self->schedule.model, G_LIST_MODEL (rows), same_schedule_item, replace_all);
  update_list_page (&self->schedule, n_slots == 0);

  return TRUE;
}

static gboolean
reload (LecternWindow  *self,
        GError        **error)
{
  g_autoptr(LecternEvent) event = NULL;
  g_autoptr(GString) context = g_string_new (NULL);

  g_assert (LECTERN_IS_WINDOW (self));

  event = lectern_store_get_event (self->store, error);
  if (event == NULL)
    return FALSE;

  update_event (self, event);

  return reload_cards (self, error) &&
         reload_sponsors (self, context, error) &&
         reload_sessions (self, context, error) &&
         reload_schedule (self, context, error);
}

static char *
format_people (LecternSlot *slot)
{
  GPtrArray *appearances = lectern_slot_get_appearances (slot);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) moderators = g_ptr_array_new ();
  g_autofree char *people = NULL;
  g_autofree char *moderated = NULL;

  g_assert (LECTERN_IS_SLOT (slot));

  for (guint i = 0; i < appearances->len; i++)
    {
      const LecternAppearance *appearance = g_ptr_array_index (appearances, i);

      if (is_empty (appearance->name))
        continue;

      if (appearance->role == LECTERN_APPEARANCE_MODERATOR)
        g_ptr_array_add (moderators, appearance->name);
      else
        g_ptr_array_add (names, appearance->name);
    }

  g_ptr_array_add (names, NULL);
  g_ptr_array_add (moderators, NULL);

  people = g_strjoinv (", ", (char **) names->pdata);
  if (moderators->len == 1)
    return g_steal_pointer (&people);

  moderated = g_strjoinv (", ", (char **) moderators->pdata);
  if (is_empty (people))
    /* Translators: %s is a list of names */
    return g_strdup_printf (_("Moderated by %s"), moderated);

  /* Translators: the people on a panel, then who moderates it */
  return g_strdup_printf (_("%s · moderated by %s"), people, moderated);
}

static char *
format_duration (int minutes)
{
  if (minutes <= 0)
    return NULL;

  if (minutes < 60 || minutes % 60 != 0)
    /* Translators: a duration in minutes, e.g. "25 min" */
    return g_strdup_printf (_("%d min"), minutes);

  /* Translators: a duration in whole hours, e.g. "2 h" */
  return g_strdup_printf (_("%d h"), minutes / 60);
}

/* Template callbacks: the list rows */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LecternWindow            *self)
{
  g_assert (GTK_IS_LIST_ITEM (item));
  g_assert (LECTERN_IS_WINDOW (self));

  gtk_list_item_set_child (item, g_object_new (LECTERN_TYPE_LIST_ROW, NULL));
}

static void
card_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LecternWindow            *self)
{
  LecternCard *card = gtk_list_item_get_item (item);
  LecternListRow *row = LECTERN_LIST_ROW (gtk_list_item_get_child (item));
  LecternPerson *person = lectern_card_get_person (card);
  const char *name = person ? lectern_person_get_name (person) : NULL;

  g_assert (LECTERN_IS_WINDOW (self));
  g_assert (LECTERN_IS_CARD (card));

  list_row_reset (row);

  if (is_empty (name))
    name = _("Unnamed");

  list_row_set_avatar (row, name);
  list_row_set_text (row, name, person ? lectern_person_get_affiliation (person) : NULL, NULL);
  list_row_set_slug (row, lectern_card_get_slug (card));

  if (lectern_card_get_role (card) == LECTERN_ROLE_MODERATOR)
    list_row_set_tag (row, C_("role", "Moderator"));

  if (lectern_card_get_archived (card))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "archived");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Hidden on the website"));
    }
}

static void
sponsor_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 LecternWindow            *self)
{
  LecternSponsor *sponsor = gtk_list_item_get_item (item);
  LecternListRow *row = LECTERN_LIST_ROW (gtk_list_item_get_child (item));
  const char *name = lectern_sponsor_get_name (sponsor);
  const char *url = lectern_sponsor_get_url (sponsor);

  g_assert (LECTERN_IS_WINDOW (self));
  g_assert (LECTERN_IS_SPONSOR (sponsor));

  list_row_reset (row);

  if (is_empty (name))
    name = _("Unnamed");

  /* The address without its scheme reads better. */
  if (g_str_has_prefix (url ? url : "", "https://"))
    url += strlen ("https://");
  else if (g_str_has_prefix (url ? url : "", "http://"))
    url += strlen ("http://");

  list_row_set_avatar (row, name);
  list_row_set_text (row, name, url, NULL);
  list_row_set_tag (row, lectern_sponsor_get_tier (sponsor));
  list_row_set_slug (row, lectern_sponsor_get_slug (sponsor));

  if (lectern_sponsor_get_archived (sponsor))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "archived");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Hidden on the website"));
    }
}

static void
schedule_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  LecternWindow            *self)
{
  GObject *object = gtk_list_item_get_item (item);
  LecternListRow *row = LECTERN_LIST_ROW (gtk_list_item_get_child (item));
  g_autofree char *time = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *people = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GPtrArray) subtitle_parts = g_ptr_array_new ();
  g_autoptr(GPtrArray) detail_parts = g_ptr_array_new ();
  g_autofree char *sponsored = NULL;
  g_autofree char *detail = NULL;
  LecternSession *session = NULL;
  const char *sponsor_name = NULL;
  const char *emoji;
  LecternSlot *slot;
  gint64 session_id;
  gint64 sponsor_id;

  g_assert (LECTERN_IS_WINDOW (self));

  list_row_reset (row);

  if (LECTERN_IS_DAY (object))
    {
      g_autofree char *date = format_date (lectern_day_get_date (LECTERN_DAY (object)));

      list_row_set_heading (row, date);
      gtk_list_item_set_selectable (item, FALSE);
      gtk_list_item_set_activatable (item, FALSE);
      return;
    }

  gtk_list_item_set_selectable (item, TRUE);
  gtk_list_item_set_activatable (item, TRUE);

  slot = LECTERN_SLOT (object);
  session_id = lectern_slot_get_session_id (slot);
  sponsor_id = lectern_slot_get_sponsor_id (slot);
  if (session_id > 0)
    session = g_hash_table_lookup (self->sessions, &session_id);
  if (sponsor_id > 0)
    sponsor_name = g_hash_table_lookup (self->sponsor_names, &sponsor_id);

  time = lectern_site_format_time (lectern_slot_get_start (slot));
  duration = format_duration (lectern_slot_get_duration (slot));
  list_row_set_time (row, time, duration);

  emoji = lectern_slot_get_emoji (slot);
  if (is_empty (emoji) && session != NULL)
    emoji = lectern_session_get_emoji (session);
  list_row_set_emoji (row, emoji);

  if (session != NULL && !is_empty (lectern_session_get_title (session)))
    g_ptr_array_add (subtitle_parts, (gpointer) lectern_session_get_title (session));
  if (!is_empty (sponsor_name))
    {
      /* Translators: %s is the name of a sponsor */
      sponsored = g_strdup_printf (_("Sponsored by %s"), sponsor_name);
      g_ptr_array_add (subtitle_parts, sponsored);
    }
  g_ptr_array_add (subtitle_parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) subtitle_parts->pdata);

  people = format_people (slot);
  if (!is_empty (people))
    g_ptr_array_add (detail_parts, people);
  if (!is_empty (lectern_slot_get_note (slot)))
    g_ptr_array_add (detail_parts, (gpointer) lectern_slot_get_note (slot));
  g_ptr_array_add (detail_parts, NULL);
  detail = g_strjoinv ("\n", (char **) detail_parts->pdata);

  list_row_set_text (row, lectern_slot_get_title (slot), subtitle, detail);

  if (lectern_slot_kind_is_plain (lectern_slot_get_kind (slot)))
    gtk_widget_add_css_class (GTK_WIDGET (row), "plain");
}

/* Signal callbacks */

static void
store_changed_cb (LecternWindow *self,
                  LecternStore  *store)
{
  g_assert (LECTERN_IS_WINDOW (self));
  g_assert (LECTERN_IS_STORE (store));

  lectern_window_reload (self);

  if (self->change_toast == NULL)
    {
      self->change_toast = adw_toast_new (_("Updated with changes made elsewhere"));
      g_object_add_weak_pointer (G_OBJECT (self->change_toast), (gpointer *) &self->change_toast);
      adw_toast_overlay_add_toast (self->toast_overlay, self->change_toast);
    }
}

/* Actions */

/* Alt+1 … Alt+6: shows a page and puts the keyboard in its list. */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  ListPage *pages[] = {
    &self->speakers, &self->panelists, &self->organizers, &self->sponsors, &self->schedule,
  };

  GtkWidget *visible;

  g_assert (LECTERN_IS_WINDOW (self));

  lectern_window_set_visible_page (self, name);
  visible = adw_view_stack_get_visible_child (self->view_stack);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (GTK_WIDGET (pages[i]->stack) == visible &&
          g_strcmp0 (gtk_stack_get_visible_child_name (pages[i]->stack), "list") == 0)
        gtk_widget_grab_focus (GTK_WIDGET (pages[i]->view));
    }
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_assert (LECTERN_IS_WINDOW (widget));

  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* GObject overrides */

static void
lectern_window_constructed (GObject *object)
{
  LecternWindow *self = LECTERN_WINDOW (object);
  g_autofree char *basename = NULL;
  const char *path;

  G_OBJECT_CLASS (lectern_window_parent_class)->constructed (object);

  g_assert (LECTERN_IS_STORE (self->store));

  path = lectern_store_get_path (self->store);

  /* Each window starts at the last size, but windows do not follow
   * each other's resizing.
   */
  self->settings = g_settings_new (BASE_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_set_string (self->settings, "last-file", path);

  basename = g_path_get_basename (path);
  adw_view_switcher_title_set_subtitle (self->switcher_title, basename);

  if (lectern_store_get_read_only (self->store))
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why, e.g. "you do not have permission to change the file." */
      text = g_strdup_printf (_("This workshop is read-only: %s"),
                              lectern_store_get_read_only_reason (self->store));
      gtk_label_set_text (self->read_only_label, text);
      gtk_revealer_set_reveal_child (self->read_only_revealer, TRUE);
    }

  lectern_window_reload (self);

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  lectern_store_watch (self->store, WATCH_INTERVAL);
}

static void
lectern_window_dispose (GObject *object)
{
  LecternWindow *self = LECTERN_WINDOW (object);

  if (self->store != NULL)
    lectern_store_watch (self->store, 0);

  g_clear_weak_pointer (&self->change_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_WINDOW);

  g_clear_object (&self->speakers.model);
  g_clear_object (&self->panelists.model);
  g_clear_object (&self->organizers.model);
  g_clear_object (&self->sponsors.model);
  g_clear_object (&self->schedule.model);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lectern_window_parent_class)->dispose (object);
}

static void
lectern_window_finalize (GObject *object)
{
  LecternWindow *self = LECTERN_WINDOW (object);

  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_clear_pointer (&self->sponsor_names, g_hash_table_unref);
  g_clear_pointer (&self->schedule_context, g_free);

  G_OBJECT_CLASS (lectern_window_parent_class)->finalize (object);
}

static void
lectern_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LecternWindow *self = LECTERN_WINDOW (object);

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
lectern_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LecternWindow *self = LECTERN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_list_page (GtkWidgetClass *widget_class,
                const char     *name,
                gssize          offset)
{
  g_autofree char *stack = g_strdup_printf ("%s_stack", name);
  g_autofree char *view = g_strdup_printf ("%s_view", name);

  g_assert (GTK_IS_WIDGET_CLASS (widget_class));

  /* GtkBuilder keeps the names: they must outlive the class. */
  gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (stack), FALSE,
                                             offset + G_STRUCT_OFFSET (ListPage, stack));
  gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (view), FALSE,
                                             offset + G_STRUCT_OFFSET (ListPage, view));
}

static void
lectern_window_class_init (LecternWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    guint       key;
    const char *page;
  } page_keys[] = {
    { GDK_KEY_1, "event" },
    { GDK_KEY_2, "speakers" },
    { GDK_KEY_3, "panelists" },
    { GDK_KEY_4, "organizers" },
    { GDK_KEY_5, "sponsors" },
    { GDK_KEY_6, "schedule" },
  };

  object_class->constructed = lectern_window_constructed;
  object_class->dispose = lectern_window_dispose;
  object_class->finalize = lectern_window_finalize;
  object_class->get_property = lectern_window_get_property;
  object_class->set_property = lectern_window_set_property;

  /**
   * LecternWindow:store:
   *
   * The workshop file the window shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LECTERN_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/lectern-window.ui");

  gtk_widget_class_bind_template_child (widget_class, LecternWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, event_title_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, event_summary_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, short_name_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, conference_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, dates_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, timezone_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, venue_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, room_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, contact_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, site_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, openreview_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, room_map_button);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, contact_button);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, site_button);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, openreview_button);

  bind_list_page (widget_class, "speakers", G_STRUCT_OFFSET (LecternWindow, speakers));
  bind_list_page (widget_class, "panelists", G_STRUCT_OFFSET (LecternWindow, panelists));
  bind_list_page (widget_class, "organizers", G_STRUCT_OFFSET (LecternWindow, organizers));
  bind_list_page (widget_class, "sponsors", G_STRUCT_OFFSET (LecternWindow, sponsors));
  bind_list_page (widget_class, "schedule", G_STRUCT_OFFSET (LecternWindow, schedule));

  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, sponsor_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, schedule_bind_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);

  for (guint i = 0; i < G_N_ELEMENTS (page_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, page_keys[i].key, GDK_ALT_MASK,
                                         "win.show-page", "s", page_keys[i].page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
init_list_page (ListPage *page,
                GType     item_type)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  g_assert (page != NULL);
  g_assert (GTK_IS_LIST_VIEW (page->view));

  page->model = g_list_store_new (item_type);

  /* Nothing is selected until the organizer picks a row. */
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (page->model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (page->view, GTK_SELECTION_MODEL (selection));

  update_list_page (page, TRUE);
}

static void
lectern_window_init (LecternWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->sponsor_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  init_list_page (&self->speakers, LECTERN_TYPE_CARD);
  init_list_page (&self->panelists, LECTERN_TYPE_CARD);
  init_list_page (&self->organizers, LECTERN_TYPE_CARD);
  init_list_page (&self->sponsors, LECTERN_TYPE_SPONSOR);
  init_list_page (&self->schedule, G_TYPE_OBJECT);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/* Public API */

/**
 * lectern_window_new:
 * @application: (nullable): the application
 * @store: the workshop file to show
 *
 * Returns: (transfer none): a new window, owned by GTK until it is closed
 */
LecternWindow *
lectern_window_new (GtkApplication *application,
                    LecternStore   *store)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);

  return g_object_new (LECTERN_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

LecternStore *
lectern_window_get_store (LecternWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * lectern_window_get_visible_page:
 * @self: a #LecternWindow
 *
 * Returns: the name of the visible page: "event", "speakers",
 *   "panelists", "organizers", "sponsors" or "schedule"
 */
const char *
lectern_window_get_visible_page (LecternWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
lectern_window_set_visible_page (LecternWindow *self,
                                 const char    *name)
{
  g_return_if_fail (LECTERN_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_warning ("No page named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * lectern_window_reload:
 * @self: a #LecternWindow
 *
 * Reads the workshop file again and updates every page. A failure is
 * shown as a toast; the pages keep what they showed.
 */
void
lectern_window_reload (LecternWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LECTERN_IS_WINDOW (self));

  if (!reload (self, &error))
    {
      /* Translators: %s is an error message */
      lectern_window_add_toast (self, adw_toast_new_format (_("Could not read the workshop file: %s"),
                                                            error->message));
    }
}

/**
 * lectern_window_add_toast:
 * @self: a #LecternWindow
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window's content.
 */
void
lectern_window_add_toast (LecternWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (LECTERN_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
