/* lectern-timeline-dnd.c: the timeline's drag and drop
 *
 * A card dragged to another time or room, a slot of the pool dropped on
 * the timeline, a card's bottom edge dragged to change its length
 * (Shift: ripple). While a slot is dragged, a ghost shows where it would
 * go and the first check it would break (a plan, checked, never
 * applied), and the times its people are away are shaded. The drop
 * applies the same plan through the schedule's operations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-schedule-ops.h"
#include "lectern-slot-card.h"
#include "lectern-timeline-private.h"

/* ------------------------------------------------------------------ */
/* The ghost of a drag                                                 */

void
_lectern_timeline_show_ghost (LecternTimeline     *self,
            gint64               room_id,
            int                  start,
            int                  duration,
            LecternSchedulePlan *plan)
{
  g_autofree char *problem = plan ? _lectern_timeline_first_problem (self, plan) : NULL;
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

void
_lectern_timeline_hide_ghost (LecternTimeline *self)
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
      _lectern_timeline_hide_ghost (self);
      return;
    }

  if (slot != self->shade_for)
    compute_shade (self, slot);

  lectern_timeline_point_to_place (self, x, y, &room_id, &start);
  plan = lectern_schedule_plan_move (lectern_schedule_get_scheduled (self->schedule), slot, self->day_id, room_id,
                                     start, ripple ? LECTERN_SCHEDULE_RIPPLE : 0, NULL);
  _lectern_timeline_show_ghost (self, room_id, start, lectern_slot_get_duration (slot), plan);
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
  _lectern_timeline_hide_ghost (self);
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

  _lectern_timeline_hide_ghost (self);
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
  GtkWidget *card = _lectern_timeline_card_at (self, x, y);
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
  duration = MAX (0, _lectern_timeline_snap (self, lectern_slot_get_duration (self->resizing) + dy / PX_PER_MINUTE));
  self->resize_duration = duration;
  plan = lectern_schedule_plan_resize (lectern_schedule_get_scheduled (self->schedule), self->resizing, duration,
                                       (state & GDK_SHIFT_MASK) ? LECTERN_SCHEDULE_RIPPLE : 0, NULL);
  _lectern_timeline_show_ghost (self, lectern_slot_get_room_id (self->resizing), lectern_slot_get_start (self->resizing), duration,
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
  _lectern_timeline_hide_ghost (self);
  if (slot == NULL || self->resize_duration == lectern_slot_get_duration (slot))
    return;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  plan = lectern_schedule_plan_resize (lectern_schedule_get_scheduled (self->schedule), slot, self->resize_duration,
                                       (state & GDK_SHIFT_MASK) ? LECTERN_SCHEDULE_RIPPLE : 0, &error);
  _lectern_timeline_apply (self, plan, g_steal_pointer (&error));
}

/* The resize cursor over a card's bottom edge. */
static void
pointer_motion_cb (GtkEventControllerMotion *motion,
                   double                    x,
                   double                    y,
                   LecternTimeline          *self)
{
  GtkWidget *card = _lectern_timeline_card_at (self, x, y);
  graphene_rect_t bounds;
  gboolean edge = card != NULL && gtk_widget_compute_bounds (card, GTK_WIDGET (self), &bounds) &&
                  y >= bounds.origin.y + bounds.size.height - EDGE;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), edge ? "ns-resize" : NULL);
}

/* A card's drag source: the slot, moved. */
void
_lectern_timeline_add_card_drag (LecternTimeline *self,
                                 GtkWidget       *card)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));
}

/* The timeline's own: the drop target, the edge gesture, the cursor. */
void
_lectern_timeline_init_dnd (LecternTimeline *self)
{
  GtkDropTarget *target = gtk_drop_target_new (LECTERN_TYPE_SLOT, GDK_ACTION_MOVE);
  GtkGesture *resize = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->shade = g_array_new (FALSE, FALSE, sizeof (int));

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

  g_signal_connect (motion, "motion", G_CALLBACK (pointer_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

/* (transfer none): the times shaded while a slot is dragged, as pairs
 * of minutes [start, end) */
GArray *
lectern_timeline_get_shade (LecternTimeline *self)
{
  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), NULL);

  return self->shade;
}
