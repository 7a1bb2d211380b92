/* lectern-schedule-checks.c: what is wrong with a schedule
 *
 * The checks of a schedule as it is, or as it would be after a plan
 * (the editor shows those while a slot is dragged): two slots
 * overlapping in a room; a person in two places at once, in any role;
 * a person scheduled outside their availability; a person with less
 * than the changeover time between slots in different rooms; a panel
 * without a moderator; a talk without a speaker; a slot outside its
 * day's hours; a session with no scheduled slot. Each check's severity
 * is the workshop's (ignore, warn, block the export).
 *
 * The messages are for the organizers (translated), and name what to
 * fix: the slots by title, the times as the site shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lectern-schedule-checks.h"
#include "lectern-schedule-ops.h"

struct _LecternScheduleFacts
{
  GListModel      *slots;          /* scheduled */
  GListModel      *pool;
  GListModel      *days;
  GListModel      *rooms;
  GListModel      *sessions;
  GArray          *availability;   /* LecternAvailability */
  int              changeover;
  LecternSeverity  severity[LECTERN_N_CHECKS];
};

/* A slot where it is, or where the plan puts it. */
typedef struct
{
  LecternSlot      *slot;          /* borrowed from the facts */
  LecternPlacement  at;
} Entry;

void
lectern_problem_free (LecternProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}

/* The facts of a schedule whose slots (scheduled, and in the pool) a
 * caller keeps, such as the live LecternSchedule; the rest (days, rooms,
 * sessions, availability, the changeover, the severities) is read now.
 */
LecternScheduleFacts *
lectern_schedule_facts_new (LecternStore  *store,
                            GListModel    *slots,
                            GListModel    *pool,
                            GError       **error)
{
  g_autoptr(LecternScheduleFacts) facts = g_new0 (LecternScheduleFacts, 1);
  g_autoptr(LecternEvent) event = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (slots) && G_IS_LIST_MODEL (pool), NULL);

  facts->slots = g_object_ref (slots);
  facts->pool = g_object_ref (pool);
  if (!(event = lectern_store_get_event (store, error)) ||
      !(facts->days = lectern_store_list_days (store, error)) ||
      !(facts->rooms = lectern_store_list_rooms (store, error)) ||
      !(facts->sessions = lectern_store_list_sessions (store, error)) ||
      !(facts->availability = lectern_store_list_availability (store, error)) ||
      !lectern_store_get_check_severities (store, facts->severity, error))
    return NULL;

  facts->changeover = lectern_event_get_changeover (event);

  return g_steal_pointer (&facts);
}

LecternScheduleFacts *
lectern_schedule_facts_read (LecternStore  *store,
                             GError       **error)
{
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(GListModel) pool = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);

  if (!(slots = lectern_store_list_slots (store, 0, error)) ||
      !(pool = lectern_store_list_unscheduled (store, error)))
    return NULL;

  return lectern_schedule_facts_new (store, slots, pool, error);
}

void
lectern_schedule_facts_free (LecternScheduleFacts *facts)
{
  if (facts == NULL)
    return;

  g_clear_object (&facts->slots);
  g_clear_object (&facts->pool);
  g_clear_object (&facts->days);
  g_clear_object (&facts->rooms);
  g_clear_object (&facts->sessions);
  g_clear_pointer (&facts->availability, g_array_unref);
  g_free (facts);
}

/* The scheduled slots the facts were read with (for planning). */
GListModel *
lectern_schedule_facts_get_slots (LecternScheduleFacts *facts)
{
  g_return_val_if_fail (facts != NULL, NULL);

  return facts->slots;
}

void
lectern_schedule_facts_set_severity (LecternScheduleFacts *facts,
                                     LecternCheck          check,
                                     LecternSeverity       severity)
{
  g_return_if_fail (facts != NULL && check < LECTERN_N_CHECKS);

  facts->severity[check] = severity;
}

/* ------------------------------------------------------------------ */

typedef struct
{
  LecternScheduleFacts *facts;
  GPtrArray            *problems;
  GArray               *entries;   /* Entry, scheduled only */
} Run;

static LecternProblem *
report (Run          *run,
        LecternCheck  check,
        const char   *format,
        ...) G_GNUC_PRINTF (3, 4);

static LecternProblem *
report (Run          *run,
        LecternCheck  check,
        const char   *format,
        ...)
{
  LecternProblem *problem = g_new0 (LecternProblem, 1);
  va_list args;

  problem->check = check;
  problem->severity = run->facts->severity[check];
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (run->problems, problem);

  return problem;
}

