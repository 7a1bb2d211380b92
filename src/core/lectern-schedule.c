/* lectern-schedule.c: the schedule as live models
 *
 * One object owns the schedule that the editor shows: a list of slots
 * per day (by start, then room), the pool (by title), and all the
 * scheduled slots (for planning and checking). Each is a GListModel
 * that changes by items-changed for exactly the slots that moved, so a
 * view updates what changed instead of reloading; the slot objects
 * stay the same objects (a selection or a drag holds on to them), and
 * take a change in place.
 *
 * An operation is planned (lectern-schedule-ops.c), checked
 * (lectern_schedule_get_problems()), and applied here: the store writes
 * it as one undo step, then the models move the slots. A colleague's
 * change, an undo or a redo arrives as the store's "changed" signal:
 * the slots are read again and compared by rev, and only the slots
 * that differ are updated or moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-schedule"

#include "config.h"

#include "lectern-schedule.h"

struct _LecternSchedule
{
  GObject       parent_instance;

  LecternStore *store;
  gulong        changed_id;
  GListStore   *scheduled;   /* every scheduled slot, in no order */
  GListStore   *pool;        /* by title */
  GHashTable   *days;        /* day id (gint64 *) -> GListStore, by start */
  GHashTable   *slots;       /* slot id (gint64 *) -> LecternSlot (borrowed) */
};

G_DEFINE_FINAL_TYPE (LecternSchedule, lectern_schedule, G_TYPE_OBJECT)

static int
compare_by_time (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  LecternSlot *x = (LecternSlot *) a, *y = (LecternSlot *) b;

  if (lectern_slot_get_start (x) != lectern_slot_get_start (y))
    return lectern_slot_get_start (x) < lectern_slot_get_start (y) ? -1 : 1;
  if (lectern_slot_get_room_id (x) != lectern_slot_get_room_id (y))
    return lectern_slot_get_room_id (x) < lectern_slot_get_room_id (y) ? -1 : 1;
  return lectern_slot_get_id (x) < lectern_slot_get_id (y) ? -1 : lectern_slot_get_id (x) > lectern_slot_get_id (y);
}

static int
compare_by_title (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  LecternSlot *x = (LecternSlot *) a, *y = (LecternSlot *) b;
  int c = g_strcmp0 (lectern_slot_get_title (x), lectern_slot_get_title (y));

  if (c != 0)
    return c;
  return lectern_slot_get_id (x) < lectern_slot_get_id (y) ? -1 : lectern_slot_get_id (x) > lectern_slot_get_id (y);
}

static GListStore *
day_store (LecternSchedule *self,
           gint64           day_id)
{
  GListStore *store = g_hash_table_lookup (self->days, &day_id);

  if (store == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = day_id;
      store = g_list_store_new (LECTERN_TYPE_SLOT);
      g_hash_table_insert (self->days, key, store);
    }

  return store;
}

static void
remove_from (GListStore  *store,
             LecternSlot *slot)
{
  guint position;

  if (g_list_store_find (store, slot, &position))
    g_list_store_remove (store, position);
}

/* Takes the slot out of the models it is in (it stays known). */
static void
unplace (LecternSchedule *self,
         LecternSlot     *slot)
{
  /* the list of all first, so that a view following a day's list sees
   * the schedule as it is by then */
  if (lectern_slot_is_scheduled (slot))
    {
      remove_from (self->scheduled, slot);
      remove_from (day_store (self, lectern_slot_get_day_id (slot)), slot);
    }
  else
    remove_from (self->pool, slot);
}

/* Puts the slot into the models its day (or the pool) says. */
static void
place (LecternSchedule *self,
       LecternSlot     *slot)
{
  if (lectern_slot_is_scheduled (slot))
    {
      g_list_store_append (self->scheduled, slot);
      g_list_store_insert_sorted (day_store (self, lectern_slot_get_day_id (slot)), slot, compare_by_time, NULL);
    }
  else
    g_list_store_insert_sorted (self->pool, slot, compare_by_title, NULL);
}

static void
know (LecternSchedule *self,
      LecternSlot     *slot)
{
  gint64 *key = g_new (gint64, 1);

  *key = lectern_slot_get_id (slot);
  g_hash_table_insert (self->slots, key, slot);
}

