/* lectern-cli-import.c: `lectern import FILE --site DIR`
 *
 * A new workshop file from an existing site: its people, cards,
 * sponsors, event details and schedule. Into a file that exists, the
 * site is merged: new cards and sponsors are added, the fields that
 * differ are listed, and taken with --accept-all (--dry-run lists all of
 * it and writes nothing). Either way, one transaction and one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lectern-cli-private.h"
#include "lectern-site-import.h"
#include "lectern-site-merge.h"

static int
merge (const char *path,
       const char *site,
       gboolean    dry_run,
       gboolean    accept_all)
{
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternSiteMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *differences;
  GPtrArray *notes;
  guint n_new = 0, n_changed = 0, taken;

  store = lectern_store_open (path, &error);
  if (store == NULL || !(merge = lectern_site_merge_new (store, site, &error)))
    {
      lectern_cli_print_error (path, error);
      return EXIT_FAILURE;
    }

  notes = lectern_site_merge_get_notes (merge);
  for (guint i = 0; i < notes->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (notes, i));

  if (accept_all)
    lectern_site_merge_accept_all (merge);
  else if (!dry_run)
    lectern_site_merge_accept_new (merge);

  differences = lectern_site_merge_get_differences (merge);
  for (guint i = 0; i < differences->len; i++)
    {
      LecternMergeDifference *d = g_ptr_array_index (differences, i);
      g_autofree char *what = lectern_merge_difference_describe (d);
      gboolean is_new = d->kind == LECTERN_MERGE_NEW_CARD || d->kind == LECTERN_MERGE_NEW_SPONSOR;

      n_new += is_new;
      n_changed += !is_new;
      g_print ("%-8s %s%s\n", is_new ? "new" : "changed", what,
               dry_run || d->accepted ? "" : _("  (not taken)"));
    }

  if (dry_run)
    {
      g_print (_("%u new, %u changed; nothing was written (--dry-run)\n"), n_new, n_changed);
      return EXIT_SUCCESS;
    }

  taken = lectern_site_merge_apply (merge, &error);
  if (error != NULL)
    {
      lectern_cli_print_error (path, error);
      return EXIT_FAILURE;
    }

  if (differences->len == 0)
    g_print (_("The site says what %s says: nothing to import\n"), path);
  else if (accept_all || n_changed == 0)
    g_print (_("Took %u differences into %s (one undo step)\n"), taken, path);
  else
    g_print (_("Took the %u new cards and sponsors into %s; %u changed fields were not taken: "
               "run again with --accept-all to take them\n"), taken, path, n_changed);
  return EXIT_SUCCESS;
}

int
lectern_cli_import (int    argc,
                    char **argv)
{
  g_autofree char *site = NULL;
  gboolean dry_run = FALSE;
  gboolean accept_all = FALSE;
  const GOptionEntry entries[] = {
    { "site", 's', 0, G_OPTION_ARG_FILENAME, &site, N_("The site checkout to import from"), N_("DIR") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Into an existing file: list what differs, write nothing"), NULL },
    { "accept-all", 0, 0, G_OPTION_ARG_NONE, &accept_all,
      N_("Into an existing file: take every difference, not only the new cards"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lectern_cli_new_context ("import FILE --site DIR",
                             _("Start a new workshop file from an existing site (its cards, event details and "
                               "schedule), or take a site's changes into an existing one"), entries);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  LecternSiteImportCounts counts;

  if (!lectern_cli_parse (context, &argc, &argv, 1, "lectern import FILE --site DIR"))
    return EXIT_USAGE;

  if (site == NULL)
    {
      g_printerr (_("lectern: import needs --site DIR, the site checkout to read\n"));
      return EXIT_USAGE;
    }

  if (g_file_test (argv[2], G_FILE_TEST_EXISTS))
    return merge (argv[2], site, dry_run, accept_all);

  if (dry_run || accept_all)
    {
      g_printerr (_("lectern: --dry-run and --accept-all are for importing into a file that exists\n"));
      return EXIT_USAGE;
    }

  store = lectern_store_create (argv[2], NULL, &error);
  if (store == NULL)
    {
      lectern_cli_print_error (NULL, error);
      return EXIT_FAILURE;
    }

  if (!lectern_site_import (store, site, &counts, &notes, &error))
    {
      lectern_cli_print_error (NULL, error);
      g_clear_object (&store);
      g_unlink (argv[2]);
      return EXIT_FAILURE;
    }

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (notes, i));

  g_print (_("Imported %u cards: %u people and %u sponsors, into %s\n"),
           counts.cards + counts.sponsors, counts.people, counts.sponsors, argv[2]);
  g_print (_("Imported the schedule: %u days, %u slots, %u more people without a card\n"),
           counts.days, counts.slots, counts.schedule_people);
  return EXIT_SUCCESS;
}
