/* lectern-timeline.c: a day of the schedule on a time grid
 *
 * A time ruler in the workshop's time zone on the left, one column per
 * room (one column when the workshop has no rooms), and the day's slots
 * as cards (LecternSlotCard) whose top is their start and whose height
 * is their length; slots that overlap in a column share its width. The
 * sessions are bands beside their slots, with their names on their
 * first slot.
 *
 * Every change goes through the schedule's operations (core): a card
 * dragged to another time or room, a slot dragged in from the pool, a
 * card's bottom edge dragged to change its length (Shift: ripple), and
 * the same from the keyboard on the focused card (Alt+Up/Down moves by
 * the grid step, Alt+Shift+Up/Down changes the length, Delete
 * unschedules). While a slot is dragged, a ghost shows where it would
 * go and the first check that would fail there. Each change is one undo
 * step, shown in a toast with Undo; a refused one says why.
 *
 * The cards follow the schedule's live model for the day: a slot that
 * moved elsewhere (a colleague, an undo) is moved here, the others stay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-schedule-dialogs.h"
#include "lectern-schedule-ops.h"
#include "lectern-slot-card.h"
#include "lectern-timeline.h"
#include "lectern-ui-util.h"

#define RULER_WIDTH   72
#define HEADER_HEIGHT 30
#define TOP_PADDING   12     /* room for the first hour's label */
#define PX_PER_MINUTE LECTERN_SLOT_CARD_PX_PER_MINUTE
#define MIN_COLUMN    200
#define EDGE          6      /* px of a card's bottom that resize it */

struct _LecternTimeline
{
  GtkWidget        parent_instance;

  LecternSchedule *schedule;
  gint64           day_id;
  GListModel      *model;          /* the day's slots (the schedule's) */
  gulong           items_changed_id;
  GHashTable      *cards;          /* slot id -> LecternSlotCard (children) */
  GHashTable      *leaving;        /* slot ids whose card goes at idle */
  guint            leave_id;
  guint            mark_id;        /* mark_cards() at idle */
  GtkGesture      *resize_gesture; /* owned by the widget */
  GArray          *columns;        /* room ids (0: no room) */
  GHashTable      *room_names;     /* room id -> name */
  GHashTable      *sessions;       /* session id -> LecternSession */
  int              first_minute;   /* the visible hours */
  int              last_minute;
  int              grid_step;
  LecternSlot     *selected;       /* weak: the focused card's */

  /* a drag in progress */
  gboolean         ghost_shown;
  gint64           ghost_room;
  int              ghost_start;
  int              ghost_duration;
  char            *ghost_note;     /* the time, and the first failing check */
  LecternSlot     *shade_for;      /* weak: the slot the shade was computed for */
  GArray          *shade;          /* int pairs: the times its people are away */
  double           grab_minutes;   /* where in its card the slot was grabbed */
  LecternSlot     *resizing;       /* the slot whose edge is dragged */
  int              resize_duration;
};

G_DEFINE_FINAL_TYPE (LecternTimeline, lectern_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Geometry                                                            */

static gboolean
has_header (LecternTimeline *self)
{
  return self->columns->len > 1;
}

static double
minute_to_y (LecternTimeline *self,
             int              minute)
{
  return (has_header (self) ? HEADER_HEIGHT : TOP_PADDING) + (minute - self->first_minute) * PX_PER_MINUTE;
}

static double
y_to_minute (LecternTimeline *self,
             double           y)
{
  return self->first_minute + (y - (has_header (self) ? HEADER_HEIGHT : TOP_PADDING)) / PX_PER_MINUTE;
}

static double
column_width (LecternTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  return MAX (1.0, (double) (width - RULER_WIDTH) / MAX (1u, self->columns->len));
}

static int
column_of (LecternTimeline *self,
           gint64           room_id)
{
  for (guint i = 0; i < self->columns->len; i++)
    if (g_array_index (self->columns, gint64, i) == room_id)
      return i;

  return 0;
}

static int
snap (LecternTimeline *self,
      double           minute)
{
  int step = MAX (1, self->grid_step);

  return (int) (minute / step + 0.5) * step;
}

/**
 * lectern_timeline_point_to_place:
 *
 * The room and the start (snapped to the workshop's grid step) under a
 * point of the timeline, for a slot grabbed where the drag began.
 */
gboolean
lectern_timeline_point_to_place (LecternTimeline *self,
                                 double           x,
                                 double           y,
                                 gint64          *room_id,
                                 int             *start)
{
  int column;

  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), FALSE);

  if (self->columns->len == 0 || x < RULER_WIDTH)
    column = 0;
  else
    column = CLAMP ((int) ((x - RULER_WIDTH) / column_width (self)), 0, (int) self->columns->len - 1);

  *room_id = self->columns->len ? g_array_index (self->columns, gint64, column) : 0;
  *start = CLAMP (snap (self, y_to_minute (self, y) - self->grab_minutes), 0, 24 * 60 - 1);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Changes                                                             */

