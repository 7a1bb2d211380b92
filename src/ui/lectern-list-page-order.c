/* lectern-list-page-order.c: the order of a list's rows
 *
 * The ways an organizer reorders a list (the order the website shows):
 * dragging a row onto another, Alt+Up and Alt+Down, and "Move to
 * Position…" for long lists. All end in lectern_list_page_move_item().
 * Part of LecternListPage, behind lectern-list-page-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-list-page.h"
#include "lectern-list-page-private.h"
#include "lectern-ui-util.h"

static void
finish_move (LecternListPage *self,
             gpointer         item)
{
  _lectern_list_page_select_after_reload (self, lectern_object_get_id (item), TRUE);
  lectern_ui_reload_window (GTK_WIDGET (self));
}

/* Drag and drop: the payload is the row's model object. */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource  *source,
                 double          x,
                 double          y,
                 LecternListRow *row)
{
  LecternListPage *self;
  gpointer item = lectern_list_row_get_item (row);

  self = LECTERN_LIST_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), LECTERN_TYPE_LIST_PAGE));
  if (self == NULL || !_lectern_list_page_can_move (self, item))
    return NULL;

  return gdk_content_provider_new_typed (G_OBJECT_TYPE (item), item);
}

static void
drag_begin_cb (GtkDragSource  *source,
               GdkDrag        *drag,
               LecternListRow *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (row));

  gtk_drag_source_set_icon (source, paintable, 24, 24);
}

/* Drags from other programs carry no GdkDrag: they are refused. A drop
 * emitted by a test has no current drop at all.
 */
static gboolean
drop_is_foreign (GtkDropTarget *target)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);

  return drop != NULL && gdk_drop_get_drag (drop) == NULL;
}

/* Is @item a row that can go where @row is? */
static gboolean
accepts (LecternListPage *self,
         LecternListRow  *row,
         gpointer         item)
{
  LecternListPageClass *klass = LECTERN_LIST_PAGE_GET_CLASS (self);
  gpointer target = lectern_list_row_get_item (row);
  int group;

  if (!G_IS_OBJECT (item) || target == NULL || G_OBJECT_TYPE (item) != G_OBJECT_TYPE (target))
    return FALSE;

  if (!_lectern_list_page_can_move (self, item))
    return FALSE;

  group = klass->get_group (self, item);
  if (group != klass->get_group (self, target))
    return FALSE;

  /* Only rows of this list: find it by id among them. */
  return _lectern_list_page_find_id (lectern_list_page_get_items (self), lectern_object_get_id (item)) != GTK_INVALID_LIST_POSITION;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget  *target,
                double          x,
                double          y,
                LecternListRow *row)
{
  LecternListPage *self;
  const GValue *value;

  self = LECTERN_LIST_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), LECTERN_TYPE_LIST_PAGE));
  value = gtk_drop_target_get_value (target);

  if (self == NULL || drop_is_foreign (target) || value == NULL ||
      !accepts (self, row, g_value_get_object (value)))
    {
      lectern_list_row_set_drop_highlight (row, FALSE);
      return 0;
    }

  lectern_list_row_set_drop_highlight (row, TRUE);
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget  *target,
               LecternListRow *row)
{
  lectern_list_row_set_drop_highlight (row, FALSE);
}

/* Dropped on a row: the dragged row takes its place, and the rows in
 * between shift by one, as in the site's list.
 */
static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         LecternListRow *row)
{
  LecternListPage *self;
  gpointer item;
  gpointer target_item;
  guint position = 0;

  lectern_list_row_set_drop_highlight (row, FALSE);

  self = LECTERN_LIST_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), LECTERN_TYPE_LIST_PAGE));
  if (self == NULL || drop_is_foreign (target) || !G_VALUE_HOLDS_OBJECT (value))
    return FALSE;

  item = g_value_get_object (value);
  target_item = lectern_list_row_get_item (row);
  if (!accepts (self, row, item))
    return FALSE;

  if (lectern_object_get_id (item) == lectern_object_get_id (target_item))
    return TRUE;

  _lectern_list_page_get_group_size (self, target_item, &position);
  return lectern_list_page_move_item (self, item, position);
}

