/* lectern-list-page.c: a list and the detail of its selected row
 *
 * The base of the cards pages (speakers, panelists, organizers, people)
 * and of the sponsors page: an AdwLeaflet with the list on the left and
 * the selected row's editor on the right, folding on a narrow window.
 * The subclass reads the rows, binds them to LecternListRows and shows
 * the selected one in its editor; this class keeps the list in step with
 * the file, searches and filters it, and reorders it by drag and drop,
 * by Alt+Up/Alt+Down and by "Move to Position…", all through one move
 * function (the subclass's move_item, which calls the store).
 *
 * When the file changes, only the rows that differ are spliced into the
 * list, and the selection follows the row's id, so that a row saved,
 * moved or changed by someone else stays selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-form.h"
#include "lectern-list-page.h"
#include "lectern-list-page-private.h"
#include "lectern-ui-util.h"

typedef struct
{
  /* Template Widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkStringList      *status_model;
  GtkStack           *list_stack;
  GtkGridView        *list_view;
  AdwStatusPage      *empty_page;
  GtkButton          *empty_add_button;
  GtkWidget          *content;
  GtkLabel           *back_label;
  GtkStack           *detail_stack;
  AdwStatusPage      *none_page;
  AdwBin             *editor_bin;
  gint64              shown_id;       /* of the item the editor shows */
  GtkWidget          *context_menu;
  GMenu              *remove_section;

  /* Owned References */
  LecternStore       *store;
  GListStore         *items;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *query;

  int                 status;
  gint64              pending_id;
  guint               focus_idle_id;
  guint               has_pending : 1;
  guint               pending_focus : 1;
  guint               reloading : 1;
} LecternListPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LecternListPage, lectern_list_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_MODE,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gpointer
get_item (GListModel *model,
          guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  /* The model keeps the item. */
  return item;
}

/* The position of the row with @id in @model, or GTK_INVALID_LIST_POSITION. */
guint
_lectern_list_page_find_id (GListModel *model,
                            gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      if (lectern_object_get_id (get_item (model, i)) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

char *
_lectern_list_page_dup_title (LecternListPage *self,
                              gpointer         item)
{
  char *title = LECTERN_LIST_PAGE_GET_CLASS (self)->dup_title (self, item);

  if (lectern_ui_is_empty (title))
    {
      g_free (title);
      return g_strdup (_("Unnamed"));
    }

  return title;
}

gboolean
_lectern_list_page_can_move (LecternListPage *self,
                             gpointer         item)
{
  return item != NULL &&
         !lectern_list_page_get_read_only (self) &&
         LECTERN_LIST_PAGE_GET_CLASS (self)->get_group (self, item) >= 0;
}

static void
show_item (LecternListPage *self,
           gpointer         item)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_assert (LECTERN_IS_LIST_PAGE (self));

  if (item != NULL)
    {
      g_autofree char *title = _lectern_list_page_dup_title (self, item);

      gtk_label_set_text (priv->back_label, title);
      gtk_stack_set_visible_child_name (priv->detail_stack, "editor");
    }
  else
    {
      gtk_stack_set_visible_child_name (priv->detail_stack, "none");
    }

  LECTERN_LIST_PAGE_GET_CLASS (self)->show_item (self, item);
  _lectern_list_page_update_actions (self);

  /* another person or sponsor (not the same one re-read after a
   * change): their editor from the top */
  if (item != NULL && lectern_object_get_id (item) != priv->shown_id)
    lectern_ui_scroll_to_top (GTK_WIDGET (priv->editor_bin));
  priv->shown_id = item != NULL ? lectern_object_get_id (item) : 0;
}

static void
update_list_stack (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  const char *name = "list";

  if (g_list_model_get_n_items (G_LIST_MODEL (priv->items)) == 0)
    name = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (priv->filtered)) == 0)
    name = "no-results";

  gtk_stack_set_visible_child_name (priv->list_stack, name);
}

/* Selects the row at @position of the list without showing it again
 * in the editor, when it is the row already shown.
 */
static void
select_position (LecternListPage *self,
                 guint            position)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  gtk_single_selection_set_selected (priv->selection, position);
}

/* The row widget showing @id, if the list has one now. */
static GtkWidget *
find_row_widget (LecternListPage *self,
                 gint64           id)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (priv->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      gpointer item;

      if (!LECTERN_IS_LIST_ROW (row))
        continue;

      item = lectern_list_row_get_item (LECTERN_LIST_ROW (row));
      if (item != NULL && lectern_object_get_id (item) == id && gtk_widget_get_visible (child))
        return child;
    }

  return NULL;
}

