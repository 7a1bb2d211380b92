/* bench-export.c: how long the export takes on a large workshop
 *
 * A synthetic workshop of 2,000 people (each with a card), 1,500 slots
 * over 3 days and rooms, and 100 sponsors. Five rounds, each into a new
 * site; each round times, one after the other, the first export (every
 * file written, durably), a durable copy of the same output tree
 * (`cp -r` then `sync -f`), a plain `cp -r` of it, and an export with
 * nothing changed (which must write nothing, and which the memo of the
 * first export tells: lectern-site-memo.c), then the same export with
 * the memo off, rendering. Prints the medians and the two ratios the
 * README reports.
 *
 * usage: bench-export [N_PEOPLE N_SLOTS N_SPONSORS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ROUNDS 5

#include "lectern-exporter.h"
#include "lectern-site-folder.h"
#include "lectern-site-memo.h"
#include "lectern-site-render.h"
#include "lectern-store-site.h"
#include "lectern-store.h"
#include "lectern-test-util.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static void
die (GError *error)
{
  g_printerr ("bench-export: %s\n", error->message);
  exit (1);
}

static void
run (const char *cmd)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "sh", "-c", cmd, NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    die (error);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  double sorted[ROUNDS];

  memcpy (sorted, values, sizeof sorted);
  qsort (sorted, ROUNDS, sizeof (double), compare_doubles);
  return sorted[ROUNDS / 2];
}

int
main (int    argc,
      char **argv)
{
  int n_people = argc > 3 ? atoi (argv[1]) : 2000;
  int n_slots = argc > 3 ? atoi (argv[2]) : 1500;
  int n_sponsors = argc > 3 ? atoi (argv[3]) : 100;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lectern-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "big.lectern", NULL);
  g_autofree char *site = g_build_filename (dir, "site", NULL);
  g_autofree char *pages = g_build_filename (site, "_pages", NULL);
  g_autofree char *page = g_build_filename (pages, "about.md", NULL);
  g_autoptr(LecternStore) store = NULL;
  double t0, t_fill;
  double t_export[ROUNDS], t_durable[ROUNDS], t_cp[ROUNDS], t_noop[ROUNDS];
  double t_render[ROUNDS], t_compare[ROUNDS];
  double t_key[ROUNDS], t_memo[ROUNDS], t_rendered[ROUNDS];
  guint n_files = 0, n_changed = 0, n_from_memo = 0;

  if (dir == NULL)
    die (error);

  g_mkdir_with_parents (pages, 0755);
  g_file_set_contents (page, "---\nlayout: about\n---\n\n## 📆 the plan\n\n<br>\n", -1, NULL);

  t0 = now ();
  store = lectern_test_create_big (path, n_people, n_slots, n_sponsors, &error);
  if (store == NULL)
    die (error);
  t_fill = now () - t0;

  for (int r = 0; r < ROUNDS; r++)
    {
      g_autofree char *site_r = g_strdup_printf ("%s/site%d", dir, r);
      g_autofree char *durable = g_strdup_printf ("%s/durable%d", dir, r);
      g_autofree char *plain = g_strdup_printf ("%s/plain%d", dir, r);
      g_autofree char *cmd = NULL;
      g_autoptr(LecternExporter) exporter = NULL;
      g_autoptr(LecternExporter) again_exporter = NULL;
      g_autoptr(LecternExportResult) plan = NULL;
      g_autoptr(LecternExportResult) again = NULL;

      cmd = g_strdup_printf ("cp -r '%s' '%s'", site, site_r);
      run (cmd);
      sync ();

      /* the first export: every file written, durably */
      exporter = lectern_exporter_new (store, site_r);
      t0 = now ();
      plan = lectern_exporter_plan (exporter, &error);
      if (plan == NULL || !lectern_exporter_write (exporter, plan, &error))
        die (error);
      t_export[r] = now () - t0;
      n_files = lectern_export_result_get_files (plan)->len;

      /* the same tree copied durably: cp -r, then one sync of its file system */
      g_free (cmd);
      cmd = g_strdup_printf ("cp -r '%s' '%s' && sync -f '%s'", site_r, durable, durable);
      t0 = now ();
      run (cmd);
      t_durable[r] = now () - t0;

      /* and copied plainly: the floor for reading and writing those bytes */
      g_free (cmd);
      cmd = g_strdup_printf ("cp -r '%s' '%s'", site_r, plain);
      t0 = now ();
      run (cmd);
      t_cp[r] = now () - t0;

      /* an export with nothing changed: a new exporter, as the CLI's */
      again_exporter = lectern_exporter_new (store, site_r);
      t0 = now ();
      again = lectern_exporter_plan (again_exporter, &error);
      if (again == NULL || !lectern_exporter_write (again_exporter, again, &error))
        die (error);
      t_noop[r] = now () - t0;
      n_changed += lectern_export_result_count_changes (again);
      n_from_memo += !lectern_exporter_get_rendered (again_exporter);

      /* the same, in its two parts: the memo's key, the site read against the memo */
      {
        g_autoptr(GDateTime) at = g_date_time_new_now_utc ();
        g_autofree char *key = NULL;
        g_autofree char *memo = lectern_store_get_site_memo (store);
        g_autoptr(GPtrArray) memo_files = NULL;
        g_autoptr(LecternSiteFolder) folder = NULL;
        g_autoptr(LecternExportResult) compared = NULL;

        t0 = now ();
        key = lectern_site_memo_key (store, at, &error);
        if (key == NULL)
          die (error);
        t_key[r] = now () - t0;

        t0 = now ();
        memo_files = lectern_site_memo_parse (memo, NULL);
        folder = lectern_site_folder_open (site_r, &error);
        if (memo_files == NULL || folder == NULL ||
            !(compared = lectern_site_folder_compare_memo (folder, memo_files)))
          die (error);
        t_memo[r] = now () - t0;
      }

      /* the same export rendering anyway (as one after any edit must) */
      {
        g_autoptr(LecternExporter) rendering = lectern_exporter_new (store, site_r);
        g_autoptr(LecternExportResult) rendered = NULL;

        g_setenv ("LECTERN_SITE_MEMO", "off", TRUE);
        t0 = now ();
        rendered = lectern_exporter_plan (rendering, &error);
        if (rendered == NULL || !lectern_exporter_write (rendering, rendered, &error))
          die (error);
        t_rendered[r] = now () - t0;
        g_unsetenv ("LECTERN_SITE_MEMO");
        n_changed += lectern_export_result_count_changes (rendered);
      }

      /* and that in its two parts: rendering the tree, comparing it */
      {
        g_autoptr(LecternSiteTree) tree = NULL;
        g_autoptr(LecternSiteFolder) folder = NULL;
        g_autoptr(LecternExportResult) compared = NULL;

        t0 = now ();
        tree = lectern_site_render (store, &error);
        if (tree == NULL)
          die (error);
        t_render[r] = now () - t0;

        t0 = now ();
        folder = lectern_site_folder_open (site_r, &error);
        compared = folder ? lectern_site_folder_compare (folder, tree, &error) : NULL;
        if (compared == NULL)
          die (error);
        t_compare[r] = now () - t0;
      }

      lectern_test_rm_rf (durable);
      lectern_test_rm_rf (plain);
      lectern_test_rm_rf (site_r);
      sync ();
    }

  {
    double export = median (t_export), durable = median (t_durable);
    double cp = median (t_cp), noop = median (t_noop);

    g_print ("workshop: %d people (one card each), %d slots, %d sponsors; %u files; medians of %d rounds\n",
             n_people, n_slots, n_sponsors, n_files, ROUNDS);
    g_print ("fill the file (one transaction):     %8.3f s\n", t_fill);
    g_print ("first export (all files written):    %8.3f s\n", export);
    g_print ("cp -r + sync -f of the same tree:    %8.3f s\n", durable);
    g_print ("cp -r of the same tree:              %8.3f s\n", cp);
    g_print ("re-export, nothing changed:          %8.3f s  (%u files written; %u of %d from the memo)\n",
             noop, n_changed, n_from_memo, ROUNDS);
    g_print ("  its parts, on two threads at once:\n");
    g_print ("             the memo's key           %8.3f s\n", median (t_key));
    g_print ("             the site read against it %8.3f s\n", median (t_memo));
    g_print ("the same, rendering anyway (memo off): %7.3f s\n", median (t_rendered));
    g_print ("  its parts: render the tree          %8.3f s\n", median (t_render));
    g_print ("             compare it with the site %8.3f s\n", median (t_compare));
    g_print ("first export / durable copy:         %8.2f\n", export / durable);
    g_print ("no-op export / cp -r:                %8.2f\n", noop / cp);
  }

  if (g_getenv ("LECTERN_BENCH_KEEP") != NULL)
    {
      g_print ("kept: %s\n", dir);
      return 0;
    }

  lectern_test_rm_rf (dir);

  return 0;
}
