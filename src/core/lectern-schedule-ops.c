/* lectern-schedule-ops.c: the schedule's operations, as plans
 *
 * Each operation reads the scheduled slots (and the one it moves, which
 * may be in the pool) and returns a LecternSchedulePlan: which slots go
 * where, under a label for the undo step. Nothing is written here; the
 * store applies a plan in one transaction (lectern_store_apply_plan()).
 *
 * Rooms: slots share a room when their room ids are equal (0, "no
 * room", is the one room of a one-room workshop). Ripple shifts the
 * slots of the same day and room that start at or after the point of
 * the change, by the length inserted or removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lectern-schedule-ops.h"
#include "lectern-store.h"

#define DAY_MINUTES (24 * 60)

typedef struct
{
  LecternSlot      *slot;   /* borrowed */
  LecternPlacement  at;     /* where the operation puts it */
} Item;

/* 535 -> "8:55am", as the site's table writes times */
char *
lectern_format_time (int minutes)
{
  int h = (minutes / 60) % 24;
  int m = minutes % 60;
  int h12 = h % 12 == 0 ? 12 : h % 12;

  g_return_val_if_fail (minutes >= 0, NULL);

  return g_strdup_printf ("%d:%02d%s", h12, m, h < 12 ? "am" : "pm");
}

/* 25 -> "25 minutes", 90 -> "1 h 30 min" */
char *
lectern_format_duration (int minutes)
{
  g_return_val_if_fail (minutes >= 0, NULL);

  if (minutes < 60 || (minutes % 60 != 0 && minutes < 120))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes), minutes);
  if (minutes % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", minutes / 60),
                            minutes / 60);

  return g_strdup_printf (_("%d h %02d min"), minutes / 60, minutes % 60);
}

/**
 * lectern_parse_time:
 * @text: "14:05", "9:05", "9:05am", "2pm", "12:30 PM"
 * @minutes: (out): minutes after midnight
 *
 * Reads a time of day as an organizer types it: 24-hour H:MM, or 12-hour
 * with am/pm (12am is midnight, 12pm noon).
 *
 * Returns: %FALSE if @text is not a time of day
 */
gboolean
lectern_parse_time (const char *text,
                    int        *minutes)
{
  g_autofree char *lower = NULL;
  g_autofree char *digits = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 h, m = 0;
  int half = 0;   /* 0: 24-hour, 1: am, 2: pm */
  gsize len;

  g_return_val_if_fail (minutes != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  lower = g_ascii_strdown (text, -1);
  g_strstrip (lower);
  len = strlen (lower);
  if (len > 2 && (g_str_has_suffix (lower, "am") || g_str_has_suffix (lower, "pm")))
    {
      half = lower[len - 2] == 'a' ? 1 : 2;
      lower[len - 2] = '\0';
      g_strstrip (lower);
    }

  parts = g_strsplit (lower, ":", -1);
  if (g_strv_length (parts) > 2 || parts[0] == NULL || parts[0][0] == '\0' ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, half ? 12 : 23, &h, NULL) ||
      (half && h == 0))
    return FALSE;
  if (parts[1] != NULL && (strlen (parts[1]) != 2 || !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &m, NULL)))
    return FALSE;
  if (parts[1] == NULL && !half)
    return FALSE;   /* "14" alone is not a time; "2pm" is */

  if (half == 1 && h == 12)
    h = 0;
  else if (half == 2 && h != 12)
    h += 12;

  *minutes = (int) (h * 60 + m);
  return TRUE;
}

/**
 * lectern_convert_time:
 * @date: the day, YYYY-MM-DD
 * @minutes: a time of that day in @from_zone, in minutes after midnight
 * @from_zone: an IANA time zone ("Europe/Zurich")
 * @to_zone: another
 * @out: (out): the same instant in @to_zone, in minutes after midnight of
 *   @date (below 0: the day before; from 1440: the day after)
 *
 * A remote speaker's "9am my time" in the workshop's time.
 *
 * Returns: %FALSE (with @error) for an unknown zone or a bad date
 */