static gboolean
focus_selected_cb (gpointer user_data)
{
  LecternListPage *self = user_data;
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  gpointer item = gtk_single_selection_get_selected_item (priv->selection);
  GtkWidget *row;

  priv->focus_idle_id = 0;

  if (item == NULL)
    return G_SOURCE_REMOVE;

  row = find_row_widget (self, lectern_object_get_id (item));
  if (row != NULL)
    gtk_widget_grab_focus (row);
  else
    gtk_widget_grab_focus (GTK_WIDGET (priv->list_view));

  return G_SOURCE_REMOVE;
}

/* Scrolls to the selected row and puts the keyboard on it, once the
 * list has made its widget.
 */
static void
focus_selected (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  guint position = gtk_single_selection_get_selected (priv->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_activate_action (GTK_WIDGET (priv->list_view), "list.scroll-to-item", "u", position);

  if (priv->focus_idle_id == 0)
    priv->focus_idle_id = g_idle_add_full (G_PRIORITY_LOW, focus_selected_cb, self, NULL);
}

/* Signal callbacks */

static void
selection_changed_cb (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  if (priv->reloading)
    return;

  show_item (self, gtk_single_selection_get_selected_item (priv->selection));
}

static gboolean
filter_match_cb (gpointer item,
                 gpointer user_data)
{
  LecternListPage *self = user_data;
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  if (lectern_ui_is_empty (priv->query) && priv->status == LECTERN_ANY_STATUS)
    return TRUE;

  return LECTERN_LIST_PAGE_GET_CLASS (self)->match (self, item, priv->query ? priv->query : "",
                                                    priv->status);
}

static void
refilter (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  gpointer selected = gtk_single_selection_get_selected_item (priv->selection);
  gint64 id = selected ? lectern_object_get_id (selected) : 0;
  guint position;

  priv->reloading = TRUE;
  gtk_filter_changed (GTK_FILTER (priv->filter), GTK_FILTER_CHANGE_DIFFERENT);

  /* The row being edited stays selected while it matches. */
  position = id != 0 ? _lectern_list_page_find_id (G_LIST_MODEL (priv->filtered), id) : GTK_INVALID_LIST_POSITION;
  select_position (self, position);
  priv->reloading = FALSE;

  if (gtk_single_selection_get_selected_item (priv->selection) != selected)
    show_item (self, gtk_single_selection_get_selected_item (priv->selection));

  /* The matches from the first, or the selected row: not wherever the
   * rows coming and going have left the view.
   */
  if (g_list_model_get_n_items (G_LIST_MODEL (priv->filtered)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (priv->list_view), "list.scroll-to-item", "u",
                                position != GTK_INVALID_LIST_POSITION ? position : 0);

  update_list_stack (self);
}

/* Filters the list by @text, and tells who follows the query. */
static void
set_query_text (LecternListPage *self,
                const char      *text)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  if (g_strcmp0 (priv->query, text) == 0)
    return;

  g_free (priv->query);
  priv->query = g_strdup (text);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

static void
search_changed_cb (LecternListPage *self,
                   GtkSearchEntry  *entry)
{
  set_query_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
status_changed_cb (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  guint selected = gtk_drop_down_get_selected (priv->status_dropdown);

  priv->status = selected == 0 || selected == GTK_INVALID_LIST_POSITION
               ? LECTERN_ANY_STATUS : (int) selected - 1;
  refilter (self);
}

/* Enter in the search entry: the first match. */
static void
search_activate_cb (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (priv->filtered)) == 0)
    return;

  select_position (self, 0);
  focus_selected (self);
}

static void
stop_search_cb (LecternListPage *self)
{
  lectern_list_page_set_search_mode (self, FALSE);
}

static void
search_mode_changed_cb (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  /* Leaving search shows every row again, at once: here, rather than
   * whenever the entry reports its emptying.
   */
  if (!gtk_search_bar_get_search_mode (priv->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
      gtk_drop_down_set_selected (priv->status_dropdown, 0);
      set_query_text (self, "");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

/* The status filter's choices, named for a screen reader: GTK 4.8's
 * drop-down names its popup's rows by their class, not their text.
 */
static void
status_item_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
status_item_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (list_item));
  GtkWidget *holder = gtk_widget_get_parent (label);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (holder != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (holder), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* The list is one Tab stop (GNOME HIG): the arrow keys move within it,
 * Tab leaves it for the editor, Shift+Tab for the filter above it. GTK
 * 4.8's grid view would walk every row that is shown first.
 */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     LecternListPage       *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK))
    return gtk_widget_grab_focus (GTK_WIDGET (priv->status_dropdown)) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;

  if (gtk_single_selection_get_selected_item (priv->selection) == NULL)
    return GDK_EVENT_PROPAGATE;

  adw_leaflet_set_visible_child (priv->leaflet, priv->content);
  return gtk_widget_child_focus (GTK_WIDGET (priv->editor_bin), GTK_DIR_TAB_FORWARD)
         ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static void
navigate_to_detail (LecternListPage *self,
                    gboolean         focus)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  if (gtk_single_selection_get_selected_item (priv->selection) == NULL)
    return;

  adw_leaflet_set_visible_child (priv->leaflet, priv->content);

  if (focus)
    gtk_widget_child_focus (GTK_WIDGET (priv->editor_bin), GTK_DIR_TAB_FORWARD);
}

static void
list_activate_cb (LecternListPage *self,
                  guint            position)
{
  select_position (self, position);
  navigate_to_detail (self, TRUE);
}

/* On a folded window, a click on a row opens it. */
static void
list_released_cb (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  if (adw_leaflet_get_folded (priv->leaflet))
    navigate_to_detail (self, FALSE);
}

static void
back_clicked_cb (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  adw_leaflet_navigate (priv->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  focus_selected (self);
}

/* The context menu of a row */

/* Shows the row menu of the selected row, pointing at @rect (in the
 * coordinates of @widget).
 */
static void
popup_context_menu (LecternListPage       *self,
                    GtkWidget             *widget,
                    const graphene_rect_t *rect)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  graphene_rect_t bounds;

  if (lectern_list_page_get_read_only (self) ||
      lectern_list_page_get_selected_item (self) == NULL ||
      !gtk_widget_compute_bounds (widget, GTK_WIDGET (self), &bounds))
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (priv->context_menu),
                               &(GdkRectangle) {
                                 bounds.origin.x + rect->origin.x,
                                 bounds.origin.y + rect->origin.y,
                                 MAX (1, rect->size.width),
                                 MAX (1, rect->size.height),
                               });
  gtk_popover_popup (GTK_POPOVER (priv->context_menu));
}

