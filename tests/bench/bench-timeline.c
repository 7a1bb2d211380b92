/* bench-timeline.c: the schedule's timeline on a large day, under Xvfb
 *
 * A synthetic workshop (1,500 slots over 3 days and 10 rooms, 2,000
 * people): a day of 500 slots is shown on the timeline, in a window of
 * 1280×800 (cairo under Xvfb). Reports how long the day takes to show
 * (from giving the timeline its day to the first frame drawn), and the
 * time each frame takes to update, lay out and paint while a slot is
 * dragged across the day (the drag's preview: where it would go and the
 * first check it would break, computed each frame, as a drag's motion
 * does), as median, 95th percentile and worst.
 *
 * usage: dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
 *          build-bench/tests/bench/bench-timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "lectern-schedule.h"
#include "lectern-test-util.h"
#include "lectern-timeline.h"

#define FRAMES 240

typedef struct
{
  GArray          *frame_ms;
  gint64           frame_start;
  gint64           shown_at;
  gboolean         dragging;
  guint            step;
  LecternTimeline *timeline;
  LecternSlot     *slot;
} Bench;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, (guint) (p * (values->len - 1) + 0.5));
}

static void
update_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  if (bench->shown_at == 0)
    bench->shown_at = g_get_monotonic_time ();
  if (bench->dragging && bench->frame_start > 0)
    {
      double ms = (g_get_monotonic_time () - bench->frame_start) / 1000.0;

      g_array_append_val (bench->frame_ms, ms);
    }
}

/* each frame: the dragged slot a few pixels further, across the rooms */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;
  int width = gtk_widget_get_width (widget);
  double x = 80 + (bench->step * 37) % MAX (1, width - 100);
  double y = 20 + bench->step * 2.0;

  lectern_timeline_preview (bench->timeline, bench->slot, x, y, bench->step % 2);
  bench->step++;
  bench->dragging = TRUE;

  return bench->step < FRAMES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
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
  g_autoptr(LecternDay) day = NULL;
  Bench bench = { g_array_new (FALSE, FALSE, sizeof (double)), 0 };
  GtkWidget *window, *scroller, *timeline;
  GdkFrameClock *clock;
  gint64 t0;

  gtk_init ();
  adw_init ();

  store = lectern_test_create_big (path, 2000, 1500, 100, &error);
  g_assert_no_error (error);
  schedule = lectern_schedule_new (store, &error);
  g_assert_no_error (error);
  days = lectern_store_list_days (store, &error);
  day = g_list_model_get_item (days, 0);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  scroller = gtk_scrolled_window_new ();
  timeline = lectern_timeline_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), timeline);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  lectern_test_wait_until (gtk_widget_get_mapped (window), 5000);
  lectern_test_wait_until (FALSE, 300);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);

  /* the day of 500 slots */
  t0 = g_get_monotonic_time ();
  lectern_timeline_set_schedule (LECTERN_TIMELINE (timeline), schedule, lectern_day_get_id (day));
  gtk_widget_queue_draw (timeline);
  lectern_test_wait_until (bench.shown_at > 0, 10000);

  g_print ("timeline: a day of %u slots in %u rooms\n",
           g_list_model_get_n_items (lectern_schedule_get_day_slots (schedule, lectern_day_get_id (day))), 10u);
  g_print ("first showing of the day:            %8.1f ms\n", (bench.shown_at - t0) / 1000.0);

  /* a slot dragged across it */
  bench.timeline = LECTERN_TIMELINE (timeline);
  bench.slot = g_list_model_get_item (lectern_schedule_get_day_slots (schedule, lectern_day_get_id (day)), 0);
  g_object_unref (bench.slot);   /* the model keeps it */
  gtk_widget_add_tick_callback (timeline, tick_cb, &bench, NULL);
  lectern_test_wait_until (bench.step >= FRAMES, 60000);
  lectern_test_wait_until (FALSE, 200);

  g_print ("frames while a slot is dragged:       %u\n", bench.frame_ms->len);
  g_print ("  update + layout + paint, median:    %8.2f ms\n", percentile (bench.frame_ms, 0.5));
  g_print ("  95th percentile:                    %8.2f ms\n", percentile (bench.frame_ms, 0.95));
  g_print ("  worst:                              %8.2f ms\n", percentile (bench.frame_ms, 1.0));

  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (bench.frame_ms);
  g_clear_object (&schedule);
  g_clear_object (&store);
  lectern_test_rm_rf (dir);
  return 0;
}