/* A slot moved or changed: it keeps its place in the models when its
 * day and order stay the same, so that a change of title touches no
 * list. */
static void
update_slot (LecternSchedule *self,
             LecternSlot     *slot,
             LecternSlot     *fresh)
{
  gboolean same_place = lectern_slot_get_day_id (slot) == lectern_slot_get_day_id (fresh) &&
                        lectern_slot_get_start (slot) == lectern_slot_get_start (fresh) &&
                        lectern_slot_get_room_id (slot) == lectern_slot_get_room_id (fresh) &&
                        (lectern_slot_is_scheduled (slot) ||
                         g_strcmp0 (lectern_slot_get_title (slot), lectern_slot_get_title (fresh)) == 0);

  if (same_place)
    {
      lectern_slot_assign (slot, fresh);
      return;
    }

  g_object_ref (slot);
  unplace (self, slot);
  lectern_slot_assign (slot, fresh);
  place (self, slot);
  g_object_unref (slot);
}

/* A slot shows its people's names, which change without the slot's rev
 * (a person renamed). */
static gboolean
same_people (LecternSlot *a,
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

      if (x->person_id != y->person_id || x->role != y->role || g_strcmp0 (x->name, y->name) != 0 ||
          g_strcmp0 (lectern_appearance_get_affiliation (x), lectern_appearance_get_affiliation (y)) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
on_store_changed (LecternStore    *store,
                  LecternChanges  *changes,
                  LecternSchedule *self)
{
  g_autoptr(GError) error = NULL;

  /* a card or a photo changed: nothing the schedule shows */
  if (!lectern_changes_touches_any (changes, lectern_changes_schedule_tables))
    return;

  if (!lectern_schedule_reload (self, &error))
    g_warning ("Could not read the schedule again: %s", error->message);
}

static void
lectern_schedule_dispose (GObject *object)
{
  LecternSchedule *self = (LecternSchedule *) object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lectern_schedule_parent_class)->dispose (object);
}

static void
lectern_schedule_finalize (GObject *object)
{
  LecternSchedule *self = (LecternSchedule *) object;

  g_clear_pointer (&self->slots, g_hash_table_unref);
  g_clear_pointer (&self->days, g_hash_table_unref);
  g_clear_object (&self->scheduled);
  g_clear_object (&self->pool);

  G_OBJECT_CLASS (lectern_schedule_parent_class)->finalize (object);
}

static void
lectern_schedule_class_init (LecternScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lectern_schedule_dispose;
  object_class->finalize = lectern_schedule_finalize;
}

static void
lectern_schedule_init (LecternSchedule *self)
{
  self->scheduled = g_list_store_new (LECTERN_TYPE_SLOT);
  self->pool = g_list_store_new (LECTERN_TYPE_SLOT);
  self->days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->slots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * lectern_schedule_new:
 *
 * Reads the schedule of @store, and follows its changes.
 *
 * Returns: (transfer full): the schedule, or %NULL
 */
LecternSchedule *
lectern_schedule_new (LecternStore  *store,
                      GError       **error)
{
  g_autoptr(LecternSchedule) self = g_object_new (LECTERN_TYPE_SCHEDULE, NULL);

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  if (!lectern_schedule_reload (self, error))
    return NULL;

  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
  return g_steal_pointer (&self);
}

LecternStore *
lectern_schedule_get_store (LecternSchedule *self)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE (self), NULL);

  return self->store;
}

/* (transfer none): the day's slots, by start, then room; live */
GListModel *
lectern_schedule_get_day_slots (LecternSchedule *self,
                                gint64           day_id)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (day_id > 0, NULL);

  return G_LIST_MODEL (day_store (self, day_id));
}

/* (transfer none): the slots with no day and no start, by title; live */
GListModel *
lectern_schedule_get_pool (LecternSchedule *self)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE (self), NULL);

  return G_LIST_MODEL (self->pool);
}

/* (transfer none): every scheduled slot, in no particular order: what
 * the operations plan on */
GListModel *
lectern_schedule_get_scheduled (LecternSchedule *self)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE (self), NULL);

  return G_LIST_MODEL (self->scheduled);
}