static gboolean
enabled (Run          *run,
         LecternCheck  check)
{
  return run->facts->severity[check] != LECTERN_SEVERITY_IGNORE;
}

static const char *
title_of (LecternSlot *slot)
{
  const char *title = lectern_slot_get_title (slot);

  return title != NULL && title[0] != '\0' ? title : lectern_slot_kind_to_string (lectern_slot_get_kind (slot));
}

static char *
span (int start,
      int end)
{
  g_autofree char *a = lectern_format_time (start);
  g_autofree char *b = lectern_format_time (end % (24 * 60));

  return g_strdup_printf ("%s–%s", a, b);
}

static const char *
room_name (Run    *run,
           gint64  room_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (run->facts->rooms); i++)
    {
      g_autoptr(LecternRoom) room = g_list_model_get_item (run->facts->rooms, i);

      if (lectern_room_get_id (room) == room_id)
        return lectern_room_get_name (room);   /* the model keeps it */
    }

  return NULL;
}

static LecternDay *
find_day (Run    *run,
          gint64  day_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (run->facts->days); i++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (run->facts->days, i);

      if (lectern_day_get_id (day) == day_id)
        return day;   /* the model keeps it */
    }

  return NULL;
}

static int
entry_end (const Entry *e)
{
  return e->at.start + e->at.duration;
}

static int
compare_room_time (gconstpointer a,
                   gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->at.day_id != y->at.day_id)
    return x->at.day_id < y->at.day_id ? -1 : 1;
  if (x->at.room_id != y->at.room_id)
    return x->at.room_id < y->at.room_id ? -1 : 1;
  if (x->at.start != y->at.start)
    return x->at.start < y->at.start ? -1 : 1;
  return lectern_slot_get_id (x->slot) < lectern_slot_get_id (y->slot) ? -1 : 1;
}

/* The slots where they are, or where the plan puts them. */
static GArray *
collect (LecternScheduleFacts *facts,
         LecternSchedulePlan  *plan)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  GListModel *lists[2] = { facts->slots, facts->pool };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(LecternSlot) slot = g_list_model_get_item (lists[l], i);
        const LecternSlotMove *move = plan ? lectern_schedule_plan_find_move (plan, lectern_slot_get_id (slot)) : NULL;
        Entry entry = { slot, { 0 } };

        if (move != NULL)
          entry.at = move->after;
        else
          {
            entry.at.day_id = lectern_slot_get_day_id (slot);
            entry.at.room_id = lectern_slot_get_room_id (slot);
            entry.at.start = lectern_slot_get_start (slot);
            entry.at.duration = lectern_slot_get_duration (slot);
          }

        if (entry.at.day_id > 0)
          g_array_append_val (entries, entry);
      }

  return entries;
}

static void
check_room_overlap (Run *run)
{
  g_autoptr(GArray) sorted = NULL;
  const Entry *latest = NULL;   /* of the same day and room, the one ending last */

  if (!enabled (run, LECTERN_CHECK_ROOM_OVERLAP))
    return;

  sorted = g_array_copy (run->entries);
  g_array_sort (sorted, compare_room_time);

  for (guint i = 0; i < sorted->len; i++)
    {
      const Entry *e = &g_array_index (sorted, Entry, i);

      if (latest != NULL && (latest->at.day_id != e->at.day_id || latest->at.room_id != e->at.room_id))
        latest = NULL;

      if (latest != NULL && e->at.duration > 0 && latest->at.duration > 0 && e->at.start < entry_end (latest))
        {
          const char *room = room_name (run, e->at.room_id);
          g_autofree char *when = span (e->at.start, MIN (entry_end (e), entry_end (latest)));
          LecternProblem *p;

          p = room != NULL
            ? report (run, LECTERN_CHECK_ROOM_OVERLAP, _("“%s” and “%s” overlap in %s (%s)."),
                      title_of (latest->slot), title_of (e->slot), room, when)
            : report (run, LECTERN_CHECK_ROOM_OVERLAP, _("“%s” and “%s” overlap (%s)."),
                      title_of (latest->slot), title_of (e->slot), when);
          p->slot_id = lectern_slot_get_id (e->slot);
          p->other_slot_id = lectern_slot_get_id (latest->slot);
        }

      if (latest == NULL || entry_end (e) > entry_end (latest))
        latest = e;
    }
}

typedef struct
{
  gint64       person_id;
  const char  *name;
  const Entry *entry;
} Presence;