static GtkWidget *
card_at (LecternTimeline *self,
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
static gboolean
apply (LecternTimeline     *self,
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

static char *
first_problem (LecternTimeline     *self,
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

  return apply (self, plan, g_steal_pointer (&error));
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

  return apply (self, plan, g_steal_pointer (&error));
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
  return apply (self, plan, g_steal_pointer (&error));
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

  g_menu_append (menu, _("_Move To…"), "timeline.move-to");
  g_menu_append (menu, _("_Unschedule"), "timeline.unschedule");
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
  GtkWidget *card = card_at (self, x, y);

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

/* ------------------------------------------------------------------ */
/* The ghost of a drag                                                 */

static void
show_ghost (LecternTimeline     *self,
            gint64               room_id,
            int                  start,
            int                  duration,
            LecternSchedulePlan *plan)
{
  g_autofree char *problem = plan ? first_problem (self, plan) : NULL;
  g_autofree char *from = lectern_format_time (CLAMP (start, 0, 24 * 60 - 1));
  g_autofree char *to = lectern_format_time (CLAMP (start + duration, 0, 24 * 60) % (24 * 60));

  self->ghost_shown = TRUE;
  self->ghost_room = room_id;
  self->ghost_start = start;
  self->ghost_duration = duration;
  g_free (self->ghost_note);
  self->ghost_note = problem != NULL ? g_strdup_printf ("%s – %s\n⚠ %s", from, to, problem)
                                     : g_strdup_printf ("%s – %s", from, to);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hide_ghost (LecternTimeline *self)
{
  self->ghost_shown = FALSE;
  self->shade_for = NULL;
  g_array_set_size (self->shade, 0);
  g_clear_pointer (&self->ghost_note, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The times of the day when someone on @slot is not available (outside
 * the windows they have on this day; a person without windows on it is
 * available all day): shaded while the slot is dragged. */
static void
compute_shade (LecternTimeline *self,
               LecternSlot     *slot)
{
  g_autoptr(GArray) windows = lectern_store_list_availability (lectern_schedule_get_store (self->schedule), NULL);
  g_autofree guint8 *away = g_new0 (guint8, 24 * 60);
  GPtrArray *appearances = lectern_slot_get_appearances (slot);

  self->shade_for = slot;
  g_array_set_size (self->shade, 0);
  if (windows == NULL)
    return;

  for (guint k = 0; k < appearances->len; k++)
    {
      const LecternAppearance *a = g_ptr_array_index (appearances, k);
      g_autofree guint8 *free_at = g_new0 (guint8, 24 * 60);
      gboolean has_windows = FALSE;

      for (guint w = 0; w < windows->len; w++)
        {
          const LecternAvailability *window = &g_array_index (windows, LecternAvailability, w);

          if (window->person_id != a->person_id || window->day_id != self->day_id)
            continue;
          has_windows = TRUE;
          for (int m = MAX (0, window->start); m < MIN (24 * 60, window->end); m++)
            free_at[m] = 1;
        }
      for (int m = 0; has_windows && m < 24 * 60; m++)
        away[m] |= !free_at[m];
    }

  for (int m = 0; m < 24 * 60;)
    {
      int end = m;

      if (!away[m])
        {
          m++;
          continue;
        }
      while (end < 24 * 60 && away[end])
        end++;
      g_array_append_val (self->shade, m);
      g_array_append_val (self->shade, end);
      m = end;
    }
}

/**
 * lectern_timeline_preview:
 * @slot: (nullable): the slot dragged over the timeline, or %NULL to
 *   take the ghost away
 *
 * Shows where @slot would go if dropped at @x, @y, and the first check
 * the move would break there (what a drag's motion does).
 */
void
lectern_timeline_preview (LecternTimeline *self,
                          LecternSlot     *slot,
                          double           x,
                          double           y,
                          gboolean         ripple)
{
  g_autoptr(LecternSchedulePlan) plan = NULL;
  gint64 room_id;
  int start;

  g_return_if_fail (LECTERN_IS_TIMELINE (self));

  if (slot == NULL || self->schedule == NULL)
    {
      hide_ghost (self);
      return;
    }

  if (slot != self->shade_for)
    compute_shade (self, slot);

  lectern_timeline_point_to_place (self, x, y, &room_id, &start);
  plan = lectern_schedule_plan_move (lectern_schedule_get_scheduled (self->schedule), slot, self->day_id, room_id,
                                     start, ripple ? LECTERN_SCHEDULE_RIPPLE : 0, NULL);
  show_ghost (self, room_id, start, lectern_slot_get_duration (slot), plan);
}

static GdkDragAction
drop_motion_cb (GtkDropTarget   *target,
                double           x,
                double           y,
                LecternTimeline *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  GdkModifierType state;

  if (value == NULL || !G_VALUE_HOLDS (value, LECTERN_TYPE_SLOT) || self->schedule == NULL)
    return 0;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (target));
  lectern_timeline_preview (self, g_value_get_object (value), x, y, (state & GDK_SHIFT_MASK) != 0);

  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget   *target,
               LecternTimeline *self)
{
  hide_ghost (self);
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         LecternTimeline *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (target));
  gboolean ok;

  hide_ghost (self);
  if (!G_VALUE_HOLDS (value, LECTERN_TYPE_SLOT) || self->schedule == NULL)
    return FALSE;

  ok = lectern_timeline_drop_slot (self, g_value_get_object (value), x, y, (state & GDK_SHIFT_MASK) != 0);
  self->grab_minutes = 0;
  return ok;
}

/* A card's drag: the slot itself, grabbed where the pointer is (not at
 * its bottom edge, which resizes). */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource   *source,
                 double           x,
                 double           y,
                 LecternTimeline *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  if (y >= gtk_widget_get_height (card) - EDGE || lectern_store_get_read_only (lectern_schedule_get_store (self->schedule)))
    return NULL;

  self->grab_minutes = y / PX_PER_MINUTE;
  return gdk_content_provider_new_typed (LECTERN_TYPE_SLOT, lectern_slot_card_get_slot (LECTERN_SLOT_CARD (card)));
}

static void
drag_begin_cb (GtkDragSource   *source,
               GdkDrag         *drag,
               LecternTimeline *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (card);

  gtk_drag_source_set_icon (source, paintable, 0, (int) (self->grab_minutes * PX_PER_MINUTE));
  gtk_widget_add_css_class (card, "dragged");

  /* the drag and drop takes the pointer: the edge gesture would never
   * see this press's release, and would wait for it, ignoring the next */
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->resize_gesture));
}

static void
drag_end_cb (GtkDragSource   *source,
             GdkDrag         *drag,
             gboolean         delete_data,
             LecternTimeline *self)
{
  gtk_widget_remove_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)), "dragged");
  self->grab_minutes = 0;
}