/* (transfer none) (nullable) */
LecternSlot *
lectern_schedule_find_slot (LecternSchedule *self,
                            gint64           id)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE (self), NULL);

  return g_hash_table_lookup (self->slots, &id);
}

/**
 * lectern_schedule_get_problems:
 * @plan: (nullable): the schedule as this plan would leave it
 *
 * Returns: (transfer full) (element-type LecternProblem): the failing
 *   checks, or %NULL on a read error
 */
GPtrArray *
lectern_schedule_get_problems (LecternSchedule      *self,
                               LecternSchedulePlan  *plan,
                               GError              **error)
{
  g_autoptr(LecternScheduleFacts) facts = NULL;

  g_return_val_if_fail (LECTERN_IS_SCHEDULE (self), NULL);

  facts = lectern_schedule_facts_new (self->store, G_LIST_MODEL (self->scheduled), G_LIST_MODEL (self->pool),
                                      error);
  if (facts == NULL)
    return NULL;

  return lectern_schedule_check (facts, plan);
}

/**
 * lectern_schedule_apply:
 *
 * Writes the plan (one undo step), then moves its slots in the models.
 * A plan made stale by a colleague fails with
 * %LECTERN_STORE_ERROR_CONFLICT, nothing written; the schedule then
 * shows the colleague's version.
 */
gboolean
lectern_schedule_apply (LecternSchedule      *self,
                        LecternSchedulePlan  *plan,
                        GError              **error)
{
  gint64 rev = 0;

  g_return_val_if_fail (LECTERN_IS_SCHEDULE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SCHEDULE_PLAN (plan), FALSE);

  if (!lectern_store_apply_plan (self->store, plan, &rev, error))
    {
      if (error != NULL && g_error_matches (*error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT))
        lectern_schedule_reload (self, NULL);
      return FALSE;
    }

  for (guint i = 0; i < lectern_schedule_plan_get_n_moves (plan); i++)
    {
      const LecternSlotMove *move = lectern_schedule_plan_get_move (plan, i);
      LecternSlot *slot = lectern_schedule_find_slot (self, move->slot_id);
      g_autoptr(LecternSlot) fresh = NULL;

      if (slot == NULL)
        continue;

      fresh = lectern_slot_copy (slot);
      lectern_slot_set_rev (fresh, rev);
      lectern_slot_set_day_id (fresh, move->after.day_id);
      lectern_slot_set_room_id (fresh, move->after.room_id);
      lectern_slot_set_start (fresh, move->after.day_id > 0 ? move->after.start : -1);
      lectern_slot_set_duration (fresh, move->after.duration);
      update_slot (self, slot, fresh);
    }

  return TRUE;
}

/**
 * lectern_schedule_reload:
 *
 * Reads the slots again and brings the models in line: a slot that
 * changed (its rev) is updated in place or moved; a new one is added; a
 * removed one leaves. Slots that did not change are not touched.
 */
gboolean
lectern_schedule_reload (LecternSchedule  *self,
                         GError          **error)
{
  g_autoptr(GListModel) scheduled = NULL;
  g_autoptr(GListModel) pool = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);   /* slots */
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GListModel *lists[2];
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (LECTERN_IS_SCHEDULE (self), FALSE);

  if (!(scheduled = lectern_store_list_slots (self->store, 0, error)) ||
      !(pool = lectern_store_list_unscheduled (self->store, error)))
    return FALSE;

  lists[0] = scheduled;
  lists[1] = pool;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(LecternSlot) fresh = g_list_model_get_item (lists[l], i);
        LecternSlot *slot = lectern_schedule_find_slot (self, lectern_slot_get_id (fresh));

        if (slot == NULL)
          {
            /* the models own it; the table knows it */
            know (self, fresh);
            place (self, fresh);
            slot = fresh;
          }
        else if (lectern_slot_get_rev (slot) != lectern_slot_get_rev (fresh) || !same_people (slot, fresh))
          update_slot (self, slot, fresh);

        g_hash_table_add (seen, slot);
      }

  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, value))
      g_ptr_array_add (gone, value);

  for (guint i = 0; i < gone->len; i++)
    {
      LecternSlot *slot = g_ptr_array_index (gone, i);
      gint64 id = lectern_slot_get_id (slot);

      g_hash_table_remove (self->slots, &id);
      unplace (self, slot);
    }

  return TRUE;
}
