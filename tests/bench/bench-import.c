/* bench-import.c: the import of a whole site into a new workshop file
 *
 * The real ES-FoMo 2023 site (22 cards, a home page with a 30-row
 * schedule), and a synthetic site of 2,000 cards whose home page has a
 * 300-row table (three days, 75 sessions of three talks). Each import
 * reads every card and the home page, and writes the new file in one
 * transaction; prints the median and the fastest of several runs, and
 * what was imported.
 *
 * Run by hand (`make bench`); timings are not asserted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lectern-site-import.h"
#include "lectern-test-util.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* A site of @n cards, and a 300-row schedule of their talks */
static void
write_synthetic_site (const char *site,
                      guint       n)
{
  g_autoptr(GString) page = g_string_new ("---\nlayout: about\ntitle: home\npermalink: /\n"
                                          "subtitle: <i>Workshop at the International Conference on "
                                          "Machine Learning (ICML) 2026.</i>\n---\n\n"
                                          "## 📆 the plan\n*All times CEST, UTC+2. Find us in Hall 1 "
                                          "of the Messe Wien.*\n\n"
                                          "|  | Topic | Speaker |\n| --- | --- | --- |\n");
  static const char *days[] = { "Monday, July 13", "Tuesday, July 14", "Wednesday, July 15" };
  guint speaker = 0;

  lectern_test_write_file (site, "_config.yml", "title: A Synthetic Workshop\nurl: https://example.org\n");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *file = g_strdup_printf ("_projects/p%04u.md", i);
      g_autofree char *card = g_strdup_printf ("---\nlayout: page\ntitle: <b>First%u</b> <br> Family%u\n"
                                               "description: University %u\nimg:\nredirect: https://example.org/%u\n"
                                               "importance: %u\ncategory: %s\n---",
                                               i, i, i % 97, i, i + 1,
                                               i % 10 == 0 ? "organizer" : i % 10 == 1 ? "panelist" : "speaker");

      lectern_test_write_file (site, file, card);
    }

  /* 3 days × (1 date row + 25 sessions × 4 rows) = 303 rows */
  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      g_string_append_printf (page, "|  | **%s** |  |\n", days[d]);
      for (guint s = 0; s < 25; s++)
        {
          int start = 8 * 60 + s * 30;

          g_string_append_printf (page, "| %d:%02d%s | 🔥 **Session %u.%u** |  |\n",
                                  (start / 60 - 1) % 12 + 1, start % 60, start < 12 * 60 ? "am" : "pm", d + 1, s + 1);
          for (guint t = 0; t < 3; t++, speaker = (speaker + 7) % n)
            g_string_append_printf (page, "|  | Talk %u.%u.%u on systems | First%u Family%u <br> *(University %u)* |\n",
                                    d + 1, s + 1, t + 1, speaker, speaker, speaker % 97);
        }
    }

  lectern_test_write_file (site, "_pages/about.md", page->str);
}

static void
bench (const char *label,
       const char *site,
       const char *dir,
       guint       runs)
{
  g_autofree double *times = g_new0 (double, runs);
  LecternSiteImportCounts counts = { 0, };
  guint notes_n = 0;

  for (guint r = 0; r < runs; r++)
    {
      static guint made;
      g_autofree char *path = g_strdup_printf ("%s/import-%u.lectern", dir, made++);
      g_autoptr(GError) error = NULL;
      g_autoptr(LecternStore) store = lectern_store_create (path, NULL, &error);
      g_autoptr(GPtrArray) notes = NULL;
      gint64 t0;

      g_assert_no_error (error);
      t0 = g_get_monotonic_time ();
      if (!lectern_site_import (store, site, &counts, &notes, &error))
        g_error ("%s: %s", label, error->message);
      times[r] = (g_get_monotonic_time () - t0) / 1000.0;
      notes_n = notes->len;
    }

  qsort (times, runs, sizeof (double), compare_double);
  g_print ("%-44s median %8.1f ms   fastest %8.1f ms   (%u runs)\n", label, times[runs / 2], times[0], runs);
  g_print ("  imported %u cards, %u people, %u sponsors; %u days, %u slots, %u people without a card; %u notes\n",
           counts.cards + counts.sponsors, counts.people, counts.sponsors, counts.days, counts.slots,
           counts.schedule_people, notes_n);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-bench-import-XXXXXX");
  g_autofree char *fixture = g_build_filename (LECTERN_FIXTURES_DIR, "es-fomo-2023", NULL);
  g_autofree char *real = g_build_filename (dir, "es-fomo-2023", NULL);
  g_autofree char *synthetic = g_build_filename (dir, "synthetic", NULL);

  lectern_test_copy_tree (fixture, real);
  write_synthetic_site (synthetic, 2000);

  bench ("import: the ES-FoMo 2023 site", real, dir, 21);
  bench ("import: 2,000 cards and a 300-row table", synthetic, dir, 5);

  lectern_test_rm_rf (dir);
  return 0;
}
