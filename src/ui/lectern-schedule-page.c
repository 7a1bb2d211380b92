/* lectern-schedule-page.c: the schedule editor
 *
 * The pool of unscheduled slots (searchable; drag one onto the timeline
 * to place it, or a card onto the pool to unschedule it), a tab per day
 * when there are several, and the day's timeline (LecternTimeline). The
 * page owns the schedule's live models (LecternSchedule), which follow
 * the file: the timeline and the pool change where the schedule did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-schedule-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lectern-schedule-dialogs.h"
#include "lectern-schedule-ops.h"
#include "lectern-schedule-page.h"
#include "lectern-slot-card.h"
#include "lectern-site-text.h"
#include "lectern-slot-editor.h"
#include "lectern-timeline.h"
#include "lectern-ui-util.h"

struct _LecternSchedulePage
{
  GtkWidget          parent_instance;

  /* Template Widgets */
  GtkStack          *stack;
  GtkWidget         *pool_pane;
  GtkSearchEntry    *pool_search;
  GtkStack          *pool_stack;
  GtkListView       *pool_view;
  GtkBox            *day_tabs;
  GtkLabel          *zone_label;
  LecternTimeline   *timeline;
  GtkWidget         *editor_separator;
  LecternSlotEditor *slot_editor;

  /* Owned References */
  LecternStore      *store;
  LecternSchedule   *schedule;
  GtkFilterListModel *pool_filtered;
  GtkCustomFilter   *pool_filter;
  gint64             day_id;
};

G_DEFINE_FINAL_TYPE (LecternSchedulePage, lectern_schedule_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* The pool                                                            */

static gboolean
pool_filter_func (gpointer item,
                  gpointer user_data)
{
  LecternSchedulePage *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->pool_search));
  g_autofree char *description = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *needle = NULL;

  if (lectern_ui_is_empty (text))
    return TRUE;

  description = lectern_slot_card_describe (LECTERN_SLOT (item));
  haystack = g_utf8_casefold (description, -1);
  needle = g_utf8_casefold (text, -1);
  return strstr (haystack, needle) != NULL;
}

static void
pool_search_changed_cb (LecternSchedulePage *self)
{
  gtk_filter_changed (GTK_FILTER (self->pool_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_pool_state (LecternSchedulePage *self)
{
  gboolean empty = self->schedule == NULL ||
                   g_list_model_get_n_items (lectern_schedule_get_pool (self->schedule)) == 0;

  gtk_stack_set_visible_child_name (self->pool_stack, empty ? "empty" : "list");
}

static GdkContentProvider *
pool_drag_prepare_cb (GtkDragSource *source,
                      double         x,
                      double         y,
                      GtkListItem   *item)
{
  LecternSlot *slot = gtk_list_item_get_item (item);

  if (slot == NULL)
    return NULL;

  return gdk_content_provider_new_typed (LECTERN_TYPE_SLOT, slot);
}

static void
pool_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LecternSchedulePage      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "lectern-row-title");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "lectern-row-detail");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (pool_drag_prepare_cb), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));
  gtk_list_item_set_child (item, box);
}

static void
pool_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LecternSchedulePage      *self)
{
  LecternSlot *slot = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  g_autofree char *description = lectern_slot_card_describe (slot);
  g_autofree char *length = lectern_format_duration (lectern_slot_get_duration (slot));
  GPtrArray *appearances = lectern_slot_get_appearances (slot);
  g_autoptr(GString) text = g_string_new (length);

  for (guint i = 0; i < appearances->len; i++)
    {
      const LecternAppearance *a = g_ptr_array_index (appearances, i);

      g_string_append_printf (text, "%s%s", i == 0 ? " · " : ", ", a->name ? a->name : "");
    }

  gtk_label_set_text (GTK_LABEL (title), lectern_ui_is_empty (lectern_slot_get_title (slot))
                                         ? lectern_slot_kind_to_string (lectern_slot_get_kind (slot))
                                         : lectern_slot_get_title (slot));
  gtk_label_set_text (GTK_LABEL (detail), text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

/* Enter on a slot of the pool: Move To…, the keyboard's drag. */
static void
pool_activate_cb (GtkListView         *view,
                  guint                position,
                  LecternSchedulePage *self)
{
  g_autoptr(LecternSlot) slot = g_list_model_get_item (G_LIST_MODEL (self->pool_filtered), position);

  if (slot != NULL && self->schedule != NULL)
    lectern_schedule_move_to_dialog_new (GTK_WIDGET (self), self->schedule, slot, self->day_id);
}

static void
new_slot_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LecternSchedulePage *self = LECTERN_SCHEDULE_PAGE (widget);

  if (self->schedule != NULL && !lectern_store_get_read_only (self->store))
    lectern_schedule_new_slot_dialog_new (widget, self->schedule, self->day_id);
}

/* The side pane's Move To…: the timeline's, for its selected slot. */
static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LecternSchedulePage *self = LECTERN_SCHEDULE_PAGE (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->timeline), "timeline.move-to", NULL);
}

