/* bench-lists.c: the window's lists on a large workshop, under Xvfb
 *
 * A workshop of 2,000 people, each with a card, is opened in the window.
 * Reports how long the window takes to show the Speakers list (from
 * opening the file to the first frame drawn: once as the first window of
 * the process, which also pays GTK's one-time start-up, and once more in
 * the running application), how long switching to the People list takes,
 * how long a search takes (it filters every list),
 * and the time each frame takes to update, lay out and paint while the
 * list scrolls from top to bottom (read from the frame clock's phases),
 * as median, 95th percentile and worst.
 *
 * usage: dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
 *          build/tests/bench/bench-lists [N_PEOPLE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "lectern-application.h"
#include "lectern-list-page.h"
#include "lectern-test-util.h"
#include "lectern-window.h"

typedef struct
{
  GArray  *frame_ms;       /* work per frame while scrolling */
  gint64   frame_start;
  gboolean scrolling;
  gboolean done;
  GtkAdjustment *adjustment;
} Bench;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
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
  if (bench->scrolling && bench->frame_start > 0)
    {
      double ms = (g_get_monotonic_time () - bench->frame_start) / 1000.0;

      g_array_append_val (bench->frame_ms, ms);
    }
}

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  Bench *bench = user_data;
  double value = gtk_adjustment_get_value (bench->adjustment);
  double upper = gtk_adjustment_get_upper (bench->adjustment) - gtk_adjustment_get_page_size (bench->adjustment);

  if (value >= upper)
    {
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* about a screenful a second at 60 frames a second, as a flick */
  gtk_adjustment_set_value (bench->adjustment, MIN (upper, value + 40));
  return G_SOURCE_CONTINUE;
}

static GtkWidget *
find_mapped (GtkWidget *root,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_mapped (child, type)))
        return found;
    }

  return NULL;
}

static void
fill (LecternStore *store,
      int           n_people)
{
  g_autoptr(GError) error = NULL;

  if (!lectern_store_begin (store, &error))
    g_error ("%s", error->message);

  for (int i = 0; i < n_people; i++)
    {
      g_autoptr(LecternPerson) p = lectern_person_new ();
      g_autoptr(LecternCard) card = NULL;
      g_autofree char *name = g_strdup_printf ("Person%04d Family%04d", i, i);

      lectern_person_set_name (p, name);
      lectern_person_set_affiliation (p, i % 3 ? "University of Somewhere" : "Lab, Inc.");
      lectern_person_set_homepage (p, "https://example.org");
      if (!lectern_store_add_person (store, p, &error) ||
          !(card = lectern_store_add_card (store, p, LECTERN_ROLE_SPEAKER, NULL, &error)))
        g_error ("%s", error->message);
    }

  if (!lectern_store_commit (store, &error))
    g_error ("%s", error->message);
}

int
main (int    argc,
      char **argv)
{
  int n_people = argc > 1 ? atoi (argv[1]) : 2000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternApplication) app = NULL;
  LecternWindow *window;
  GtkWidget *list;
  GtkWidget *scrolled;
  GdkFrameClock *clock;
  Bench bench = { 0 };
  gint64 t0, t_shown[2], t_switch, t_search[3];
  LecternListPage *page;
  double p50, p95, worst;

  gtk_init ();
  adw_init ();

  dir = lectern_test_make_tmpdir ("lectern-bench-lists-XXXXXX");
  path = g_build_filename (dir, "big.lectern", NULL);
  store = lectern_store_create (path, "Benchmark", &error);
  if (store == NULL)
    g_error ("%s", error->message);
  fill (store, n_people);
  g_clear_object (&store);

  app = lectern_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  /* open the file and show the speakers, as an organizer would: first
   * as the process's first window, then again in the running application */
  for (int pass = 0; pass < 2; pass++)
    {
      t0 = g_get_monotonic_time ();
      store = lectern_store_open (path, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      window = lectern_window_new (GTK_APPLICATION (app), store);
      lectern_window_set_visible_page (window, "speakers");
      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
      gtk_window_present (GTK_WINDOW (window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      t_shown[pass] = g_get_monotonic_time () - t0;
      g_clear_object (&store);

      if (pass == 0)
        gtk_window_destroy (GTK_WINDOW (window));
    }

  /* the list of everyone, shown for the first time */
  t0 = g_get_monotonic_time ();
  lectern_window_set_visible_page (window, "people");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  t_switch = g_get_monotonic_time () - t0;
  lectern_window_set_visible_page (window, "speakers");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* a search, which filters every list (2,000 rows in three of them) */
  page = LECTERN_LIST_PAGE (find_mapped (GTK_WIDGET (window), LECTERN_TYPE_LIST_PAGE));
  for (int key = 0; key < 2; key++)
    {
      t0 = g_get_monotonic_time ();
      lectern_list_page_set_search_text (page, key == 0 ? "family1" : "family12");
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      t_search[key] = g_get_monotonic_time () - t0;
    }
  t0 = g_get_monotonic_time ();
  lectern_list_page_set_search_mode (page, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  t_search[2] = g_get_monotonic_time () - t0;

  /* the search bar's closing animation ends before the scrolling starts */
  for (gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);

  list = find_mapped (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW);
  if (list == NULL)
    g_error ("no list view is shown");
  scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  bench.adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  bench.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);

  bench.scrolling = TRUE;
  gtk_widget_add_tick_callback (list, scroll_tick, &bench, NULL);
  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);
  bench.scrolling = FALSE;

  g_array_sort (bench.frame_ms, compare_double);
  p50 = g_array_index (bench.frame_ms, double, bench.frame_ms->len / 2);
  p95 = g_array_index (bench.frame_ms, double, (bench.frame_ms->len * 95) / 100);
  worst = g_array_index (bench.frame_ms, double, bench.frame_ms->len - 1);

  g_print ("people: %d (one speaker card each)\n", n_people);
  g_print ("open the file and show the Speakers list: %.0f ms as the first window, %.0f ms in the running application\n",
           t_shown[0] / 1000.0, t_shown[1] / 1000.0);
  g_print ("switch to the People list: %.0f ms\n", t_switch / 1000.0);
  g_print ("search every list: first key %.0f ms, next key %.0f ms; close the search: %.0f ms\n",
           t_search[0] / 1000.0, t_search[1] / 1000.0, t_search[2] / 1000.0);
  g_print ("scrolling top to bottom: %u frames; per frame median %.2f ms, p95 %.2f ms, worst %.2f ms\n",
           bench.frame_ms->len, p50, p95, worst);

  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (bench.frame_ms);
  lectern_test_rm_rf (dir);

  return 0;
}