gboolean
lectern_convert_time (const char  *date,
                      int          minutes,
                      const char  *from_zone,
                      const char  *to_zone,
                      int         *out,
                      GError     **error)
{
  g_autoptr(GTimeZone) from = NULL;
  g_autoptr(GTimeZone) to = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) there = NULL;
  g_autoptr(GDateTime) day_there = NULL;
  int y, m, d;

  g_return_val_if_fail (out != NULL, FALSE);

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID, _("“%s” is not a date."),
                   date ? date : "");
      return FALSE;
    }
  if (from_zone == NULL || !(from = g_time_zone_new_identifier (from_zone)))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("“%s” is not a known time zone (use an IANA name such as America/New_York)."),
                   from_zone ? from_zone : "");
      return FALSE;
    }
  if (to_zone == NULL || !(to = g_time_zone_new_identifier (to_zone)))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("“%s” is not a known time zone (use an IANA name such as America/New_York)."),
                   to_zone ? to_zone : "");
      return FALSE;
    }

  local = g_date_time_new (from, y, m, d, 0, 0, 0);
  if (local == NULL)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID, _("“%s” is not a date."), date);
      return FALSE;
    }
  {
    g_autoptr(GDateTime) at = g_date_time_add_minutes (local, minutes);

    there = g_date_time_to_timezone (at, to);
  }
  day_there = g_date_time_new (to, y, m, d, 0, 0, 0);
  *out = (int) (g_date_time_difference (there, day_there) / G_TIME_SPAN_MINUTE);

  return TRUE;
}

/**
 * lectern_parse_time_span:
 * @text: "9:00am – 3:00pm", "9:00-15:00"
 *
 * Two times of day, from and to, between an en dash or a hyphen (each
 * as lectern_parse_time() reads it). The end may be before the start:
 * the caller says what that means.
 *
 * Returns: %FALSE if @text is not two times of day
 */
gboolean
lectern_parse_time_span (const char *text,
                         int        *start,
                         int        *end)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  parts = g_strsplit (text, "–", 2);
  if (g_strv_length (parts) != 2)
    {
      g_strfreev (parts);
      parts = g_strsplit (text, "-", 2);
    }

  return g_strv_length (parts) == 2 && lectern_parse_time (parts[0], start) && lectern_parse_time (parts[1], end);
}

static LecternPlacement
placement_of (LecternSlot *slot)
{
  LecternPlacement at = { 0 };

  at.duration = lectern_slot_get_duration (slot);
  at.room_id = lectern_slot_get_room_id (slot);
  if (lectern_slot_is_scheduled (slot))
    {
      at.day_id = lectern_slot_get_day_id (slot);
      at.start = lectern_slot_get_start (slot);
    }
  else
    at.start = -1;

  return at;
}

/* "“The Case for 4-bit Inference”", or the kind for a slot with no title */
static char *
name_of (LecternSlot *slot)
{
  const char *title = lectern_slot_get_title (slot);

  if (title == NULL || title[0] == '\0')
    title = lectern_slot_kind_to_string (lectern_slot_get_kind (slot));

  return g_strdup_printf ("“%s”", title);
}

/* Every scheduled slot, and @extra when it is not among them. */
static GArray *
items_new (GListModel  *scheduled,
           LecternSlot *extra,
           LecternSlot *extra2)
{
  guint n = g_list_model_get_n_items (scheduled);
  GArray *items = g_array_sized_new (FALSE, TRUE, sizeof (Item), n + 2);
  gboolean seen = extra == NULL, seen2 = extra2 == NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (scheduled, i);
      Item item = { slot, placement_of (slot) };

      /* the model keeps the slot alive */
      if (!lectern_slot_is_scheduled (slot))
        continue;
      if (extra != NULL && lectern_slot_get_id (slot) == lectern_slot_get_id (extra))
        {
          item.slot = extra;
          seen = TRUE;
        }
      if (extra2 != NULL && lectern_slot_get_id (slot) == lectern_slot_get_id (extra2))
        {
          item.slot = extra2;
          seen2 = TRUE;
        }
      g_array_append_val (items, item);
    }

  if (!seen)
    {
      Item item = { extra, placement_of (extra) };
      g_array_append_val (items, item);
    }
  if (!seen2)
    {
      Item item = { extra2, placement_of (extra2) };
      g_array_append_val (items, item);
    }

  return items;
}

static Item *
find_item (GArray      *items,
           LecternSlot *slot)
{
  gint64 id = lectern_slot_get_id (slot);

  for (guint i = 0; i < items->len; i++)
    if (lectern_slot_get_id (g_array_index (items, Item, i).slot) == id)
      return &g_array_index (items, Item, i);

  g_assert_not_reached ();
}

/* Shifts by delta the slots of day and room that start at or after
 * from, but the one excluded; returns how many moved.
 */
static guint
ripple (GArray *items,
        gint64  day_id,
        gint64  room_id,
        int     from,
        int     delta,
        Item   *excluded)
{
  guint n = 0;

  if (delta == 0 || day_id == 0)
    return 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (item == excluded || item->at.day_id != day_id || item->at.room_id != room_id ||
          item->at.start < from)
        continue;
      item->at.start += delta;
      n++;
    }

  return n;
}