/* A right click or a long press on a row selects it and shows its menu. */
static void
row_menu_pressed_cb (GtkGesture *gesture,
                     double      x,
                     double      y,
                     GtkWidget  *row)
{
  LecternListPage *self = LECTERN_LIST_PAGE (gtk_widget_get_ancestor (row, LECTERN_TYPE_LIST_PAGE));
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  gpointer item = lectern_list_row_get_item (LECTERN_LIST_ROW (row));
  guint position;

  if (item == NULL)
    return;

  position = _lectern_list_page_find_id (G_LIST_MODEL (priv->filtered), lectern_object_get_id (item));
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  select_position (self, position);
  gtk_widget_grab_focus (gtk_widget_get_parent (row));
  popup_context_menu (self, row, &GRAPHENE_RECT_INIT (x, y, 1, 1));
}

static void
row_click_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkWidget       *row)
{
  row_menu_pressed_cb (GTK_GESTURE (gesture), x, y, row);
}

/* Shift+F10 or the Menu key: the menu of the selected row, under it. */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LecternListPage *self = LECTERN_LIST_PAGE (widget);
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  gpointer item = lectern_list_page_get_selected_item (self);
  GtkWidget *row;

  if (item == NULL)
    return;

  row = find_row_widget (self, lectern_object_get_id (item));
  if (row != NULL)
    popup_context_menu (self, row,
                        &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (row), gtk_widget_get_height (row)));
  else
    popup_context_menu (self, GTK_WIDGET (priv->list_view), &GRAPHENE_RECT_INIT (0, 0, 1, 1));
}

