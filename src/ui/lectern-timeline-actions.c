/* lectern-timeline-actions.c: what the timeline's cards can be made to do
 *
 * The operations on the focused card (moves by the grid step, length,
 * unscheduling, Move To…, swapping with the next one of its room, moving
 * its session, closing the day's gaps), their keys and their menu, a
 * drop's placement, and how a refused change is told: each goes through
 * a core plan, applied as one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lectern-schedule-dialogs.h"
#include "lectern-schedule-ops.h"
#include "lectern-slot-card.h"
#include "lectern-timeline-private.h"
#include "lectern-ui-util.h"

/* ------------------------------------------------------------------ */
/* Changes                                                             */

GtkWidget *
_lectern_timeline_card_at (LecternTimeline *self,
         double           x,
         double           y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  while (picked != NULL && !LECTERN_IS_SLOT_CARD (picked))
    picked = gtk_widget_get_parent (picked);

  return picked;
}

static void
toast_refused (LecternTimeline *self,
               const GError    *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  lectern_ui_toast (GTK_WIDGET (self), toast);
}

/* Applies a plan made by the caller, or says why there is none. */
gboolean
_lectern_timeline_apply (LecternTimeline     *self,
       LecternSchedulePlan *plan,
       GError              *error)
{
  g_autoptr(GError) local_error = error;

  if (plan != NULL && lectern_schedule_plan_get_n_moves (plan) == 0)
    return TRUE;

  if (plan == NULL || !lectern_schedule_apply (self->schedule, plan, &local_error))
    {
      toast_refused (self, local_error);
      return FALSE;
    }

  lectern_ui_toast_undo (GTK_WIDGET (self), lectern_schedule_plan_get_label (plan));
  return TRUE;
}

char *
_lectern_timeline_first_problem (LecternTimeline     *self,
               LecternSchedulePlan *plan)
{
  g_autoptr(GPtrArray) problems = lectern_schedule_get_problems (self->schedule, plan, NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      LecternProblem *problem = g_ptr_array_index (problems, i);
      const LecternSlotMove *move = NULL;

      /* a problem of a slot the plan moves */
      if (problem->slot_id > 0)
        move = lectern_schedule_plan_find_move (plan, problem->slot_id);
      if (move == NULL && problem->other_slot_id > 0)
        move = lectern_schedule_plan_find_move (plan, problem->other_slot_id);
      if (move != NULL)
        return g_strdup (problem->message);
    }

  return NULL;
}

gboolean
lectern_timeline_drop_slot (LecternTimeline *self,
                            LecternSlot     *slot,
                            double           x,
                            double           y,
                            gboolean         ripple)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSchedulePlan) plan = NULL;
  gint64 room_id;
  int start;

  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SLOT (slot), FALSE);

  lectern_timeline_point_to_place (self, x, y, &room_id, &start);
  plan = lectern_schedule_plan_move (lectern_schedule_get_scheduled (self->schedule), slot, self->day_id,
                                     room_id, start, ripple ? LECTERN_SCHEDULE_RIPPLE : 0, &error);

  return _lectern_timeline_apply (self, plan, g_steal_pointer (&error));
}

/**
 * lectern_timeline_move_selected:
 * @steps: grid steps, earlier when negative
 * @resize: change the length rather than the start
 *
 * What Alt+Up/Down (and with Shift) do on the focused slot.
 */
gboolean
lectern_timeline_move_selected (LecternTimeline *self,
                                int              steps,
                                gboolean         resize)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSchedulePlan) plan = NULL;
  LecternSlot *slot;
  int delta;

  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), FALSE);

  slot = self->selected;
  if (slot == NULL || self->schedule == NULL)
    return FALSE;

  delta = steps * MAX (1, self->grid_step);
  if (resize)
    plan = lectern_schedule_plan_resize (lectern_schedule_get_scheduled (self->schedule), slot,
                                         MAX (0, lectern_slot_get_duration (slot) + delta), 0, &error);
  else
    plan = lectern_schedule_plan_move (lectern_schedule_get_scheduled (self->schedule), slot,
                                       lectern_slot_get_day_id (slot), lectern_slot_get_room_id (slot),
                                       lectern_slot_get_start (slot) + delta, 0, &error);

  return _lectern_timeline_apply (self, plan, g_steal_pointer (&error));
}

gboolean
lectern_timeline_unschedule_selected (LecternTimeline *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSchedulePlan) plan = NULL;

  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), FALSE);

  if (self->selected == NULL || self->schedule == NULL)
    return FALSE;

  plan = lectern_schedule_plan_unschedule (lectern_schedule_get_scheduled (self->schedule), self->selected, 0,
                                           &error);
  return _lectern_timeline_apply (self, plan, g_steal_pointer (&error));
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LecternTimeline *self = LECTERN_TIMELINE (widget);

  if (self->selected != NULL && self->schedule != NULL)
    lectern_schedule_move_to_dialog_new (widget, self->schedule, self->selected, self->day_id);
}

/* The next slot in the selected one's room, by start. */
static LecternSlot *
next_in_room (LecternTimeline *self,
              LecternSlot     *slot)
{
  LecternSlot *next = NULL;
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSlot) item = g_list_model_get_item (self->model, i);

      if (item == slot || lectern_slot_get_room_id (item) != lectern_slot_get_room_id (slot) ||
          lectern_slot_get_start (item) < lectern_slot_get_start (slot) ||
          (lectern_slot_get_start (item) == lectern_slot_get_start (slot) &&
           lectern_slot_get_id (item) < lectern_slot_get_id (slot)))
        continue;
      if (next == NULL || lectern_slot_get_start (item) < lectern_slot_get_start (next))
        next = item;   /* the model keeps it */
    }

  return next;
}