static int
compare_presence (gconstpointer a,
                  gconstpointer b)
{
  const Presence *x = a, *y = b;

  if (x->person_id != y->person_id)
    return x->person_id < y->person_id ? -1 : 1;
  if (x->entry->at.day_id != y->entry->at.day_id)
    return x->entry->at.day_id < y->entry->at.day_id ? -1 : 1;
  if (x->entry->at.start != y->entry->at.start)
    return x->entry->at.start < y->entry->at.start ? -1 : 1;
  return lectern_slot_get_id (x->entry->slot) < lectern_slot_get_id (y->entry->slot) ? -1 : 1;
}

/* Every person on every scheduled slot, once per slot. */
static GArray *
presences (Run *run)
{
  GArray *all = g_array_new (FALSE, TRUE, sizeof (Presence));

  for (guint i = 0; i < run->entries->len; i++)
    {
      const Entry *e = &g_array_index (run->entries, Entry, i);
      GPtrArray *appearances = lectern_slot_get_appearances (e->slot);

      for (guint k = 0; k < appearances->len; k++)
        {
          const LecternAppearance *a = g_ptr_array_index (appearances, k);
          gboolean seen = FALSE;

          for (guint j = 0; j < k && !seen; j++)
            seen = ((const LecternAppearance *) g_ptr_array_index (appearances, j))->person_id == a->person_id;
          if (!seen)
            {
              Presence p = { a->person_id, a->name, e };
              g_array_append_val (all, p);
            }
        }
    }

  g_array_sort (all, compare_presence);
  return all;
}

static void
check_people (Run *run)
{
  g_autoptr(GArray) all = presences (run);
  int changeover = run->facts->changeover;
  const Presence *latest = NULL;

  /* a: of the person's earlier slots that day, the one ending last */
  for (guint i = 0; i < all->len; i++)
    {
      const Presence *a = latest;
      const Presence *b = &g_array_index (all, Presence, i);
      int gap;

      if (a == NULL || a->person_id != b->person_id || a->entry->at.day_id != b->entry->at.day_id)
        {
          latest = b;
          continue;
        }
      if (entry_end (b->entry) > entry_end (a->entry))
        latest = b;

      gap = b->entry->at.start - entry_end (a->entry);
      if (gap < 0 && a->entry->at.duration > 0 && b->entry->at.duration > 0)
        {
          if (enabled (run, LECTERN_CHECK_PERSON_CLASH))
            {
              g_autofree char *when = lectern_format_time (b->entry->at.start);
              LecternProblem *p = report (run, LECTERN_CHECK_PERSON_CLASH,
                                          _("%s is in “%s” and “%s” at once (at %s)."),
                                          a->name, title_of (a->entry->slot), title_of (b->entry->slot), when);

              p->person_id = a->person_id;
              p->slot_id = lectern_slot_get_id (b->entry->slot);
              p->other_slot_id = lectern_slot_get_id (a->entry->slot);
            }
        }
      else if (gap >= 0 && changeover > 0 && gap < changeover &&
               a->entry->at.room_id != b->entry->at.room_id && enabled (run, LECTERN_CHECK_CHANGEOVER))
        {
          const char *from = room_name (run, a->entry->at.room_id);
          const char *to = room_name (run, b->entry->at.room_id);
          LecternProblem *p = report (run, LECTERN_CHECK_CHANGEOVER,
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "%s has %d minute to get from “%s” (%s) to “%s” (%s); the changeover is %d.",
                                                   "%s has %d minutes to get from “%s” (%s) to “%s” (%s); the changeover is %d.",
                                                   gap),
                                      a->name, gap, title_of (a->entry->slot), from ? from : _("no room"),
                                      title_of (b->entry->slot), to ? to : _("no room"), changeover);

          p->person_id = a->person_id;
          p->slot_id = lectern_slot_get_id (b->entry->slot);
          p->other_slot_id = lectern_slot_get_id (a->entry->slot);
        }
    }

  if (!enabled (run, LECTERN_CHECK_UNAVAILABLE) || run->facts->availability->len == 0)
    return;

  for (guint i = 0; i < all->len; i++)
    {
      const Presence *p = &g_array_index (all, Presence, i);
      GArray *windows = run->facts->availability;
      gboolean has_windows = FALSE, inside = FALSE;
      g_autoptr(GString) given = g_string_new (NULL);

      for (guint w = 0; w < windows->len; w++)
        {
          const LecternAvailability *window = &g_array_index (windows, LecternAvailability, w);

          if (window->person_id != p->person_id || window->day_id != p->entry->at.day_id)
            continue;
          has_windows = TRUE;
          if (p->entry->at.start >= window->start && entry_end (p->entry) <= window->end)
            inside = TRUE;
          else
            {
              g_autofree char *s = span (window->start, window->end);

              g_string_append_printf (given, "%s%s", given->len ? ", " : "", s);
            }
        }

      if (has_windows && !inside)
        {
          g_autofree char *when = span (p->entry->at.start, entry_end (p->entry));
          LecternProblem *problem = report (run, LECTERN_CHECK_UNAVAILABLE,
                                            _("%s is not available for “%s” (%s); they are available %s."),
                                            p->name, title_of (p->entry->slot), when, given->str);

          problem->person_id = p->person_id;
          problem->slot_id = lectern_slot_get_id (p->entry->slot);
        }
    }
}