/* Template callbacks: the rows */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              LecternListPage          *self)
{
  GtkWidget *row = lectern_list_row_new ();
  GtkGesture *click;
  GtkGesture *long_press;

  gtk_list_item_set_child (list_item, row);

  _lectern_list_page_add_dnd (row);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (row_click_pressed_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (row_menu_pressed_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (long_press));
}

/* A screen reader meets the list item that holds the row, which GTK 4.8
 * names by its class ("GtkListItemWidget"): it is named for what the row
 * shows, and where it stands ("Tri Dao, Stanford University,
 * Organizer, 3 of 9").
 */
static void
name_list_item (LecternListPage *self,
                LecternListRow  *row,
                GtkListItem     *list_item)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  GtkWidget *holder = gtk_widget_get_parent (GTK_WIDGET (row));
  GtkSelectionModel *model = gtk_grid_view_get_model (priv->list_view);
  g_autofree char *shown = lectern_list_row_describe (row);
  g_autofree char *name = NULL;

  if (holder == NULL || model == NULL)
    return;

  /* Translators: what a row shows, then its place: "Tri Dao, MIT, 3 of 9" */
  name = g_strdup_printf (_("%s, %u of %u"), shown, gtk_list_item_get_position (list_item) + 1,
                          g_list_model_get_n_items (G_LIST_MODEL (model)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (holder), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             LecternListPage          *self)
{
  LecternListRow *row = LECTERN_LIST_ROW (gtk_list_item_get_child (list_item));
  gpointer item = gtk_list_item_get_item (list_item);

  lectern_list_row_reset (row);
  lectern_list_row_set_item (row, item);
  LECTERN_LIST_PAGE_GET_CLASS (self)->bind_row (self, row, item);
  lectern_list_row_set_draggable (row, _lectern_list_page_can_move (self, item));
  name_list_item (self, row, list_item);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               LecternListPage          *self)
{
  LecternListRow *row = LECTERN_LIST_ROW (gtk_list_item_get_child (list_item));

  lectern_list_row_set_item (row, NULL);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LecternListPage *self = LECTERN_LIST_PAGE (widget);

  if (lectern_list_page_get_read_only (self))
    return;

  LECTERN_LIST_PAGE_GET_CLASS (self)->add_item (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LecternListPage *self = LECTERN_LIST_PAGE (widget);
  gpointer item = lectern_list_page_get_selected_item (self);

  if (item == NULL || lectern_list_page_get_read_only (self))
    return;

  LECTERN_LIST_PAGE_GET_CLASS (self)->remove_item (self, item);
}

/* GtkWidget overrides */

static void
lectern_list_page_map (GtkWidget *widget)
{
  LecternListPage *self = LECTERN_LIST_PAGE (widget);
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  /* A list view makes row widgets for a couple of hundred rows as soon
   * as it has a model, shown or not: the pages nobody looked at yet
   * keep their rows in the model only, and open faster.
   */
  if (gtk_grid_view_get_model (priv->list_view) == NULL)
    gtk_grid_view_set_model (priv->list_view, GTK_SELECTION_MODEL (priv->selection));

  GTK_WIDGET_CLASS (lectern_list_page_parent_class)->map (widget);
}

/* GObject overrides */

static void
lectern_list_page_dispose (GObject *object)
{
  LecternListPage *self = LECTERN_LIST_PAGE (object);
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  GtkWidget *child;

  g_clear_handle_id (&priv->focus_idle_id, g_source_remove);

  /* Not gtk_widget_dispose_template(): GTK 4.8 looks the template up in
   * the class of the instance (a subclass, which has none), not in the
   * class given. The template's one child holds the rest.
   */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  priv->context_menu = NULL;
  g_clear_object (&priv->remove_section);
  g_clear_object (&priv->selection);
  g_clear_object (&priv->filtered);
  g_clear_object (&priv->filter);
  g_clear_object (&priv->items);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (lectern_list_page_parent_class)->dispose (object);
}

static void
lectern_list_page_finalize (GObject *object)
{
  LecternListPage *self = LECTERN_LIST_PAGE (object);
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_clear_pointer (&priv->query, g_free);

  G_OBJECT_CLASS (lectern_list_page_parent_class)->finalize (object);
}

static void
lectern_list_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LecternListPage *self = LECTERN_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, lectern_list_page_get_store (self));
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, lectern_list_page_get_search_mode (self));
      break;

    case PROP_QUERY:
      g_value_set_string (value, lectern_list_page_get_query (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_list_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LecternListPage *self = LECTERN_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lectern_list_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_MODE:
      lectern_list_page_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_list_page_class_init (LecternListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_list_page_dispose;
  object_class->finalize = lectern_list_page_finalize;
  object_class->get_property = lectern_list_page_get_property;
  object_class->set_property = lectern_list_page_set_property;

  widget_class->map = lectern_list_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LECTERN_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LecternListPage:query:
   *
   * The text the list is searched for, or %NULL.
   */
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/lectern-list-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, leaflet);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, sidebar);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, search_bar);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, search_entry);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, status_dropdown);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, status_model);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, list_stack);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, list_view);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, empty_page);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, empty_add_button);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, content);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, back_label);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, detail_stack);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, none_page);
  gtk_widget_class_bind_template_child_private (widget_class, LecternListPage, editor_bin);

  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "page.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "page.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "page.move-up", NULL, _lectern_list_page_move_up_action);
  gtk_widget_class_install_action (widget_class, "page.move-down", NULL, _lectern_list_page_move_down_action);
  gtk_widget_class_install_action (widget_class, "page.move-to", NULL, _lectern_list_page_move_to_action);
  gtk_widget_class_install_action (widget_class, "page.context-menu", NULL, context_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "page.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "page.context-menu", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "page.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "page.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "page.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "page.move-down", NULL);
}

