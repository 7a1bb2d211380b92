/* lectern-cli-ical.c: `lectern ical FILE -o OUT.ics`
 *
 * The program as an iCalendar file (lectern-site-ical.c), for attendees'
 * calendars: written whole, beside its target first, then renamed, so a
 * calendar that reads it never sees half of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-cli-private.h"
#include "lectern-site-ical.h"

int
lectern_cli_ical (int    argc,
                  char **argv)
{
  g_autofree char *output = NULL;
  gboolean breaks = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the calendar (- for standard output)"),
      N_("FILE.ics") },
    { "breaks", 0, 0, G_OPTION_ARG_NONE, &breaks, N_("Put the coffee and lunch breaks in too"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lectern_cli_new_context ("ical FILE -o OUT.ics",
                             _("Write the program as an iCalendar file, one event per scheduled slot"), entries);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calendar = NULL;

  if (!lectern_cli_parse (context, &argc, &argv, 1, "lectern ical FILE -o OUT.ics"))
    return EXIT_USAGE;
  if (output == NULL)
    {
      g_printerr (_("lectern: ical needs -o FILE.ics (or -o - for standard output)\n"));
      return EXIT_USAGE;
    }

  if (!(store = lectern_cli_open_store (argv[2])))
    return EXIT_FAILURE;

  calendar = lectern_site_render_ical (store, breaks ? LECTERN_ICAL_BREAKS : LECTERN_ICAL_DEFAULT, &error);
  if (calendar == NULL)
    {
      lectern_cli_print_error (argv[2], error);
      return EXIT_FAILURE;
    }

  if (g_strcmp0 (output, "-") == 0)
    {
      g_print ("%s", calendar);
      return EXIT_SUCCESS;
    }

  if (!g_file_set_contents_full (output, calendar, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
    {
      lectern_cli_print_error (output, error);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
