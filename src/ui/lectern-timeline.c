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

#include "lectern-slot-card.h"
#include "lectern-timeline-private.h"

G_DEFINE_FINAL_TYPE (LecternTimeline, lectern_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Geometry                                                            */

gboolean
_lectern_timeline_has_header (LecternTimeline *self)
{
  return self->columns->len > 1;
}

double
_lectern_timeline_minute_to_y (LecternTimeline *self,
             int              minute)
{
  return (_lectern_timeline_has_header (self) ? HEADER_HEIGHT : TOP_PADDING) + (minute - self->first_minute) * PX_PER_MINUTE;
}

static double
y_to_minute (LecternTimeline *self,
             double           y)
{
  return self->first_minute + (y - (_lectern_timeline_has_header (self) ? HEADER_HEIGHT : TOP_PADDING)) / PX_PER_MINUTE;
}

double
_lectern_timeline_column_width (LecternTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  return MAX (1.0, (double) (width - RULER_WIDTH) / MAX (1u, self->columns->len));
}

int
_lectern_timeline_column_of (LecternTimeline *self,
           gint64           room_id)
{
  for (guint i = 0; i < self->columns->len; i++)
    if (g_array_index (self->columns, gint64, i) == room_id)
      return i;

  return 0;
}

int
_lectern_timeline_snap (LecternTimeline *self,
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
    column = CLAMP ((int) ((x - RULER_WIDTH) / _lectern_timeline_column_width (self)), 0, (int) self->columns->len - 1);

  *room_id = self->columns->len ? g_array_index (self->columns, gint64, column) : 0;
  *start = CLAMP (_lectern_timeline_snap (self, y_to_minute (self, y) - self->grab_minutes), 0, 24 * 60 - 1);

  return TRUE;
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
  GtkEventController *focus = gtk_event_controller_focus_new ();
  gint64 *key = g_new (gint64, 1);

  _lectern_timeline_add_card_drag (self, card);
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

      g_hash_table_insert (last_session, g_memdup2 (&room, sizeof (gint64)), GSIZE_TO_POINTER (session_id));
      if (card == NULL)
        continue;
      lectern_slot_card_set_session (card, session, session != NULL && GPOINTER_TO_SIZE (previous) != (gsize) session_id);
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

/* The minutes of the day near the view: what is shown, and a screen's
 * height above and below it. All of the day when the timeline is not
 * in a scrolled window. */
static void
near_view (LecternTimeline *self,
           int             *first,
           int             *last)
{
  double value, page;

  *first = G_MININT;
  *last = G_MAXINT;

  /* nothing is built before it shows: map() looks again */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      *first = G_MAXINT;
      *last = G_MININT;
      return;
    }
  if (self->vadjustment == NULL)
    return;

  value = gtk_adjustment_get_value (self->vadjustment);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  /* not allocated yet: the window's height stands in for the view's */
  if (page <= 0)
    page = MAX (gtk_widget_get_height (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)))), 800);

  *first = (int) y_to_minute (self, value - page);
  *last = (int) y_to_minute (self, value + 2 * page) + 1;
}

/* Whether the slot at @i of the day needs its card: near the view, the
 * focused one and its neighbours in time (so that Tab always has a card
 * to go to), one asked for by lectern_timeline_find_card(), or one being
 * dragged. */
static gboolean
wants_card (LecternTimeline *self,
            LecternSlot     *slot,
            guint            i,
            guint            selected_at,
            int              first,
            int              last)
{
  gint64 id = lectern_slot_get_id (slot);
  GtkWidget *card;

  if (lectern_slot_get_end (slot) >= first && lectern_slot_get_start (slot) <= last)
    return TRUE;
  if (selected_at != G_MAXUINT && i + 1 >= selected_at && i <= selected_at + 1)
    return TRUE;
  if (g_hash_table_contains (self->demanded, &id) || slot == self->resizing)
    return TRUE;

  card = g_hash_table_lookup (self->cards, &id);
  return card != NULL && gtk_widget_has_css_class (card, "dragged");
}

/* Children in the model's order (by start), so that Tab goes through
 * the day in time order. Only the cards near the view are built (a day
 * of 500 slots has most of them out of sight): scrolling builds the
 * ones that come near and lets go of the others. After a scroll
 * (@scrolled) the cards are marked again only when some were built: the
 * slots and their checks have not changed. */