/* The row menu: the moves (hidden where the list has no order of its
 * own) and the removal, whose label the subclass gives.
 */
static void
build_context_menu (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  /* the accelerators shown are the main keys, not the keypad's */
  const struct { const char *label, *action, *accel; } items[] = {
    { N_("Move _Up"), "page.move-up", "<Alt>Up" },
    { N_("Move _Down"), "page.move-down", "<Alt>Down" },
    { N_("Move to _Position…"), "page.move-to", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), items[i].action);

      g_menu_item_set_attribute (item, "hidden-when", "s", "action-disabled");
      if (items[i].accel != NULL)
        g_menu_item_set_attribute (item, "accel", "s", items[i].accel);
      g_menu_append_item (moves, item);
    }

  priv->remove_section = g_menu_new ();
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (priv->remove_section));

  priv->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (priv->context_menu), FALSE);
  gtk_widget_set_halign (priv->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (priv->context_menu, GTK_WIDGET (self));
}

static void
lectern_list_page_init (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (priv->list_view), keys);
  }

  priv->status = LECTERN_ANY_STATUS;
  priv->items = g_list_store_new (G_TYPE_OBJECT);
  priv->filter = gtk_custom_filter_new (filter_match_cb, self, NULL);
  priv->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (priv->items)),
                                              g_object_ref (GTK_FILTER (priv->filter)));

  /* Nothing is selected until the organizer picks a row. */
  priv->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (priv->filtered)));
  gtk_single_selection_set_autoselect (priv->selection, FALSE);
  gtk_single_selection_set_can_unselect (priv->selection, TRUE);
  /* The view gets the model when the page is first shown (see map()). */
  g_signal_connect_object (priv->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (status_item_setup_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (status_item_bind_cb), NULL);
    gtk_drop_down_set_factory (priv->status_dropdown, factory);
  }
  gtk_string_list_append (priv->status_model, C_("invitation status", "Any Status"));
  for (LecternStatus status = 0; status < LECTERN_N_STATUSES; status++)
    gtk_string_list_append (priv->status_model, lectern_ui_status_label (status));

  gtk_search_bar_connect_entry (priv->search_bar, GTK_EDITABLE (priv->search_entry));
  gtk_search_bar_set_key_capture_widget (priv->search_bar, priv->sidebar);
  g_signal_connect_object (priv->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (priv->list_stack, "empty");
  gtk_stack_set_visible_child_name (priv->detail_stack, "none");

  build_context_menu (self);
  _lectern_list_page_update_actions (self);
}

/* Public API */

LecternStore *
lectern_list_page_get_store (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), NULL);

  return priv->store;
}

void
lectern_list_page_set_store (LecternListPage *self,
                             LecternStore    *store)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_if_fail (LECTERN_IS_LIST_PAGE (self));
  g_return_if_fail (!store || LECTERN_IS_STORE (store));

  if (g_set_object (&priv->store, store))
    {
      _lectern_list_page_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

gboolean
lectern_list_page_get_read_only (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), TRUE);

  return priv->store == NULL || lectern_store_get_read_only (priv->store);
}

/**
 * lectern_list_page_get_items:
 *
 * Returns: (transfer none): every row, as the list shows them unfiltered
 */
GListModel *
lectern_list_page_get_items (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), NULL);

  return G_LIST_MODEL (priv->items);
}

/**
 * lectern_list_page_get_selection:
 *
 * Returns: (transfer none): the selection over the filtered rows
 */
GtkSingleSelection *
lectern_list_page_get_selection (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), NULL);

  return priv->selection;
}

