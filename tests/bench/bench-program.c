/* bench-program.c: the program in the three formats attendees use
 *
 * The synthetic workshop of the export benchmark (2,000 people, 1,500
 * slots over 3 days and 10 rooms): the time to write its iCalendar file,
 * its frab XML and c3voc JSON, and its printed program (PDF). Medians
 * and fastest of 5 runs each.
 *
 * Run by hand (`make bench`); timings are not asserted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "lectern-site-frab.h"
#include "lectern-site-ical.h"
#include "lectern-site-print.h"
#include "lectern-test-util.h"

#define RUNS 5

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *label,
        double     *times)
{
  qsort (times, RUNS, sizeof (double), compare_double);
  g_print ("%-40s median %8.1f ms   fastest %8.1f ms\n", label, times[RUNS / 2], times[0]);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-bench-program-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "big.lectern", NULL);
  g_autofree char *pdf = g_build_filename (dir, "program.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = lectern_test_create_big (path, 2000, 1500, 100, &error);
  double ical[RUNS], frab[RUNS], print[RUNS], all[RUNS];

  g_assert_no_error (error);
  g_print ("workshop: 2000 people, 1500 slots over 3 days and 10 rooms\n");

  for (int r = 0; r < RUNS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autofree char *ics = lectern_site_render_ical (store, LECTERN_ICAL_DEFAULT, &error);
      g_autofree char *xml = NULL, *json = NULL;
      g_autoptr(LecternProgram) program = NULL;
      gint64 t1, t2, t3;

      g_assert_no_error (error);
      t1 = g_get_monotonic_time ();
      g_assert_true (lectern_site_render_frab (store, &xml, &json, &error));
      t2 = g_get_monotonic_time ();
      program = lectern_program_new (store, &error);
      g_assert_true (lectern_program_write_pdf (program, pdf, FALSE, &error));
      t3 = g_get_monotonic_time ();

      ical[r] = (t1 - t0) / 1000.0;
      frab[r] = (t2 - t1) / 1000.0;
      print[r] = (t3 - t2) / 1000.0;
      all[r] = (t3 - t0) / 1000.0;
    }

  report ("iCalendar (.ics)", ical);
  report ("frab XML and c3voc JSON", frab);
  report ("printed program (PDF, 3 pages)", print);
  report ("all three", all);

  lectern_test_rm_rf (dir);
  return 0;
}
