/* lectern-schedule-page.c: the schedule, read-only
 *
 * Each day (a heading) followed by its slots in time order. When the
 * file changes, only the rows that differ are spliced into the list, so
 * that the selection and the scroll position stay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-schedule-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-list-row.h"
#include "lectern-schedule-page.h"
#include "lectern-site-text.h"
#include "lectern-ui-util.h"

struct _LecternSchedulePage
{
  GtkWidget     parent_instance;

  /* Template Widgets */
  GtkStack     *stack;
  GtkGridView  *list_view;

  /* Owned References */
  LecternStore *store;
  GListStore   *model;
  GHashTable   *sessions;       /* gint64 id → LecternSession */
  GHashTable   *sponsor_names;  /* gint64 id → name */
  char         *context;
};

G_DEFINE_FINAL_TYPE (LecternSchedulePage, lectern_schedule_page, GTK_TYPE_WIDGET)

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

static gboolean
reload_sponsors (LecternSchedulePage  *self,
                 GString              *context,
                 GError              **error)
{
  g_autoptr(GListModel) sponsors = NULL;
  guint n;

  g_assert (LECTERN_IS_SCHEDULE_PAGE (self));

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

  return TRUE;
}

static gboolean
reload_sessions (LecternSchedulePage  *self,
                 GString              *context,
                 GError              **error)
{
  g_autoptr(GListModel) sessions = NULL;
  guint n;

  g_assert (LECTERN_IS_SCHEDULE_PAGE (self));

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

      if (lectern_ui_is_empty (appearance->name))
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
  if (lectern_ui_is_empty (people))
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

/* Template callbacks */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LecternSchedulePage      *self)
{
  g_assert (GTK_IS_LIST_ITEM (item));

  gtk_list_item_set_child (item, lectern_list_row_new ());
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LecternSchedulePage      *self)
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

  g_assert (LECTERN_IS_SCHEDULE_PAGE (self));

  lectern_list_row_reset (row);
  lectern_list_row_set_item (row, object);

  if (LECTERN_IS_DAY (object))
    {
      g_autofree char *date = lectern_ui_format_date (lectern_day_get_date (LECTERN_DAY (object)));

      lectern_list_row_set_heading (row, date);
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
  lectern_list_row_set_time (row, time, duration);

  emoji = lectern_slot_get_emoji (slot);
  if (lectern_ui_is_empty (emoji) && session != NULL)
    emoji = lectern_session_get_emoji (session);
  lectern_list_row_set_emoji (row, emoji);

  if (session != NULL && !lectern_ui_is_empty (lectern_session_get_title (session)))
    g_ptr_array_add (subtitle_parts, (gpointer) lectern_session_get_title (session));
  if (!lectern_ui_is_empty (sponsor_name))
    {
      /* Translators: %s is the name of a sponsor */
      sponsored = g_strdup_printf (_("Sponsored by %s"), sponsor_name);
      g_ptr_array_add (subtitle_parts, sponsored);
    }
  g_ptr_array_add (subtitle_parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) subtitle_parts->pdata);

  people = format_people (slot);
  if (!lectern_ui_is_empty (people))
    g_ptr_array_add (detail_parts, people);
  if (!lectern_ui_is_empty (lectern_slot_get_note (slot)))
    g_ptr_array_add (detail_parts, (gpointer) lectern_slot_get_note (slot));
  g_ptr_array_add (detail_parts, NULL);
  detail = g_strjoinv ("\n", (char **) detail_parts->pdata);

  lectern_list_row_set_text (row, lectern_slot_get_title (slot), subtitle, detail);
  lectern_list_row_set_plain (row, lectern_slot_kind_is_plain (lectern_slot_get_kind (slot)));
}

/* GObject overrides */

static void
lectern_schedule_page_dispose (GObject *object)
{
  LecternSchedulePage *self = LECTERN_SCHEDULE_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_SCHEDULE_PAGE);
  /* Children the template does not name are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lectern_schedule_page_parent_class)->dispose (object);
}

static void
lectern_schedule_page_finalize (GObject *object)
{
  LecternSchedulePage *self = LECTERN_SCHEDULE_PAGE (object);

  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_clear_pointer (&self->sponsor_names, g_hash_table_unref);
  g_clear_pointer (&self->context, g_free);

  G_OBJECT_CLASS (lectern_schedule_page_parent_class)->finalize (object);
}

static void
lectern_schedule_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LecternSchedulePage *self = LECTERN_SCHEDULE_PAGE (object);

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
lectern_schedule_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LecternSchedulePage *self = LECTERN_SCHEDULE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lectern_schedule_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_schedule_page_class_init (LecternSchedulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_schedule_page_dispose;
  object_class->finalize = lectern_schedule_page_finalize;
  object_class->get_property = lectern_schedule_page_get_property;
  object_class->set_property = lectern_schedule_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LECTERN_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/lectern-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternSchedulePage, stack);
  gtk_widget_class_bind_template_child (widget_class, LecternSchedulePage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_bind_cb);
}

static void
lectern_schedule_page_init (LecternSchedulePage *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->sponsor_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->model = g_list_store_new (G_TYPE_OBJECT);

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public API */

LecternStore *
lectern_schedule_page_get_store (LecternSchedulePage *self)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE_PAGE (self), NULL);

  return self->store;
}

void
lectern_schedule_page_set_store (LecternSchedulePage *self,
                                 LecternStore        *store)
{
  g_return_if_fail (LECTERN_IS_SCHEDULE_PAGE (self));
  g_return_if_fail (!store || LECTERN_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GtkGridView *
lectern_schedule_page_get_list_view (LecternSchedulePage *self)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE_PAGE (self), NULL);

  return self->list_view;
}

/**
 * lectern_schedule_page_reload:
 * @self: a #LecternSchedulePage
 * @error: return location for an error
 *
 * Reads the schedule again, and splices the rows that changed.
 */
gboolean
lectern_schedule_page_reload (LecternSchedulePage  *self,
                              GError              **error)
{
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(GListStore) rows = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GHashTable) by_day = NULL;
  g_autoptr(GString) context = g_string_new (NULL);
  gboolean replace_all;
  guint n_days;
  guint n_slots;

  g_return_val_if_fail (LECTERN_IS_SCHEDULE_PAGE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_STORE (self->store), FALSE);

  if (!reload_sponsors (self, context, error) ||
      !reload_sessions (self, context, error))
    return FALSE;

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
  replace_all = g_strcmp0 (self->context, context->str) != 0;
  g_free (self->context);
  self->context = g_strdup (context->str);

  lectern_ui_sync_list_store (self->model, G_LIST_MODEL (rows), same_schedule_item, replace_all);
  gtk_stack_set_visible_child_name (self->stack, n_slots == 0 ? "empty" : "list");

  return TRUE;
}