GtkGridView *
lectern_list_page_get_list_view (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), NULL);

  return priv->list_view;
}

/**
 * lectern_list_page_get_editor:
 *
 * Returns: (transfer none) (nullable): the detail pane's editor
 */
GtkWidget *
lectern_list_page_get_editor (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), NULL);

  return adw_bin_get_child (priv->editor_bin);
}

/**
 * lectern_list_page_get_selected_item:
 *
 * Returns: (transfer none) (nullable): the row shown in the editor
 */
gpointer
lectern_list_page_get_selected_item (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), NULL);

  return gtk_single_selection_get_selected_item (priv->selection);
}

/**
 * lectern_list_page_select_id:
 * @self: a #LecternListPage
 * @id: the id of a row
 * @focus: whether to put the keyboard on the row
 *
 * Returns: whether the list shows a row with @id
 */
gboolean
lectern_list_page_select_id (LecternListPage *self,
                             gint64           id,
                             gboolean         focus)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  guint position;

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), FALSE);

  position = _lectern_list_page_find_id (G_LIST_MODEL (priv->filtered), id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  select_position (self, position);
  if (focus)
    focus_selected (self);

  return TRUE;
}

/* Whether @item shows the row @id of @table: a card shows its person too. */
static gboolean
item_shows_row (gpointer    item,
                const char *table,
                gint64      id)
{
  if (g_str_equal (table, "card"))
    return LECTERN_IS_CARD (item) && lectern_card_get_id (item) == id;

  if (g_str_equal (table, "person"))
    {
      LecternPerson *person = LECTERN_IS_CARD (item) ? lectern_card_get_person (item)
                            : LECTERN_IS_PERSON (item) ? item : NULL;

      return person != NULL && lectern_person_get_id (person) == id;
    }

  if (g_str_equal (table, "sponsor"))
    return LECTERN_IS_SPONSOR (item) && lectern_sponsor_get_id (item) == id;

  return FALSE;
}

/**
 * lectern_list_page_has_list_focus:
 *
 * Whether the keyboard is in the list, on one of its rows.
 */
gboolean
lectern_list_page_has_list_focus (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (priv->list_view));
}

/**
 * lectern_list_page_show_stepped:
 * @self: a #LecternListPage
 *
 * After an undo or redo, selects the row it put back or changed (the
 * person a removal's undo brought back, the card whose text an undo
 * restored), unless the selected row is one of those. Rows the list does
 * not show (another page's, or filtered out by the search) are left alone.
 * With @focus (the keyboard was in the list before the step), the
 * keyboard goes to the selected row.
 */
void
lectern_list_page_show_stepped (LecternListPage *self,
                                gboolean         focus)
{
  static const char * const tables[] = { "card", "person", "sponsor" };
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  GListModel *model = G_LIST_MODEL (priv->filtered);
  g_autoptr(GPtrArray) stepped = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  gpointer selected;
  guint n;

  g_return_if_fail (LECTERN_IS_LIST_PAGE (self));

  if (priv->store == NULL)
    return;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    g_ptr_array_add (stepped, lectern_store_get_stepped_ids (priv->store, tables[t]));

  selected = gtk_single_selection_get_selected_item (priv->selection);
  for (guint t = 0; selected != NULL && t < G_N_ELEMENTS (tables); t++)
    {
      GArray *ids = g_ptr_array_index (stepped, t);

      for (guint i = 0; i < ids->len; i++)
        if (item_shows_row (selected, tables[t], g_array_index (ids, gint64, i)))
          {
            /* the keyboard follows the selected row (a row moved back
             * leaves the focus ring where it was otherwise) */
            if (focus)
              focus_selected (self);
            return;
          }
    }

  n = g_list_model_get_n_items (model);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      GArray *ids = g_ptr_array_index (stepped, t);

      for (guint i = 0; i < ids->len; i++)
        for (guint position = 0; position < n; position++)
          if (item_shows_row (get_item (model, position), tables[t], g_array_index (ids, gint64, i)))
            {
              select_position (self, position);
              focus_selected (self);
              return;
            }
    }
}

/**
 * lectern_list_page_reload:
 * @self: a #LecternListPage
 * @error: return location for an error
 *
 * Reads the rows again and splices those that differ into the list. The
 * selected row stays selected, found by its id.
 */