/* The bottom edge of a card: drag it to change the slot's length. */
static void
resize_begin_cb (GtkGestureDrag  *gesture,
                 double           x,
                 double           y,
                 LecternTimeline *self)
{
  GtkWidget *card = card_at (self, x, y);
  graphene_rect_t bounds;

  if (card == NULL || !gtk_widget_compute_bounds (card, GTK_WIDGET (self), &bounds) ||
      y < bounds.origin.y + bounds.size.height - EDGE)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->resizing = lectern_slot_card_get_slot (LECTERN_SLOT_CARD (card));
  self->resize_duration = lectern_slot_get_duration (self->resizing);
  gtk_widget_grab_focus (card);
}

static void
resize_update_cb (GtkGestureDrag  *gesture,
                  double           dx,
                  double           dy,
                  LecternTimeline *self)
{
  g_autoptr(LecternSchedulePlan) plan = NULL;
  GdkModifierType state;
  int duration;

  if (self->resizing == NULL)
    return;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  duration = MAX (0, snap (self, lectern_slot_get_duration (self->resizing) + dy / PX_PER_MINUTE));
  self->resize_duration = duration;
  plan = lectern_schedule_plan_resize (lectern_schedule_get_scheduled (self->schedule), self->resizing, duration,
                                       (state & GDK_SHIFT_MASK) ? LECTERN_SCHEDULE_RIPPLE : 0, NULL);
  show_ghost (self, lectern_slot_get_room_id (self->resizing), lectern_slot_get_start (self->resizing), duration,
              plan);
}

static void
resize_end_cb (GtkGestureDrag  *gesture,
               double           dx,
               double           dy,
               LecternTimeline *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSchedulePlan) plan = NULL;
  GdkModifierType state;
  LecternSlot *slot = self->resizing;

  self->resizing = NULL;
  hide_ghost (self);
  if (slot == NULL || self->resize_duration == lectern_slot_get_duration (slot))
    return;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  plan = lectern_schedule_plan_resize (lectern_schedule_get_scheduled (self->schedule), slot, self->resize_duration,
                                       (state & GDK_SHIFT_MASK) ? LECTERN_SCHEDULE_RIPPLE : 0, &error);
  apply (self, plan, g_steal_pointer (&error));
}