/* The side pane edits the slot selected on the timeline. */
static void
selected_changed_cb (LecternSchedulePage *self)
{
  LecternSlot *slot = lectern_timeline_get_selected (self->timeline);

  lectern_slot_editor_set_schedule (self->slot_editor, self->schedule);
  lectern_slot_editor_set_slot (self->slot_editor, slot);
  gtk_widget_set_visible (GTK_WIDGET (self->slot_editor), slot != NULL);
  gtk_widget_set_visible (self->editor_separator, slot != NULL);
}

/* A card dropped on the pool leaves the timeline. */
static gboolean
pool_drop_cb (GtkDropTarget       *target,
              const GValue        *value,
              double               x,
              double               y,
              LecternSchedulePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSchedulePlan) plan = NULL;
  LecternSlot *slot;

  if (!G_VALUE_HOLDS (value, LECTERN_TYPE_SLOT) || self->schedule == NULL)
    return FALSE;

  slot = g_value_get_object (value);
  if (!lectern_slot_is_scheduled (slot))
    return FALSE;

  plan = lectern_schedule_plan_unschedule (lectern_schedule_get_scheduled (self->schedule), slot, 0, &error);
  if (plan == NULL || !lectern_schedule_apply (self->schedule, plan, &error))
    {
      lectern_ui_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return FALSE;
    }

  lectern_ui_toast_undo (GTK_WIDGET (self), lectern_schedule_plan_get_label (plan));
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Days                                                                */

static void
show_day (LecternSchedulePage *self,
          gint64               day_id)
{
  self->day_id = day_id;
  lectern_timeline_set_schedule (self->timeline, self->schedule, day_id);
}

static void
day_toggled_cb (GtkToggleButton     *button,
                LecternSchedulePage *self)
{
  if (gtk_toggle_button_get_active (button))
    show_day (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "day-id")));
}

/* A tab per day, when there are several. */
static void
rebuild_day_tabs (LecternSchedulePage *self,
                  GListModel          *days)
{
  GtkWidget *child;
  GtkToggleButton *group = NULL;
  guint n = g_list_model_get_n_items (days);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->day_tabs))) != NULL)
    gtk_box_remove (self->day_tabs, child);

  for (guint i = 0; i < n && n > 1; i++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, i);
      g_autofree char *label = lectern_ui_format_date (lectern_day_get_date (day));
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), "day-id", GSIZE_TO_POINTER (lectern_day_get_id (day)));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), lectern_day_get_id (day) == self->day_id);
      g_signal_connect (button, "toggled", G_CALLBACK (day_toggled_cb), self);
      gtk_box_append (self->day_tabs, button);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->day_tabs), n > 1);
}

/* "Times in Pacific/Honolulu (UTC−10)": the zone of the ruler, for the
 * organizers who are elsewhere (its offset on the first day shown). */
static void
update_zone_label (LecternSchedulePage *self,
                   GListModel          *days)
{
  g_autoptr(LecternEvent) event = lectern_store_get_event (self->store, NULL);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) noon = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *text = NULL;
  const char *name = event ? lectern_event_get_timezone (event) : NULL;
  int y = 2000, m = 1, d = 1;

  if (lectern_ui_is_empty (name) || !(zone = g_time_zone_new_identifier (name)))
    {
      gtk_label_set_text (self->zone_label, "");
      return;
    }

  for (guint i = 0; days != NULL && i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, i);

      if (lectern_day_get_id (day) == self->day_id)
        sscanf (lectern_day_get_date (day), "%4d-%2d-%2d", &y, &m, &d);
    }
  noon = g_date_time_new (zone, y, m, d, 12, 0, 0);
  offset = noon ? lectern_site_format_utc_offset (g_date_time_get_utc_offset (noon) / G_USEC_PER_SEC) : g_strdup ("");
  /* Translators: the time zone of the timeline's ruler, and its offset */
  text = g_strdup_printf (_("Times in %s (%s)"), name, offset);
  gtk_label_set_text (self->zone_label, text);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