gboolean
lectern_list_page_reload (LecternListPage  *self,
                          GError          **error)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  LecternListPageClass *klass = LECTERN_LIST_PAGE_GET_CLASS (self);
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GObject) before = NULL;
  gpointer after;
  gint64 id = 0;
  gboolean focus = FALSE;

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_STORE (priv->store), FALSE);

  fresh = klass->list_items (self, error);
  if (fresh == NULL)
    return FALSE;

  before = gtk_single_selection_get_selected_item (priv->selection);
  if (before != NULL)
    {
      g_object_ref (before);
      id = lectern_object_get_id (before);
    }

  if (priv->has_pending)
    {
      id = priv->pending_id;
      focus = priv->pending_focus;
      priv->has_pending = FALSE;
    }

  priv->reloading = TRUE;
  lectern_ui_sync_list_store (priv->items, fresh, klass->same_item, FALSE);
  select_position (self, id != 0 ? _lectern_list_page_find_id (G_LIST_MODEL (priv->filtered), id)
                                 : GTK_INVALID_LIST_POSITION);
  priv->reloading = FALSE;

  after = gtk_single_selection_get_selected_item (priv->selection);
  if (after != before)
    show_item (self, after);
  else if (after != NULL)
    /* The same version of the row, but what the editor shows around it
     * (a person's other cards, the row's place) may have changed.
     */
    klass->show_item (self, after);

  update_list_stack (self);
  _lectern_list_page_update_actions (self);

  if (focus)
    focus_selected (self);

  return TRUE;
}

gboolean
lectern_list_page_get_search_mode (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), FALSE);

  return gtk_search_bar_get_search_mode (priv->search_bar);
}

void
lectern_list_page_set_search_mode (LecternListPage *self,
                                   gboolean         search_mode)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_if_fail (LECTERN_IS_LIST_PAGE (self));

  /* On a folded window, searching happens in the list. */
  if (search_mode)
    adw_leaflet_set_visible_child (priv->leaflet, priv->sidebar);

  gtk_search_bar_set_search_mode (priv->search_bar, search_mode);

  if (search_mode)
    gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
}

/**
 * lectern_list_page_set_query:
 * @self: a #LecternListPage
 * @query: (nullable): the search text
 * @status: a #LecternStatus, or %LECTERN_ANY_STATUS
 *
 * Filters the list as if the organizer had typed @query and picked
 * @status in the search bar.
 */
void
lectern_list_page_set_query (LecternListPage *self,
                             const char      *query,
                             int              status)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_if_fail (LECTERN_IS_LIST_PAGE (self));

  gtk_drop_down_set_selected (priv->status_dropdown,
                              status == LECTERN_ANY_STATUS ? 0 : (guint) status + 1);
  lectern_list_page_set_search_text (self, query);
}

/**
 * lectern_list_page_set_search_text:
 * @self: a #LecternListPage
 * @text: (nullable): the search text
 *
 * Opens the search bar with @text, keeping the status filter.
 */
void
lectern_list_page_set_search_text (LecternListPage *self,
                                   const char      *text)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_if_fail (LECTERN_IS_LIST_PAGE (self));

  lectern_list_page_set_search_mode (self, TRUE);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (priv->search_entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), text ? text : "");

  /* The entry reports changes after a delay; the list follows now. */
  set_query_text (self, text);
}

/**
 * lectern_list_page_get_query:
 * @self: a #LecternListPage
 *
 * Returns: (nullable): the text the list is searched for
 */
const char *
lectern_list_page_get_query (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), NULL);

  return priv->query;
}

/**
 * lectern_list_page_get_n_matches:
 * @self: a #LecternListPage
 *
 * Returns: how many rows the list shows, with its search and filter
 */
guint
lectern_list_page_get_n_matches (LecternListPage *self)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (priv->filtered));
}

/* For subclasses */

void
_lectern_list_page_set_editor (LecternListPage *self,
                               GtkWidget       *editor)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_if_fail (LECTERN_IS_LIST_PAGE (self));

  adw_bin_set_child (priv->editor_bin, editor);
}