/* The resize cursor over a card's bottom edge. */
static void
pointer_motion_cb (GtkEventControllerMotion *motion,
                   double                    x,
                   double                    y,
                   LecternTimeline          *self)
{
  GtkWidget *card = card_at (self, x, y);
  graphene_rect_t bounds;
  gboolean edge = card != NULL && gtk_widget_compute_bounds (card, GTK_WIDGET (self), &bounds) &&
                  y >= bounds.origin.y + bounds.size.height - EDGE;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), edge ? "ns-resize" : NULL);
}

static void
click_pressed_cb (GtkGestureClick *click,
                  int              n_press,
                  double           x,
                  double           y,
                  LecternTimeline *self)
{
  GtkWidget *card = card_at (self, x, y);

  if (card != NULL)
    gtk_widget_grab_focus (card);
}

/* ------------------------------------------------------------------ */
/* Cards                                                               */

static void
card_focus_cb (GtkEventControllerFocus *focus,
               LecternTimeline         *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_widget_remove_css_class (value, "selected");
  gtk_widget_add_css_class (card, "selected");

  self->selected = lectern_slot_card_get_slot (LECTERN_SLOT_CARD (card));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void mark_cards (LecternTimeline *self);

static gboolean
mark_cards_cb (gpointer user_data)
{
  LecternTimeline *self = user_data;

  self->mark_id = 0;
  mark_cards (self);
  return G_SOURCE_REMOVE;
}

static void
queue_mark (LecternTimeline *self)
{
  if (self->mark_id == 0)
    self->mark_id = g_idle_add (mark_cards_cb, self);
}

static void
slot_placement_cb (LecternTimeline *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  queue_mark (self);
}

static void
add_card (LecternTimeline *self,
          LecternSlot     *slot)
{
  GtkWidget *card = lectern_slot_card_new (slot);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  gint64 *key = g_new (gint64, 1);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (focus, "enter", G_CALLBACK (card_focus_cb), self);
  gtk_widget_add_controller (card, focus);
  g_signal_connect_object (slot, "notify::duration", G_CALLBACK (slot_placement_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (slot, "notify::room-id", G_CALLBACK (slot_placement_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (slot, "notify::session-id", G_CALLBACK (slot_placement_cb), self, G_CONNECT_SWAPPED);

  *key = lectern_slot_get_id (slot);
  g_hash_table_insert (self->cards, key, card);
  gtk_widget_set_parent (card, GTK_WIDGET (self));
}

static void
remove_card (LecternTimeline *self,
             gint64           slot_id)
{
  GtkWidget *card = g_hash_table_lookup (self->cards, &slot_id);

  if (card == NULL)
    return;

  if (self->selected == lectern_slot_card_get_slot (LECTERN_SLOT_CARD (card)))
    {
      self->selected = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  g_signal_handlers_disconnect_by_data (lectern_slot_card_get_slot (LECTERN_SLOT_CARD (card)), self);
  g_hash_table_remove (self->cards, &slot_id);
  gtk_widget_unparent (card);
}

/* What the cards show besides their slot: the session's name on the
 * first slot of a run of it in a room, and the failing checks of the
 * slot (a warning style, and the messages for the tooltip and a screen
 * reader). Done when the day's slots change, never while laying out.
 */
static void
mark_cards (LecternTimeline *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) last_session = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;

  if (self->schedule != NULL)
    problems = lectern_schedule_get_problems (self->schedule, NULL, NULL);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      LecternProblem *problem = g_ptr_array_index (problems, i);
      gint64 ids[2] = { problem->slot_id, problem->other_slot_id };

      for (guint k = 0; k < 2; k++)
        {
          const char *known;

          if (ids[k] <= 0)
            continue;
          known = g_hash_table_lookup (messages, &ids[k]);
          g_hash_table_insert (messages, g_memdup2 (&ids[k], sizeof (gint64)),
                               known ? g_strdup_printf ("%s\n%s", known, problem->message)
                                     : g_strdup (problem->message));
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (self->model, i);
      gint64 id = lectern_slot_get_id (slot);
      gint64 room = lectern_slot_get_room_id (slot);
      gint64 session_id = lectern_slot_get_session_id (slot);
      LecternSlotCard *card = g_hash_table_lookup (self->cards, &id);
      LecternSession *session = session_id > 0 ? g_hash_table_lookup (self->sessions, &session_id) : NULL;
      gpointer previous = g_hash_table_lookup (last_session, &room);

      if (card == NULL)
        continue;
      lectern_slot_card_set_session (card, session, session != NULL && GPOINTER_TO_SIZE (previous) != (gsize) session_id);
      g_hash_table_insert (last_session, g_memdup2 (&room, sizeof (gint64)), GSIZE_TO_POINTER (session_id));
      lectern_slot_card_set_problems (card, g_hash_table_lookup (messages, &id));
    }
}

static gboolean
remove_leaving_cb (gpointer user_data)
{
  LecternTimeline *self = user_data;
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  self->leave_id = 0;
  g_hash_table_iter_init (&iter, self->leaving);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (gone, *(gint64 *) key);
  g_hash_table_remove_all (self->leaving);
  for (guint i = 0; i < gone->len; i++)
    remove_card (self, g_array_index (gone, gint64, i));
  gtk_widget_queue_resize (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

/* Children in the model's order (by start), so that Tab goes through
 * the day in time order. */
static void
sync_cards (LecternTimeline *self)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;
  GtkWidget *previous = NULL;
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (self)) ||
                       (gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL);
  gint64 focused = self->selected ? lectern_slot_get_id (self->selected) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (self->model, i);
      gint64 id = lectern_slot_get_id (slot);
      GtkWidget *card;

      if (!g_hash_table_contains (self->cards, &id))
        add_card (self, slot);
      card = g_hash_table_lookup (self->cards, &id);
      g_hash_table_add (wanted, g_hash_table_lookup_extended (self->cards, &id, &key, NULL) ? key : NULL);
      gtk_widget_insert_after (card, GTK_WIDGET (self), previous);
      previous = card;
    }

  /* A slot that left the day's list may come back at once (a move is a
   * removal, then an insertion): its card goes only at idle, so that a
   * moved slot keeps its card, and the card its focus. */
  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (wanted, key))
      g_array_append_val (gone, *(gint64 *) key);
  g_hash_table_remove_all (self->leaving);
  for (guint i = 0; i < gone->len; i++)
    {
      gint64 *id = g_new (gint64, 1);

      *id = g_array_index (gone, gint64, i);
      g_hash_table_add (self->leaving, id);
    }
  if (gone->len > 0 && self->leave_id == 0)
    self->leave_id = g_idle_add (remove_leaving_cb, self);
  mark_cards (self);

  /* a slot moved by the keyboard keeps the focus */
  if (had_focus && focused > 0)
    {
      GtkWidget *card = g_hash_table_lookup (self->cards, &focused);

      if (card != NULL)
        gtk_widget_grab_focus (card);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
items_changed_cb (GListModel      *model,
                  guint            position,
                  guint            removed,
                  guint            added,
                  LecternTimeline *self)
{
  sync_cards (self);
}

/**
 * lectern_timeline_refresh:
 *
 * Reads again what the timeline shows besides the slots: the day's
 * hours, the rooms, the sessions, the grid step.
 */
void
lectern_timeline_refresh (LecternTimeline *self)
{
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) rooms = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(LecternEvent) event = NULL;
  LecternStore *store;
  gboolean no_room = FALSE;
  guint n;

  g_return_if_fail (LECTERN_IS_TIMELINE (self));

  g_array_set_size (self->columns, 0);
  g_hash_table_remove_all (self->room_names);
  g_hash_table_remove_all (self->sessions);
  self->first_minute = 8 * 60;
  self->last_minute = 18 * 60;
  if (self->schedule == NULL)
    return;

  store = lectern_schedule_get_store (self->schedule);
  days = lectern_store_list_days (store, NULL);
  rooms = lectern_store_list_rooms (store, NULL);
  sessions = lectern_store_list_sessions (store, NULL);
  event = lectern_store_get_event (store, NULL);
  self->grid_step = event ? lectern_event_get_grid_step (event) : 5;

  for (guint i = 0; days && i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, i);

      if (lectern_day_get_id (day) == self->day_id)
        {
          self->first_minute = lectern_day_get_visible_start (day);
          self->last_minute = lectern_day_get_visible_end (day);
        }
    }

  /* the hours widen to show every slot of the day */
  n = self->model ? g_list_model_get_n_items (self->model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (self->model, i);

      self->first_minute = MIN (self->first_minute, lectern_slot_get_start (slot) / 60 * 60);
      self->last_minute = MAX (self->last_minute, MIN (24 * 60, (lectern_slot_get_end (slot) + 59) / 60 * 60));
      no_room |= lectern_slot_get_room_id (slot) == 0;
    }

  if (rooms == NULL || g_list_model_get_n_items (rooms) == 0 || no_room)
    {
      gint64 none = 0;

      g_array_append_val (self->columns, none);
    }
  for (guint i = 0; rooms && i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(LecternRoom) room = g_list_model_get_item (rooms, i);
      gint64 id = lectern_room_get_id (room);
      gint64 *key = g_new (gint64, 1);

      *key = id;
      g_array_append_val (self->columns, id);
      g_hash_table_insert (self->room_names, key, g_strdup (lectern_room_get_name (room)));
    }

  for (guint i = 0; sessions && i < g_list_model_get_n_items (sessions); i++)
    {
      LecternSession *session = g_list_model_get_item (sessions, i);
      gint64 *key = g_new (gint64, 1);

      *key = lectern_session_get_id (session);
      g_hash_table_insert (self->sessions, key, session);
    }

  queue_mark (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
lectern_timeline_set_schedule (LecternTimeline *self,
                               LecternSchedule *schedule,
                               gint64           day_id)
{
  g_return_if_fail (LECTERN_IS_TIMELINE (self));

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  self->model = NULL;

  g_set_object (&self->schedule, schedule);
  self->day_id = day_id;
  if (schedule != NULL && day_id > 0)
    {
      self->model = lectern_schedule_get_day_slots (schedule, day_id);
      self->items_changed_id = g_signal_connect (self->model, "items-changed", G_CALLBACK (items_changed_cb), self);
    }

  lectern_timeline_refresh (self);
  sync_cards (self);
}

/* ------------------------------------------------------------------ */
/* Layout and drawing                                                  */

static void
lectern_timeline_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  LecternTimeline *self = LECTERN_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = RULER_WIDTH + MAX (1u, self->columns->len) * MIN_COLUMN;
  else
    *minimum = *natural = (int) minute_to_y (self, self->last_minute) + 12;
}

typedef struct
{
  GtkWidget *card;
  int        start, end;
  int        lane, lanes;
} Placed;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *x = a, *y = b;

  return x->start != y->start ? (x->start < y->start ? -1 : 1) : (x->end > y->end ? -1 : x->end < y->end);
}

/* Overlapping slots of a column share its width, in lanes. */
static void
assign_lanes (GArray *placed)
{
  guint cluster = 0;
  int cluster_end = -1;
  int lane_ends[16];
  int n_lanes = 0;

  g_array_sort (placed, compare_placed);
  for (guint i = 0; i <= placed->len; i++)
    {
      Placed *p = i < placed->len ? &g_array_index (placed, Placed, i) : NULL;

      if (p == NULL || p->start >= cluster_end)
        {
          for (guint k = cluster; k < i; k++)
            g_array_index (placed, Placed, k).lanes = MAX (1, n_lanes);
          if (p == NULL)
            break;
          cluster = i;
          n_lanes = 0;
          cluster_end = -1;
        }

      p->lane = -1;
      for (int l = 0; l < n_lanes; l++)
        if (lane_ends[l] <= p->start)
          {
            p->lane = l;
            break;
          }
      if (p->lane < 0)
        p->lane = n_lanes < (int) G_N_ELEMENTS (lane_ends) ? n_lanes++ : n_lanes - 1;
      lane_ends[p->lane] = MAX (p->end, p->start + 1);
      cluster_end = MAX (cluster_end, lane_ends[p->lane]);
    }
}

static void
lectern_timeline_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  LecternTimeline *self = LECTERN_TIMELINE (widget);
  double cw = column_width (self);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));

  for (guint c = 0; c < MAX (1u, self->columns->len); c++)
    {
      g_autoptr(GArray) placed = g_array_new (FALSE, TRUE, sizeof (Placed));
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->cards);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          LecternSlot *slot = lectern_slot_card_get_slot (value);
          Placed p = { value, lectern_slot_get_start (slot), lectern_slot_get_end (slot), 0, 1 };

          /* a card that leaves at idle is drawn nowhere */
          if (g_hash_table_contains (self->leaving, key))
            {
              if (c == 0)
                gtk_widget_size_allocate (value, &(GtkAllocation) { 0, 0, 1, 1 }, -1);
              continue;
            }
          if ((guint) column_of (self, lectern_slot_get_room_id (slot)) == c)
            g_array_append_val (placed, p);
        }

      assign_lanes (placed);
      for (guint i = 0; i < placed->len; i++)
        {
          Placed *p = &g_array_index (placed, Placed, i);
          double lane_width = (cw - 14) / p->lanes;
          double x = RULER_WIDTH + c * cw + 10 + p->lane * lane_width;
          double y = minute_to_y (self, p->start) + 1;
          double h = MAX (8.0, (p->end - p->start) * PX_PER_MINUTE - 2);
          gtk_widget_size_allocate (p->card,
                                    &(GtkAllocation) { (int) x, (int) y, MAX (1, (int) lane_width - 2), (int) h },
                                    -1);
        }
    }
}

