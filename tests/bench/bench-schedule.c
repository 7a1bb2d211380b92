/* bench-schedule.c: one schedule edit, from the plan to the file
 *
 * A synthetic workshop of 1,500 slots over 3 days and 10 rooms (2,000
 * people): 200 random moves, each planned, checked (every check, on the
 * schedule as the plan would leave it) and applied (one transaction,
 * one undo step, the live models updated). Prints the median and the
 * 95th percentile of one move, and of its parts.
 *
 * Run by hand (`make bench`); timings are not asserted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "lectern-schedule-ops.h"
#include "lectern-schedule.h"
#include "lectern-test-util.h"

#define MOVES 200

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (double *values,
            int     n,
            double  p)
{
  double sorted[MOVES];

  memcpy (sorted, values, n * sizeof (double));
  qsort (sorted, n, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  return sorted[(int) (p * (n - 1) + 0.5)];
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lectern-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "big.lectern", NULL);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternSchedule) schedule = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) rooms = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  double total[MOVES], plan_t[MOVES], check_t[MOVES], apply_t[MOVES];
  gint64 t0;
  double t_open;
  guint n_problems = 0, n_refused = 0;

  store = lectern_test_create_big (path, 2000, 1500, 100, &error);
  g_assert_no_error (error);

  t0 = g_get_monotonic_time ();
  schedule = lectern_schedule_new (store, &error);
  g_assert_no_error (error);
  t_open = (g_get_monotonic_time () - t0) / 1e3;

  days = lectern_store_list_days (store, &error);
  rooms = lectern_store_list_rooms (store, &error);

  for (int i = 0; i < MOVES; i++)
    {
      GListModel *scheduled = lectern_schedule_get_scheduled (schedule);
      g_autoptr(LecternSlot) slot = g_list_model_get_item (scheduled, g_rand_int_range (rand, 0, g_list_model_get_n_items (scheduled)));
      g_autoptr(LecternDay) day = g_list_model_get_item (days, g_rand_int_range (rand, 0, 3));
      g_autoptr(LecternRoom) room = g_list_model_get_item (rooms, g_rand_int_range (rand, 0, 10));
      g_autoptr(LecternSchedulePlan) plan = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      int start = 8 * 60 + 5 * g_rand_int_range (rand, 0, 12 * 12);
      gint64 a, b, c, d;

      a = g_get_monotonic_time ();
      plan = lectern_schedule_plan_move (scheduled, slot, lectern_day_get_id (day), lectern_room_get_id (room),
                                         start, i % 2 ? LECTERN_SCHEDULE_RIPPLE : 0, &error);
      if (plan == NULL)
        {
          /* a ripple past midnight: refused, and drawn again */
          g_clear_error (&error);
          n_refused++;
          i--;
          continue;
        }
      b = g_get_monotonic_time ();
      problems = lectern_schedule_get_problems (schedule, plan, &error);
      g_assert_no_error (error);
      c = g_get_monotonic_time ();
      if (!lectern_schedule_apply (schedule, plan, &error))
        g_error ("%s", error->message);
      d = g_get_monotonic_time ();

      n_problems += problems->len;
      plan_t[i] = (b - a) / 1e3;
      check_t[i] = (c - b) / 1e3;
      apply_t[i] = (d - c) / 1e3;
      total[i] = (d - a) / 1e3;
    }

  g_print ("schedule: 1500 slots, 3 days, 10 rooms, 2000 people; %d random moves (half with ripple)\n", MOVES);
  g_print ("read the schedule into live models:  %8.2f ms\n", t_open);
  g_print ("                                        median      p95\n");
  g_print ("one move (plan, check, write, models): %6.2f ms %6.2f ms\n", percentile (total, MOVES, 0.5),
           percentile (total, MOVES, 0.95));
  g_print ("  plan:                                %6.2f ms %6.2f ms\n", percentile (plan_t, MOVES, 0.5),
           percentile (plan_t, MOVES, 0.95));
  g_print ("  check (every check):                 %6.2f ms %6.2f ms\n", percentile (check_t, MOVES, 0.5),
           percentile (check_t, MOVES, 0.95));
  g_print ("  write and update the models:         %6.2f ms %6.2f ms\n", percentile (apply_t, MOVES, 0.5),
           percentile (apply_t, MOVES, 0.95));
  g_print ("(problems found along the way: %u; moves refused and drawn again: %u)\n", n_problems, n_refused);

  g_clear_object (&schedule);
  g_clear_object (&store);
  lectern_test_rm_rf (dir);
  return 0;
}