static gboolean
check_time (int      start,
            int      duration,
            GError **error)
{
  if (start < 0 || start >= DAY_MINUTES)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("A slot must start between midnight and 11:59pm."));
      return FALSE;
    }
  if (duration < 0 || duration > DAY_MINUTES)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("A slot lasts from 0 minutes to a whole day."));
      return FALSE;
    }

  return TRUE;
}

static char *shifted_label (const char *label, guint n_shifted);

/* The plan of every item that moved; refused when one would leave its
 * day (start before midnight, or end after the next). With a primary
 * item, the label says how many others the change shifted.
 */
static LecternSchedulePlan *
finish (GArray      *items,
        const char  *label,
        Item        *primary,
        GError     **error)
{
  g_autoptr(LecternSchedulePlan) plan = NULL;
  g_autofree char *full = NULL;
  guint n_shifted = 0;

  for (guint i = 0; primary != NULL && i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      LecternPlacement before = placement_of (item->slot);

      if (item != primary &&
          (before.day_id != item->at.day_id || before.room_id != item->at.room_id ||
           before.start != item->at.start || before.duration != item->at.duration))
        n_shifted++;
    }
  full = shifted_label (label, n_shifted);
  plan = lectern_schedule_plan_new (full);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      LecternPlacement before = placement_of (item->slot);

      if (item->at.day_id != 0 &&
          (item->at.start < 0 || item->at.start + item->at.duration > DAY_MINUTES))
        {
          g_autofree char *name = name_of (item->slot);

          g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                       item->at.start < 0
                       ? _("%s would start before midnight. Nothing was changed.")
                       : _("%s would end after midnight. Nothing was changed."),
                       name);
          return NULL;
        }

      lectern_schedule_plan_add_move (plan, lectern_slot_get_id (item->slot),
                                      lectern_slot_get_rev (item->slot),
                                      lectern_slot_get_title (item->slot), &before, &item->at);
    }

  return g_steal_pointer (&plan);
}

static char *
shifted_label (const char *label,
               guint       n_shifted)
{
  if (n_shifted == 0)
    return g_strdup (label);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, shifting %u slot", "%s, shifting %u slots",
                                       n_shifted),
                          label, n_shifted);
}

/**
 * lectern_schedule_plan_move:
 * @scheduled: the scheduled slots (lectern_store_list_slots())
 * @slot: the slot to move, scheduled or in the pool
 * @day_id: its new day
 * @room_id: its new room, or 0 for none
 * @start: its new start, in minutes after midnight
 * @flags: with %LECTERN_SCHEDULE_RIPPLE, the slots after it in its old
 *   room close up, and those at or after @start in its new room make way
 *
 * Returns: (transfer full): the plan, or %NULL when the slot would not
 *   fit in the day
 */
LecternSchedulePlan *
lectern_schedule_plan_move (GListModel            *scheduled,
                            LecternSlot           *slot,
                            gint64                 day_id,
                            gint64                 room_id,
                            int                    start,
                            LecternScheduleFlags   flags,
                            GError               **error)
{
  g_autoptr(GArray) items = NULL;
  g_autofree char *name = NULL;
  g_autofree char *time = NULL;
  g_autofree char *label = NULL;
  gboolean from_pool;
  Item *item;

  g_return_val_if_fail (G_IS_LIST_MODEL (scheduled), NULL);
  g_return_val_if_fail (LECTERN_IS_SLOT (slot), NULL);
  g_return_val_if_fail (day_id > 0, NULL);

  if (!check_time (start, lectern_slot_get_duration (slot), error))
    return NULL;

  items = items_new (scheduled, slot, NULL);
  item = find_item (items, slot);
  from_pool = item->at.day_id == 0;

  if ((flags & LECTERN_SCHEDULE_RIPPLE) && !from_pool)
    {
      LecternPlacement old = item->at;

      ripple (items, old.day_id, old.room_id, old.start + old.duration,
                           -old.duration, item);
    }

  item->at.day_id = day_id;
  item->at.room_id = room_id;
  item->at.start = start;

  if (flags & LECTERN_SCHEDULE_RIPPLE)
    ripple (items, day_id, room_id, start, item->at.duration, item);

  name = name_of (slot);
  time = lectern_format_time (start);
  label = g_strdup_printf (from_pool ? _("Schedule %s at %s") : _("Move %s to %s"), name, time);
  return finish (items, label, item, error);
}