void
_lectern_list_page_set_texts (LecternListPage *self,
                              const char      *icon_name,
                              const char      *list_label,
                              const char      *empty_title,
                              const char      *empty_description,
                              const char      *add_label,
                              const char      *none_title,
                              const char      *remove_label)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_if_fail (LECTERN_IS_LIST_PAGE (self));

  adw_status_page_set_icon_name (priv->empty_page, icon_name);
  adw_status_page_set_title (priv->empty_page, empty_title);
  adw_status_page_set_description (priv->empty_page, empty_description);
  gtk_button_set_label (priv->empty_add_button, add_label);
  gtk_button_set_use_underline (priv->empty_add_button, TRUE);
  lectern_ui_name_button (GTK_WIDGET (priv->empty_add_button));
  adw_status_page_set_icon_name (priv->none_page, icon_name);
  adw_status_page_set_title (priv->none_page, none_title);
  g_menu_remove_all (priv->remove_section);
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (remove_label, "page.remove");

    g_menu_item_set_attribute (item, "accel", "s", "Delete");
    g_menu_append_item (priv->remove_section, item);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, list_label,
                                  -1);
}

static void
ask_name_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", name[0] != '\0');
}

static void
ask_name_activate_cb (GtkEntry         *entry,
                      AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "add"))
    return;

  adw_message_dialog_response (dialog, "add");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
ask_name_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      LecternListPage  *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  LecternAddNameFunc add = g_object_get_data (G_OBJECT (dialog), "add");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0 || name[0] == '\0')
    return;

  if (!add (self, name, &error))
    lectern_ui_show_error (GTK_WIDGET (self), _("Could Not Add"), error);
}

/**
 * _lectern_list_page_ask_name:
 * @self: a #LecternListPage
 * @heading: the dialog's heading, e.g. "Add Speaker"
 * @body: what to type
 * @extra: (nullable) (transfer floating): shown under the entry
 * @add: adds a row named as typed, when the organizer confirms
 *
 * Asks for the name of a new row: Add is offered once a name is typed,
 * Enter confirms, and a refusal is explained.
 *
 * Returns: (transfer none): the dialog's entry, to follow what is typed
 */
GtkWidget *
_lectern_list_page_ask_name (LecternListPage    *self,
                             const char         *heading,
                             const char         *body,
                             GtkWidget          *extra,
                             LecternAddNameFunc  add)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *entry;

  g_return_val_if_fail (LECTERN_IS_LIST_PAGE (self), NULL);
  g_return_val_if_fail (add != NULL, NULL);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"),
                                  -1);
  gtk_box_append (GTK_BOX (box), entry);
  if (extra != NULL)
    gtk_box_append (GTK_BOX (box), extra);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "add", add);
  g_signal_connect (entry, "changed", G_CALLBACK (ask_name_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (ask_name_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (ask_name_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);

  return entry;
}

void
_lectern_list_page_set_status_filter (LecternListPage *self,
                                      gboolean         visible)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_if_fail (LECTERN_IS_LIST_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (priv->status_dropdown), visible);
}

/* After the next reload, the row with @id is selected (a new row, a
 * moved one).
 */
void
_lectern_list_page_select_after_reload (LecternListPage *self,
                                        gint64           id,
                                        gboolean         focus)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);

  g_return_if_fail (LECTERN_IS_LIST_PAGE (self));

  priv->has_pending = TRUE;
  priv->pending_id = id;
  priv->pending_focus = focus;
}

/**
 * _lectern_list_page_get_group_size:
 * @self: a #LecternListPage
 * @item: a row
 * @position: (out) (optional): where @item is among the rows of its group
 *
 * Returns: how many rows the group of @item has
 */
guint
_lectern_list_page_get_group_size (LecternListPage *self,
                                   gpointer         item,
                                   guint           *position)
{
  LecternListPagePrivate *priv = lectern_list_page_get_instance_private (self);
  LecternListPageClass *klass = LECTERN_LIST_PAGE_GET_CLASS (self);
  gint64 id = lectern_object_get_id (item);
  int group = klass->get_group (self, item);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (priv->items));
  guint count = 0;

  if (position != NULL)
    *position = 0;

  for (guint i = 0; i < n; i++)
    {
      gpointer other = get_item (G_LIST_MODEL (priv->items), i);

      if (klass->get_group (self, other) != group)
        continue;

      if (position != NULL && lectern_object_get_id (other) == id)
        *position = count;
      count++;
    }

  return count;
}

void
_lectern_list_page_update_actions (LecternListPage *self)
{
  gpointer item = lectern_list_page_get_selected_item (self);
  gboolean read_only = lectern_list_page_get_read_only (self);
  gboolean movable = _lectern_list_page_can_move (self, item);
  guint position = 0;
  guint n = movable ? _lectern_list_page_get_group_size (self, item, &position) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.remove", !read_only && item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.move-up", movable && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.move-down", movable && position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.move-to", movable && n > 1);
}