/* The row's drag source and drop target */
void
_lectern_list_page_add_dnd (GtkWidget *row)
{
  GtkDragSource *source;
  GtkDropTarget *target;

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE);
  gtk_drop_target_set_gtypes (target, (GType[2]) { LECTERN_TYPE_CARD, LECTERN_TYPE_SPONSOR }, 2);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "enter", G_CALLBACK (drop_motion_cb), row);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), row);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), row);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

static void
move_by (LecternListPage *self,
         int              delta)
{
  gpointer item = lectern_list_page_get_selected_item (self);
  guint position = 0;
  guint n;

  if (!_lectern_list_page_can_move (self, item))
    return;

  n = _lectern_list_page_get_group_size (self, item, &position);
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;

  lectern_list_page_move_item (self, item, position + delta);
}

void
_lectern_list_page_move_up_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  move_by (LECTERN_LIST_PAGE (widget), -1);
}

void
_lectern_list_page_move_down_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  move_by (LECTERN_LIST_PAGE (widget), 1);
}

static void
move_to_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LecternListPage  *self)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (adw_message_dialog_get_extra_child (dialog));
  GObject *item = g_object_get_data (G_OBJECT (dialog), "item");
  int position = gtk_spin_button_get_value_as_int (spin);

  if (g_strcmp0 (response, "move") == 0 && item != NULL && position >= 1)
    lectern_list_page_move_item (self, item, (guint) position - 1);
}

/* Enter in the position field moves (GtkSpinButton has no ::activate
 * in GTK 4.8).
 */
static gboolean
spin_enter_cb (GtkWidget *spin,
               GVariant  *args,
               gpointer   user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_root (spin));

  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  adw_message_dialog_response (dialog, "move");
  gtk_window_close (GTK_WINDOW (dialog));

  return TRUE;
}

/* "Move to Position…": a position typed in, for long lists. */
void
_lectern_list_page_move_to_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LecternListPage *self = LECTERN_LIST_PAGE (widget);
  gpointer item = lectern_list_page_get_selected_item (self);
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkEventController *shortcuts;
  GtkWidget *spin;
  GtkRoot *root;
  guint position = 0;
  guint n;

  if (!_lectern_list_page_can_move (self, item))
    return;

  n = _lectern_list_page_get_group_size (self, item, &position);
  title = _lectern_list_page_dup_title (self, item);
  root = gtk_widget_get_root (widget);

  /* Translators: %s is a name */
  heading = g_strdup_printf (_("Move “%s”"), title);
  /* Translators: %u is the number of rows in the list */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Choose its place in the list, which has %u row. "
                                       "The website shows the list in this order.",
                                       "Choose its place in the list, from 1 to %u. "
                                       "The website shows the list in this order.", n),
                          n);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  spin = gtk_spin_button_new_with_range (1, MAX (n, 1), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), position + 1);
  gtk_widget_set_halign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Position"),
                                  -1);
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Return|KP_Enter"),
                                                          gtk_callback_action_new (spin_enter_cb, NULL, NULL)));
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (spin, shortcuts);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spin);

  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (move_to_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (spin);
}

/**
 * lectern_list_page_move_item:
 * @self: a #LecternListPage
 * @item: a row of the list
 * @position: where it goes among the rows of its group, from 0
 *
 * The one way rows move: drops, Alt+Up/Alt+Down and "Move to Position…"
 * all end here. The moved row stays selected.
 *
 * Returns: whether the row moved
 */
gboolean
lectern_list_page_move_item (LecternListPage *self,
                             gpointer         item,
                             guint            position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) hold = NULL;

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  if (!_lectern_list_page_can_move (self, item))
    return FALSE;

  hold = g_object_ref (item);

  if (!LECTERN_LIST_PAGE_GET_CLASS (self)->move_item (self, item, position, &error))
    {
      lectern_ui_show_error (GTK_WIDGET (self), _("Could Not Move"), error);
      lectern_ui_reload_window (GTK_WIDGET (self));
      return FALSE;
    }

  finish_move (self, item);
  return TRUE;
}