/**
 * lectern_schedule_plan_resize:
 * @flags: with %LECTERN_SCHEDULE_RIPPLE, the slots after it in its room
 *   shift by the change
 *
 * Returns: (transfer full): the plan, or %NULL
 */
LecternSchedulePlan *
lectern_schedule_plan_resize (GListModel            *scheduled,
                              LecternSlot           *slot,
                              int                    duration,
                              LecternScheduleFlags   flags,
                              GError               **error)
{
  g_autoptr(GArray) items = NULL;
  g_autofree char *name = NULL;
  g_autofree char *length = NULL;
  g_autofree char *label = NULL;
  Item *item;

  g_return_val_if_fail (G_IS_LIST_MODEL (scheduled), NULL);
  g_return_val_if_fail (LECTERN_IS_SLOT (slot), NULL);

  if (!check_time (0, duration, error))
    return NULL;

  items = items_new (scheduled, slot, NULL);
  item = find_item (items, slot);

  if (flags & LECTERN_SCHEDULE_RIPPLE)
    ripple (items, item->at.day_id, item->at.room_id,
                        item->at.start + item->at.duration, duration - item->at.duration, item);
  item->at.duration = duration;

  name = name_of (slot);
  length = lectern_format_duration (duration);
  label = g_strdup_printf (_("Make %s %s long"), name, length);
  return finish (items, label, item, error);
}

/**
 * lectern_schedule_plan_swap:
 *
 * Two slots trade places, each keeping its length. In the same day and
 * room, the later one takes the earlier one's start and the earlier one
 * ends where the later one ended, so that neighbours stay neighbours.
 *
 * Returns: (transfer full): the plan, or %NULL
 */
LecternSchedulePlan *
lectern_schedule_plan_swap (GListModel   *scheduled,
                            LecternSlot  *a,
                            LecternSlot  *b,
                            GError      **error)
{
  g_autoptr(GArray) items = NULL;
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;
  g_autofree char *label = NULL;
  LecternPlacement pa, pb;
  Item *ia, *ib;

  g_return_val_if_fail (G_IS_LIST_MODEL (scheduled), NULL);
  g_return_val_if_fail (LECTERN_IS_SLOT (a) && LECTERN_IS_SLOT (b), NULL);

  if (lectern_slot_get_id (a) == lectern_slot_get_id (b))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("A slot cannot be swapped with itself."));
      return NULL;
    }
  if (!lectern_slot_is_scheduled (a) || !lectern_slot_is_scheduled (b))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("Only scheduled slots can be swapped; place the other one first."));
      return NULL;
    }

  items = items_new (scheduled, a, b);
  ia = find_item (items, a);
  ib = find_item (items, b);
  pa = ia->at;
  pb = ib->at;

  if (pa.day_id == pb.day_id && pa.room_id == pb.room_id)
    {
      Item *first = pa.start <= pb.start ? ia : ib;
      Item *second = first == ia ? ib : ia;
      int first_start = first->at.start;
      int second_end = second->at.start + second->at.duration;

      second->at.start = first_start;
      first->at.start = second_end - first->at.duration;
    }
  else
    {
      ia->at.day_id = pb.day_id;
      ia->at.room_id = pb.room_id;
      ia->at.start = pb.start;
      ib->at.day_id = pa.day_id;
      ib->at.room_id = pa.room_id;
      ib->at.start = pa.start;
    }

  name_a = name_of (a);
  name_b = name_of (b);
  label = g_strdup_printf (_("Swap %s and %s"), name_a, name_b);

  return finish (items, label, NULL, error);
}

/**
 * lectern_schedule_plan_unschedule:
 * @flags: with %LECTERN_SCHEDULE_RIPPLE, the slots after it in its room
 *   move up by its length
 *
 * Returns: (transfer full): the plan (back to the pool), or %NULL
 */