static void
append_text (GtkSnapshot *snapshot,
             GtkWidget   *widget,
             const char  *text,
             double       x,
             double       y,
             const GdkRGBA *color,
             gboolean     small)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void widget_color (GtkWidget *widget, const char *name, GdkRGBA *color);

/* The ghost's time and check, on a card of their own: readable over the
 * slots the ghost covers, wrapped to the column. */
static void
append_note (GtkSnapshot   *snapshot,
             GtkWidget     *widget,
             const char    *text,
             double         x,
             double         y,
             double         width,
             const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  GskRoundedRect box;
  GdkRGBA background, border;
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA borders[4];
  int w, h;

  pango_layout_set_width (layout, (int) MAX (40.0, width - 12) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &w, &h);

  widget_color (widget, "window_bg_color", &background);
  widget_color (widget, "accent_color", &border);
  for (guint i = 0; i < 4; i++)
    borders[i] = border;
  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x, y, w + 12, h + 8), 6);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &background, &box.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &box, widths, borders);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 6, y + 4));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
widget_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (name == NULL || !gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
lectern_timeline_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  LecternTimeline *self = LECTERN_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double cw = column_width (self);
  GdkRGBA fg, line, faint, accent;

  widget_color (widget, NULL, &fg);
  widget_color (widget, "accent_bg_color", &accent);
  line = fg;
  line.alpha = 0.15;
  faint = fg;
  faint.alpha = 0.06;

  /* hours and half hours, and the ruler's labels */
  for (int m = (self->first_minute + 29) / 30 * 30; m <= self->last_minute; m += 30)
    {
      double y = minute_to_y (self, m);

      gtk_snapshot_append_color (snapshot, m % 60 == 0 ? &line : &faint,
                                 &GRAPHENE_RECT_INIT (RULER_WIDTH - 6, y, width - RULER_WIDTH + 6, 1));
      if (m % 60 == 0 && m < 24 * 60)
        {
          g_autofree char *label = lectern_format_time (m);
          GdkRGBA dim = fg;

          dim.alpha = 0.6;
          append_text (snapshot, widget, label, 8, y - 8, &dim, TRUE);
        }
    }

  /* the rooms: separators and names */
  for (guint c = 0; c < self->columns->len; c++)
    {
      double x = RULER_WIDTH + c * cw;
      gint64 room_id = g_array_index (self->columns, gint64, c);
      const char *name = g_hash_table_lookup (self->room_names, &room_id);

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, 0, 1, height));
      if (has_header (self))
        append_text (snapshot, widget, name ? name : _("No room"), x + 10, 6, &fg, FALSE);
    }

  /* the sessions: a band beside their slots, in each column */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->cards);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        LecternSlot *slot = lectern_slot_card_get_slot (value);
        GdkRGBA band = accent;

        gint64 id = lectern_slot_get_id (slot);

        if (lectern_slot_get_session_id (slot) <= 0 || g_hash_table_contains (self->leaving, &id))
          continue;
        band.alpha = 0.55;
        gtk_snapshot_append_color (snapshot, &band,
                                   &GRAPHENE_RECT_INIT (RULER_WIDTH + column_of (self, lectern_slot_get_room_id (slot)) * cw + 3,
                                                        minute_to_y (self, lectern_slot_get_start (slot)),
                                                        4,
                                                        MAX (2.0, lectern_slot_get_duration (slot) * PX_PER_MINUTE)));
      }
  }

  /* while a slot is dragged: the times its people are away */
  if (self->ghost_shown)
    for (guint i = 0; i + 1 < self->shade->len; i += 2)
      {
        int from = MAX (g_array_index (self->shade, int, i), self->first_minute);
        int to = MIN (g_array_index (self->shade, int, i + 1), self->last_minute);
        GdkRGBA away = fg;

        if (from >= to)
          continue;
        away.alpha = 0.10;
        gtk_snapshot_append_color (snapshot, &away,
                                   &GRAPHENE_RECT_INIT (RULER_WIDTH, minute_to_y (self, from),
                                                        width - RULER_WIDTH, (to - from) * PX_PER_MINUTE));
      }

  /* the cards, but those leaving */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gint64 id;

      if (!LECTERN_IS_SLOT_CARD (child))
        continue;   /* a card's menu: a popover, drawn on its own */
      id = lectern_slot_get_id (lectern_slot_card_get_slot (LECTERN_SLOT_CARD (child)));
      if (!g_hash_table_contains (self->leaving, &id))
        gtk_widget_snapshot_child (widget, child, snapshot);
    }

  /* the ghost of a drag: where the slot would go, and what would fail */
  if (self->ghost_shown)
    {
      double x = RULER_WIDTH + column_of (self, self->ghost_room) * cw + 10;
      double y = minute_to_y (self, self->ghost_start);
      double h = MAX (8.0, self->ghost_duration * PX_PER_MINUTE);
      GskRoundedRect outline;
      GdkRGBA fill = accent, border[4] = { accent, accent, accent, accent };
      float widths[4] = { 2, 2, 2, 2 };

      fill.alpha = 0.25;
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, cw - 16, h), 6);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &fill, &outline.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &outline, widths, border);
      if (self->ghost_note != NULL)
        append_note (snapshot, widget, self->ghost_note, x + 6, y + 4, cw - 28, &fg);
    }
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
lectern_timeline_dispose (GObject *object)
{
  LecternTimeline *self = LECTERN_TIMELINE (object);
  GHashTableIter iter;
  gpointer value;

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  self->model = NULL;
  g_clear_handle_id (&self->leave_id, g_source_remove);
  g_clear_handle_id (&self->mark_id, g_source_remove);

  if (self->cards != NULL)
    {
      g_hash_table_iter_init (&iter, self->cards);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          g_signal_handlers_disconnect_by_data (lectern_slot_card_get_slot (value), self);
          gtk_widget_unparent (value);
        }
      g_hash_table_remove_all (self->cards);
    }
  /* a card's menu, if one is open */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  g_clear_object (&self->schedule);

  G_OBJECT_CLASS (lectern_timeline_parent_class)->dispose (object);
}