static void
check_slots (Run *run)
{
  for (guint i = 0; i < run->entries->len; i++)
    {
      const Entry *e = &g_array_index (run->entries, Entry, i);
      LecternSlotKind kind = lectern_slot_get_kind (e->slot);
      GPtrArray *appearances = lectern_slot_get_appearances (e->slot);
      gboolean has_speaker = FALSE, has_moderator = FALSE;
      LecternDay *day = find_day (run, e->at.day_id);

      for (guint k = 0; k < appearances->len; k++)
        {
          const LecternAppearance *a = g_ptr_array_index (appearances, k);

          has_speaker |= a->role == LECTERN_APPEARANCE_SPEAKER || a->role == LECTERN_APPEARANCE_AUTHOR;
          has_moderator |= a->role == LECTERN_APPEARANCE_MODERATOR;
        }

      if (kind == LECTERN_SLOT_PANEL && !has_moderator && enabled (run, LECTERN_CHECK_PANEL_MODERATOR))
        report (run, LECTERN_CHECK_PANEL_MODERATOR, _("The panel “%s” has no moderator."),
                title_of (e->slot))->slot_id = lectern_slot_get_id (e->slot);

      if (lectern_slot_kind_is_talk (kind) && !has_speaker && enabled (run, LECTERN_CHECK_TALK_SPEAKER))
        report (run, LECTERN_CHECK_TALK_SPEAKER, _("“%s” has no speaker."),
                title_of (e->slot))->slot_id = lectern_slot_get_id (e->slot);

      if (day != NULL && enabled (run, LECTERN_CHECK_OUTSIDE_HOURS) &&
          (e->at.start < lectern_day_get_visible_start (day) || entry_end (e) > lectern_day_get_visible_end (day)))
        {
          g_autofree char *when = span (e->at.start, entry_end (e));
          g_autofree char *hours = span (lectern_day_get_visible_start (day), lectern_day_get_visible_end (day));

          report (run, LECTERN_CHECK_OUTSIDE_HOURS, _("“%s” (%s) is outside the day’s hours (%s)."),
                  title_of (e->slot), when, hours)->slot_id = lectern_slot_get_id (e->slot);
        }
    }
}

static void
check_sessions (Run *run)
{
  if (!enabled (run, LECTERN_CHECK_EMPTY_SESSION))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (run->facts->sessions); i++)
    {
      g_autoptr(LecternSession) session = g_list_model_get_item (run->facts->sessions, i);
      gint64 id = lectern_session_get_id (session);
      gboolean used = FALSE;

      for (guint k = 0; k < run->entries->len && !used; k++)
        used = lectern_slot_get_session_id (g_array_index (run->entries, Entry, k).slot) == id;

      if (!used)
        report (run, LECTERN_CHECK_EMPTY_SESSION, _("The session “%s” has no scheduled slot."),
                lectern_session_get_title (session))->session_id = id;
    }
}

/**
 * lectern_schedule_check:
 * @plan: (nullable): check the schedule as this plan would leave it
 *
 * Returns: (transfer full) (element-type LecternProblem): the failing
 *   checks whose severity is not "ignore", check by check
 */
GPtrArray *
lectern_schedule_check (LecternScheduleFacts *facts,
                        LecternSchedulePlan  *plan)
{
  g_autoptr(GArray) entries = NULL;
  Run run = { facts, NULL, NULL };

  g_return_val_if_fail (facts != NULL, NULL);

  entries = collect (facts, plan);
  run.entries = entries;
  run.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_problem_free);

  check_room_overlap (&run);
  check_people (&run);
  check_slots (&run);
  check_sessions (&run);

  return run.problems;
}

/* How many of the problems keep the site from being exported. */
guint
lectern_schedule_count_blocking (GPtrArray *problems)
{
  guint n = 0;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (((LecternProblem *) g_ptr_array_index (problems, i))->severity == LECTERN_SEVERITY_BLOCK)
      n++;

  return n;
}