static void
sync_cards_for (LecternTimeline *self,
                gboolean         scrolled)
{
  gboolean built = FALSE;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;
  GtkWidget *previous = NULL;
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (self)) ||
                       (gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL);
  gint64 focused = self->selected ? lectern_slot_get_id (self->selected) : 0;
  guint selected_at = G_MAXUINT;
  int first, last;

  g_clear_handle_id (&self->scroll_sync_id, g_source_remove);
  near_view (self, &first, &last);
  for (guint i = 0; i < n && focused > 0 && selected_at == G_MAXUINT; i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (self->model, i);

      if (lectern_slot_get_id (slot) == focused)
        selected_at = i;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (self->model, i);
      gint64 id = lectern_slot_get_id (slot);
      GtkWidget *card;

      if (!wants_card (self, slot, i, selected_at, first, last))
        continue;
      if (!g_hash_table_contains (self->cards, &id))
        {
          add_card (self, slot);
          built = TRUE;
        }
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
  if (!scrolled || built)
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
sync_cards (LecternTimeline *self)
{
  sync_cards_for (self, FALSE);
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

  /* another day: its cards, none of the other's (no move to wait for) */
  if (schedule != self->schedule || day_id != self->day_id)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->cards);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_array_append_val (ids, *(gint64 *) key);
      for (guint i = 0; i < ids->len; i++)
        remove_card (self, g_array_index (ids, gint64, i));
      g_hash_table_remove_all (self->leaving);
    }

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
    *minimum = *natural = (int) _lectern_timeline_minute_to_y (self, self->last_minute) + 12;
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
  double cw = _lectern_timeline_column_width (self);

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
          if ((guint) _lectern_timeline_column_of (self, lectern_slot_get_room_id (slot)) == c)
            g_array_append_val (placed, p);
        }

      assign_lanes (placed);
      for (guint i = 0; i < placed->len; i++)
        {
          Placed *p = &g_array_index (placed, Placed, i);
          double lane_width = (cw - 14) / p->lanes;
          double x = RULER_WIDTH + c * cw + 10 + p->lane * lane_width;
          double y = _lectern_timeline_minute_to_y (self, p->start) + 1;
          double h = MAX (8.0, (p->end - p->start) * PX_PER_MINUTE - 2);
          gtk_widget_size_allocate (p->card,
                                    &(GtkAllocation) { (int) x, (int) y, MAX (1, (int) lane_width - 2), (int) h },
                                    -1);
        }
    }
}

static gboolean
scroll_sync_cb (gpointer user_data)
{
  LecternTimeline *self = user_data;

  self->scroll_sync_id = 0;
  sync_cards_for (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
scrolled_cb (LecternTimeline *self)
{
  if (self->scroll_sync_id == 0)
    self->scroll_sync_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, scroll_sync_cb, self, NULL);
}

static void
forget_adjustment (LecternTimeline *self)
{
  if (self->vadjustment == NULL)
    return;
  g_clear_signal_handler (&self->vadjustment_id, self->vadjustment);
  g_clear_signal_handler (&self->page_size_id, self->vadjustment);
  g_clear_object (&self->vadjustment);
}

static void
lectern_timeline_map (GtkWidget *widget)
{
  LecternTimeline *self = LECTERN_TIMELINE (widget);
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  GTK_WIDGET_CLASS (lectern_timeline_parent_class)->map (widget);

  forget_adjustment (self);
  if (scroller != NULL)
    {
      self->vadjustment = g_object_ref (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
      self->vadjustment_id = g_signal_connect_swapped (self->vadjustment, "value-changed",
                                                       G_CALLBACK (scrolled_cb), self);
      self->page_size_id = g_signal_connect_swapped (self->vadjustment, "notify::page-size",
                                                     G_CALLBACK (scrolled_cb), self);
    }
  sync_cards (self);
}

static void
lectern_timeline_unmap (GtkWidget *widget)
{
  forget_adjustment (LECTERN_TIMELINE (widget));
  GTK_WIDGET_CLASS (lectern_timeline_parent_class)->unmap (widget);
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
  g_clear_handle_id (&self->scroll_sync_id, g_source_remove);
  forget_adjustment (self);

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
  g_clear_pointer (&self->demanded, g_hash_table_unref);
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
  widget_class->map = lectern_timeline_map;
  widget_class->unmap = lectern_timeline_unmap;
  widget_class->snapshot = _lectern_timeline_snapshot;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, LECTERN_TYPE_SLOT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _lectern_timeline_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lectern_timeline_init (LecternTimeline *self)
{
  self->cards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->leaving = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->demanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->columns = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->room_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->grid_step = 5;
  self->first_minute = 8 * 60;
  self->last_minute = 18 * 60;

  _lectern_timeline_init_dnd (self);

  _lectern_timeline_init_actions (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
}

GtkWidget *
lectern_timeline_new (void)
{
  return g_object_new (LECTERN_TYPE_TIMELINE, NULL);
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

  if (!g_hash_table_contains (self->cards, &slot_id) || g_hash_table_contains (self->leaving, &slot_id))
    {
      /* built on demand, if the slot is on this day */
      g_hash_table_add (self->demanded, g_memdup2 (&slot_id, sizeof slot_id));
      sync_cards (self);
      if (!g_hash_table_contains (self->cards, &slot_id))
        g_hash_table_remove (self->demanded, &slot_id);
    }

  if (g_hash_table_contains (self->leaving, &slot_id))
    return NULL;

  return g_hash_table_lookup (self->cards, &slot_id);
}

/* The cards built now (the others are out of view): for tests. */
guint
lectern_timeline_get_n_cards (LecternTimeline *self)
{
  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), 0);

  return g_hash_table_size (self->cards) - g_hash_table_size (self->leaving);
}

/* Where on the timeline a time of the day is drawn (for tests and
 * scrolling to a slot). */
double
lectern_timeline_get_y (LecternTimeline *self,
                        int              minute)
{
  g_return_val_if_fail (LECTERN_IS_TIMELINE (self), 0);

  return _lectern_timeline_minute_to_y (self, minute);
}