/**
 * lectern_timeline_swap_selected:
 *
 * The selected slot and the next one in its room trade places (they
 * stay neighbours): what reordering two talks is.
 */
gboolean
lectern_timeline_swap_selected (LecternTimeline *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSchedulePlan) plan = NULL;
  LecternSlot *next;

  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), FALSE);

  if (self->selected == NULL || self->schedule == NULL)
    return FALSE;

  next = next_in_room (self, self->selected);
  if (next == NULL)
    {
      g_set_error (&error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("No slot comes after it in its room."));
      return _lectern_timeline_apply (self, NULL, g_steal_pointer (&error));
    }

  plan = lectern_schedule_plan_swap (lectern_schedule_get_scheduled (self->schedule), self->selected, next, &error);
  return _lectern_timeline_apply (self, plan, g_steal_pointer (&error));
}

/* Closes the gaps between the day's slots, room by room. */
gboolean
lectern_timeline_compact (LecternTimeline *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSchedulePlan) plan = NULL;

  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), FALSE);

  if (self->schedule == NULL || self->day_id <= 0)
    return FALSE;

  plan = lectern_schedule_plan_compact (lectern_schedule_get_scheduled (self->schedule), self->day_id, 0, &error);
  return _lectern_timeline_apply (self, plan, g_steal_pointer (&error));
}

static void
swap_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  lectern_timeline_swap_selected (LECTERN_TIMELINE (widget));
}

static void
compact_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lectern_timeline_compact (LECTERN_TIMELINE (widget));
}

static void
move_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LecternTimeline *self = LECTERN_TIMELINE (widget);
  gint64 session_id;
  LecternSession *session;

  if (self->selected == NULL || self->schedule == NULL)
    return;

  session_id = lectern_slot_get_session_id (self->selected);
  session = session_id > 0 ? g_hash_table_lookup (self->sessions, &session_id) : NULL;
  if (session != NULL)
    lectern_schedule_move_session_dialog_new (widget, self->schedule, session, self->day_id);
}

static void
unschedule_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  lectern_timeline_unschedule_selected (LECTERN_TIMELINE (widget));
}

/* The menu of a card: at the pointer, or under the focused card. */
static void
show_menu (LecternTimeline *self,
           double           x,
           double           y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *popover;

  g_autoptr(GMenu) day = g_menu_new ();

  g_menu_append (menu, _("_Move To…"), "timeline.move-to");
  g_menu_append (menu, _("_Swap with the Next Slot"), "timeline.swap-next");
  g_menu_append (menu, _("_Unschedule"), "timeline.unschedule");
  if (self->selected != NULL && lectern_slot_get_session_id (self->selected) > 0)
    g_menu_append (day, _("Move the _Session To…"), "timeline.move-session");
  g_menu_append (day, _("_Close the Gaps in the Day"), "timeline.compact");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (day));
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static gboolean
menu_key_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  LecternTimeline *self = LECTERN_TIMELINE (widget);
  GtkWidget *card;
  graphene_rect_t bounds;

  if (self->selected == NULL)
    return FALSE;
  card = g_hash_table_lookup (self->cards, &(gint64) { lectern_slot_get_id (self->selected) });
  if (card == NULL || !gtk_widget_compute_bounds (card, widget, &bounds))
    return FALSE;

  show_menu (self, bounds.origin.x + 24, bounds.origin.y + MIN (bounds.size.height, 24.0f));
  return TRUE;
}

static void
secondary_pressed_cb (GtkGestureClick *click,
                      int              n_press,
                      double           x,
                      double           y,
                      LecternTimeline *self)
{
  GtkWidget *card = _lectern_timeline_card_at (self, x, y);

  if (card == NULL)
    return;

  gtk_widget_grab_focus (card);
  gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
  show_menu (self, x, y);
}

static gboolean
move_up_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  return lectern_timeline_move_selected (LECTERN_TIMELINE (widget), -1, FALSE);
}

static gboolean
move_down_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  return lectern_timeline_move_selected (LECTERN_TIMELINE (widget), 1, FALSE);
}

static gboolean
shorten_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  return lectern_timeline_move_selected (LECTERN_TIMELINE (widget), -1, TRUE);
}

static gboolean
lengthen_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  return lectern_timeline_move_selected (LECTERN_TIMELINE (widget), 1, TRUE);
}

static gboolean
unschedule_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  return lectern_timeline_unschedule_selected (LECTERN_TIMELINE (widget));
}

static void
click_pressed_cb (GtkGestureClick *click,
                  int              n_press,
                  double           x,
                  double           y,
                  LecternTimeline *self)
{
  GtkWidget *card = _lectern_timeline_card_at (self, x, y);

  if (card != NULL)
    gtk_widget_grab_focus (card);
}

/* The keys and the actions, for the class. */
void
_lectern_timeline_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_up_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_down_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, shorten_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, lengthen_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, unschedule_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_key_cb, NULL);
  gtk_widget_class_install_action (widget_class, "timeline.move-to", NULL, move_to_action);
  gtk_widget_class_install_action (widget_class, "timeline.unschedule", NULL, unschedule_action);
  gtk_widget_class_install_action (widget_class, "timeline.swap-next", NULL, swap_next_action);
  gtk_widget_class_install_action (widget_class, "timeline.compact", NULL, compact_action);
  gtk_widget_class_install_action (widget_class, "timeline.move-session", NULL, move_session_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "timeline.move-to", NULL);
}

/* The clicks: the primary one focuses a card, the secondary one opens
 * its menu. */
void
_lectern_timeline_init_actions (LecternTimeline *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *secondary;

  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));
}