lectern_schedule_page_dispose (GObject *object)
{
  LecternSchedulePage *self = LECTERN_SCHEDULE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_SCHEDULE_PAGE);

  g_clear_object (&self->pool_filtered);
  g_clear_object (&self->schedule);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lectern_schedule_page_parent_class)->dispose (object);
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
  object_class->get_property = lectern_schedule_page_get_property;
  object_class->set_property = lectern_schedule_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LECTERN_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LECTERN_TYPE_TIMELINE);
  g_type_ensure (LECTERN_TYPE_SLOT_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/lectern-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternSchedulePage, stack);
  gtk_widget_class_bind_template_child (widget_class, LecternSchedulePage, pool_pane);
  gtk_widget_class_bind_template_child (widget_class, LecternSchedulePage, pool_search);
  gtk_widget_class_bind_template_child (widget_class, LecternSchedulePage, pool_stack);
  gtk_widget_class_bind_template_child (widget_class, LecternSchedulePage, pool_view);
  gtk_widget_class_bind_template_child (widget_class, LecternSchedulePage, day_tabs);
  gtk_widget_class_bind_template_child (widget_class, LecternSchedulePage, zone_label);
  gtk_widget_class_bind_template_child (widget_class, LecternSchedulePage, timeline);
  gtk_widget_class_bind_template_child (widget_class, LecternSchedulePage, editor_separator);
  gtk_widget_class_bind_template_child (widget_class, LecternSchedulePage, slot_editor);
  gtk_widget_class_bind_template_callback (widget_class, selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pool_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pool_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, pool_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, pool_activate_cb);

  gtk_widget_class_install_action (widget_class, "schedule.new-slot", NULL, new_slot_action);
  gtk_widget_class_install_action (widget_class, "schedule.move-to", NULL, move_to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "schedule.new-slot", NULL);
}

static void
lectern_schedule_page_init (LecternSchedulePage *self)
{
  GtkDropTarget *target = gtk_drop_target_new (LECTERN_TYPE_SLOT, GDK_ACTION_MOVE);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pool_filter = gtk_custom_filter_new (pool_filter_func, self, NULL);
  self->pool_filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->pool_filter)));
  gtk_list_view_set_model (self->pool_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->pool_filtered)))));

  g_signal_connect (target, "drop", G_CALLBACK (pool_drop_cb), self);
  gtk_widget_add_controller (self->pool_pane, GTK_EVENT_CONTROLLER (target));

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

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

  if (!g_set_object (&self->store, store))
    return;

  g_clear_object (&self->schedule);
  self->day_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

LecternTimeline *
lectern_schedule_page_get_timeline (LecternSchedulePage *self)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE_PAGE (self), NULL);

  return self->timeline;
}

/* (transfer none) (nullable) */
LecternSchedule *
lectern_schedule_page_get_schedule (LecternSchedulePage *self)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE_PAGE (self), NULL);

  return self->schedule;
}

/**
 * lectern_schedule_page_reload:
 * @self: a #LecternSchedulePage
 * @error: return location for an error
 *
 * Reads the days, rooms and sessions again. The slots follow the file
 * through the schedule's live models, which move only what changed.
 */
gboolean
lectern_schedule_page_reload (LecternSchedulePage  *self,
                              GError              **error)
{
  g_autoptr(GListModel) days = NULL;
  gboolean known = FALSE;
  guint n_days;

  g_return_val_if_fail (LECTERN_IS_SCHEDULE_PAGE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_STORE (self->store), FALSE);

  if (self->schedule == NULL)
    {
      self->schedule = lectern_schedule_new (self->store, error);
      if (self->schedule == NULL)
        return FALSE;
      gtk_filter_list_model_set_model (self->pool_filtered, lectern_schedule_get_pool (self->schedule));
      g_signal_connect_object (lectern_schedule_get_pool (self->schedule), "items-changed",
                               G_CALLBACK (update_pool_state), self, G_CONNECT_SWAPPED);
    }
  /* this window's own edits (the side pane's, a person renamed) do not
   * come as the store's "changed": the slots are compared again here */
  else if (!lectern_schedule_reload (self->schedule, error))
    return FALSE;

  lectern_slot_editor_set_schedule (self->slot_editor, self->schedule);
  lectern_slot_editor_refresh (self->slot_editor);

  days = lectern_store_list_days (self->store, error);
  if (days == NULL)
    return FALSE;

  n_days = g_list_model_get_n_items (days);
  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, i);

      known |= lectern_day_get_id (day) == self->day_id;
    }
  if (!known && n_days > 0)
    {
      g_autoptr(LecternDay) first = g_list_model_get_item (days, 0);

      self->day_id = lectern_day_get_id (first);
    }

  rebuild_day_tabs (self, days);
  update_zone_label (self, days);
  if (n_days > 0 && lectern_timeline_get_day_id (self->timeline) != self->day_id)
    show_day (self, self->day_id);
  else
    lectern_timeline_refresh (self->timeline);

  update_pool_state (self);
  gtk_stack_set_visible_child_name (self->stack, n_days == 0 ? "empty" : "timeline");

  return TRUE;
}