static void
lectern_timeline_finalize (GObject *object)
{
  LecternTimeline *self = LECTERN_TIMELINE (object);

  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->leaving, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->room_names, g_hash_table_unref);
  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_clear_pointer (&self->ghost_note, g_free);
  g_clear_pointer (&self->shade, g_array_unref);

  G_OBJECT_CLASS (lectern_timeline_parent_class)->finalize (object);
}

static void
lectern_timeline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LecternTimeline *self = LECTERN_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_timeline_class_init (LecternTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_timeline_dispose;
  object_class->finalize = lectern_timeline_finalize;
  object_class->get_property = lectern_timeline_get_property;
  widget_class->measure = lectern_timeline_measure;
  widget_class->size_allocate = lectern_timeline_size_allocate;
  widget_class->snapshot = lectern_timeline_snapshot;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, LECTERN_TYPE_SLOT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_up_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_down_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, shorten_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, lengthen_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, unschedule_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_key_cb, NULL);
  gtk_widget_class_install_action (widget_class, "timeline.move-to", NULL, move_to_action);
  gtk_widget_class_install_action (widget_class, "timeline.unschedule", NULL, unschedule_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "timeline.move-to", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lectern_timeline_init (LecternTimeline *self)
{
  GtkDropTarget *target = gtk_drop_target_new (LECTERN_TYPE_SLOT, GDK_ACTION_MOVE);
  GtkGesture *resize = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *secondary;
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->cards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->leaving = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->shade = g_array_new (FALSE, FALSE, sizeof (int));
  self->columns = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->room_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->grid_step = 5;
  self->first_minute = 8 * 60;
  self->last_minute = 18 * 60;

  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  self->resize_gesture = resize;
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (resize), GTK_PHASE_CAPTURE);
  g_signal_connect (resize, "drag-begin", G_CALLBACK (resize_begin_cb), self);
  g_signal_connect (resize, "drag-update", G_CALLBACK (resize_update_cb), self);
  g_signal_connect (resize, "drag-end", G_CALLBACK (resize_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (resize));

  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));

  g_signal_connect (motion, "motion", G_CALLBACK (pointer_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
}

GtkWidget *
lectern_timeline_new (void)
{
  return g_object_new (LECTERN_TYPE_TIMELINE, NULL);
}

/* (transfer none): the times shaded while a slot is dragged, as pairs
 * of minutes [start, end) */
GArray *
lectern_timeline_get_shade (LecternTimeline *self)
{
  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), NULL);

  return self->shade;
}

gint64
lectern_timeline_get_day_id (LecternTimeline *self)
{
  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), 0);

  return self->day_id;
}

LecternSlot *
lectern_timeline_get_selected (LecternTimeline *self)
{
  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), NULL);

  return self->selected;
}

/* (transfer none) (nullable): the card of a slot of this day */
GtkWidget *
lectern_timeline_find_card (LecternTimeline *self,
                            gint64           slot_id)
{
  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), NULL);

  if (g_hash_table_contains (self->leaving, &slot_id))
    return NULL;

  return g_hash_table_lookup (self->cards, &slot_id);
}

/* Where on the timeline a time of the day is drawn (for tests and
 * scrolling to a slot). */
double
lectern_timeline_get_y (LecternTimeline *self,
                        int              minute)
{
  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), 0);

  return minute_to_y (self, minute);
}