LecternSchedulePlan *
lectern_schedule_plan_unschedule (GListModel            *scheduled,
                                  LecternSlot           *slot,
                                  LecternScheduleFlags   flags,
                                  GError               **error)
{
  g_autoptr(GArray) items = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  Item *item;

  g_return_val_if_fail (G_IS_LIST_MODEL (scheduled), NULL);
  g_return_val_if_fail (LECTERN_IS_SLOT (slot), NULL);

  if (!lectern_slot_is_scheduled (slot))
    {
      g_autofree char *pooled = name_of (slot);

      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("%s is not scheduled."), pooled);
      return NULL;
    }

  items = items_new (scheduled, slot, NULL);
  item = find_item (items, slot);

  if (flags & LECTERN_SCHEDULE_RIPPLE)
    ripple (items, item->at.day_id, item->at.room_id,
                        item->at.start + item->at.duration, -item->at.duration, item);

  item->at.day_id = 0;
  item->at.start = -1;

  name = name_of (slot);
  label = g_strdup_printf (_("Unschedule %s"), name);
  return finish (items, label, item, error);
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  const Item *ia = *(const Item * const *) a;
  const Item *ib = *(const Item * const *) b;

  if (ia->at.start != ib->at.start)
    return ia->at.start < ib->at.start ? -1 : 1;
  return lectern_slot_get_id (ia->slot) < lectern_slot_get_id (ib->slot) ? -1 : 1;
}

/**
 * lectern_schedule_plan_compact:
 * @day_id: the day
 * @gap: minutes left between two slots (0 closes every gap)
 *
 * In each room of the day, the first slot stays; each later one starts
 * @gap minutes after the one before it ends.
 *
 * Returns: (transfer full): the plan, or %NULL
 */
LecternSchedulePlan *
lectern_schedule_plan_compact (GListModel  *scheduled,
                               gint64       day_id,
                               int          gap,
                               GError     **error)
{
  g_autoptr(GArray) items = NULL;
  g_autoptr(GHashTable) rooms = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (G_IS_LIST_MODEL (scheduled), NULL);

  if (gap < 0 || gap > 240)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("The gap between slots must be from 0 to 240 minutes."));
      return NULL;
    }

  items = items_new (scheduled, NULL, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      GPtrArray *room;

      if (item->at.day_id != day_id)
        continue;
      room = g_hash_table_lookup (rooms, &item->at.room_id);
      if (room == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = item->at.room_id;
          room = g_ptr_array_new ();
          g_hash_table_insert (rooms, key, room);
        }
      g_ptr_array_add (room, item);
    }

  g_hash_table_iter_init (&iter, rooms);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *room = value;

      g_ptr_array_sort (room, compare_start);
      for (guint i = 1; i < room->len; i++)
        {
          Item *before = g_ptr_array_index (room, i - 1);
          Item *item = g_ptr_array_index (room, i);

          item->at.start = before->at.start + before->at.duration + gap;
        }
    }

  return finish (items, gap == 0 ? _("Close the gaps in the day") : _("Even out the gaps in the day"),
                 NULL, error);
}

/**
 * lectern_schedule_plan_move_session:
 * @session: the session; its slots keep their offsets from its first
 * @day_id: the day it moves to
 * @room_id: the room its slots move to, or -1 to keep each slot's room
 * @start: where its first slot starts
 *
 * Returns: (transfer full): the plan, or %NULL
 */
LecternSchedulePlan *
lectern_schedule_plan_move_session (GListModel      *scheduled,
                                    LecternSession  *session,
                                    gint64           day_id,
                                    gint64           room_id,
                                    int              start,
                                    GError         **error)
{
  g_autoptr(GArray) items = NULL;
  g_autoptr(LecternSchedulePlan) plan = NULL;
  g_autofree char *name = NULL;
  g_autofree char *time = NULL;
  g_autofree char *label = NULL;
  gint64 session_id;
  int first = G_MAXINT;

  g_return_val_if_fail (G_IS_LIST_MODEL (scheduled), NULL);
  g_return_val_if_fail (LECTERN_IS_SESSION (session), NULL);
  g_return_val_if_fail (day_id > 0, NULL);

  if (!check_time (start, 0, error))
    return NULL;

  session_id = lectern_session_get_id (session);
  items = items_new (scheduled, NULL, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (lectern_slot_get_session_id (item->slot) == session_id)
        first = MIN (first, item->at.start);
    }

  if (first == G_MAXINT)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("The session “%s” has no scheduled slot to move."),
                   lectern_session_get_title (session));
      return NULL;
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (lectern_slot_get_session_id (item->slot) != session_id)
        continue;
      item->at.start += start - first;
      item->at.day_id = day_id;
      if (room_id >= 0)
        item->at.room_id = room_id;
    }

  time = lectern_format_time (start);
  label = g_strdup_printf (_("Move the session “%s” to %s"), lectern_session_get_title (session), time);
  plan = finish (items, label, NULL, error);
  if (plan != NULL && lectern_session_get_day_id (session) != day_id)
    lectern_schedule_plan_set_session_day (plan, session_id, lectern_session_get_rev (session),
                                           lectern_session_get_title (session), day_id);

  return g_steal_pointer (&plan);
}
