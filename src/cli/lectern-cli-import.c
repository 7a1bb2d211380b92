/* lectern-cli-import.c: `lectern import FILE --site DIR`
 *
 * A new workshop file from an existing site: its people, cards and
 * sponsors (the event and the schedule table are read by a later step).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lectern-cli-private.h"
#include "lectern-site-import.h"

int
lectern_cli_import (int    argc,
                    char **argv)
{
  g_autofree char *site = NULL;
  const GOptionEntry entries[] = {
    { "site", 's', 0, G_OPTION_ARG_FILENAME, &site, N_("The site checkout to import from"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lectern_cli_new_context ("import FILE --site DIR",
                             _("Start a new workshop file from an existing site: its cards, event details and schedule"), entries);
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

  /* a new file: importing into an existing one (merging) is not there yet */
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
