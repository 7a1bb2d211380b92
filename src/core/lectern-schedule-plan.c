/* lectern-schedule-plan.c: what a schedule operation would change
 *
 * A plan is computed without writing (lectern-schedule-ops.c) and
 * applied as one transaction and one undo step
 * (lectern_store_apply_plan()). The editor shows a plan while a slot is
 * dragged; the same plan is applied on the drop. Each move records the
 * rev its slot was read at: a plan made stale by a colleague's change is
 * refused whole, as any stale edit is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-schedule-plan.h"

struct _LecternSchedulePlan
{
  GObject  parent_instance;

  char    *label;
  GArray  *moves;           /* LecternSlotMove */
  gint64   session_id;      /* a session moved to another day, or 0 */
  gint64   session_rev;
  gint64   session_day_id;
  char    *session_title;
};

G_DEFINE_FINAL_TYPE (LecternSchedulePlan, lectern_schedule_plan, G_TYPE_OBJECT)

static gboolean
placement_equal (const LecternPlacement *a,
                 const LecternPlacement *b)
{
  return a->day_id == b->day_id && a->room_id == b->room_id &&
         a->start == b->start && a->duration == b->duration;
}

static void
move_clear (LecternSlotMove *move)
{
  g_free (move->title);
}

static void
lectern_schedule_plan_finalize (GObject *object)
{
  LecternSchedulePlan *self = (LecternSchedulePlan *) object;

  g_free (self->label);
  g_free (self->session_title);
  g_array_unref (self->moves);

  G_OBJECT_CLASS (lectern_schedule_plan_parent_class)->finalize (object);
}

static void
lectern_schedule_plan_class_init (LecternSchedulePlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_schedule_plan_finalize;
}

static void
lectern_schedule_plan_init (LecternSchedulePlan *self)
{
  self->moves = g_array_new (FALSE, TRUE, sizeof (LecternSlotMove));
  g_array_set_clear_func (self->moves, (GDestroyNotify) move_clear);
}

LecternSchedulePlan *
lectern_schedule_plan_new (const char *label)
{
  LecternSchedulePlan *self = g_object_new (LECTERN_TYPE_SCHEDULE_PLAN, NULL);

  self->label = g_strdup (label);
  return self;
}

/* The undo step's name: "Move “The Case for 4-bit Inference” to 10:55am" */
const char *
lectern_schedule_plan_get_label (LecternSchedulePlan *self)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE_PLAN (self), NULL);

  return self->label;
}

/* A slot that changes place (a slot that stays where it is is left
 * out); adding the same slot again replaces its target.
 */
void
lectern_schedule_plan_add_move (LecternSchedulePlan    *self,
                                gint64                  slot_id,
                                gint64                  rev,
                                const char             *title,
                                const LecternPlacement *before,
                                const LecternPlacement *after)
{
  LecternSlotMove move = { 0 };

  g_return_if_fail (LECTERN_IS_SCHEDULE_PLAN (self));
  g_return_if_fail (before != NULL && after != NULL);

  for (guint i = 0; i < self->moves->len; i++)
    {
      LecternSlotMove *known = &g_array_index (self->moves, LecternSlotMove, i);

      if (known->slot_id == slot_id)
        {
          known->after = *after;
          if (placement_equal (&known->before, &known->after))
            g_array_remove_index (self->moves, i);
          return;
        }
    }

  if (placement_equal (before, after))
    return;

  move.slot_id = slot_id;
  move.rev = rev;
  move.title = g_strdup (title);
  move.before = *before;
  move.after = *after;
  g_array_append_val (self->moves, move);
}

guint
lectern_schedule_plan_get_n_moves (LecternSchedulePlan *self)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE_PLAN (self), 0);

  return self->moves->len;
}

const LecternSlotMove *
lectern_schedule_plan_get_move (LecternSchedulePlan *self,
                                guint                i)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE_PLAN (self), NULL);
  g_return_val_if_fail (i < self->moves->len, NULL);

  return &g_array_index (self->moves, LecternSlotMove, i);
}

/* The move of one slot, or NULL when the plan leaves it where it is. */
const LecternSlotMove *
lectern_schedule_plan_find_move (LecternSchedulePlan *self,
                                 gint64               slot_id)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE_PLAN (self), NULL);

  for (guint i = 0; i < self->moves->len; i++)
    if (g_array_index (self->moves, LecternSlotMove, i).slot_id == slot_id)
      return &g_array_index (self->moves, LecternSlotMove, i);

  return NULL;
}

/* A session that moves to another day with its slots. */
void
lectern_schedule_plan_set_session_day (LecternSchedulePlan *self,
                                       gint64               session_id,
                                       gint64               rev,
                                       const char          *title,
                                       gint64               day_id)
{
  g_return_if_fail (LECTERN_IS_SCHEDULE_PLAN (self));

  g_free (self->session_title);
  self->session_title = g_strdup (title);
  self->session_id = session_id;
  self->session_rev = rev;
  self->session_day_id = day_id;
}

/* The new day of the session the plan moves, or 0. */
gint64
lectern_schedule_plan_get_session_day (LecternSchedulePlan *self,
                                       gint64              *session_id,
                                       gint64              *rev,
                                       const char         **title)
{
  g_return_val_if_fail (LECTERN_IS_SCHEDULE_PLAN (self), 0);

  if (title != NULL)
    *title = self->session_title;
  if (session_id != NULL)
    *session_id = self->session_id;
  if (rev != NULL)
    *rev = self->session_rev;

  return self->session_id > 0 ? self->session_day_id : 0;
}
