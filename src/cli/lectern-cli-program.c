/* lectern-cli-program.c: the program where attendees look
 *
 * `lectern ical FILE -o OUT.ics`: an iCalendar file (lectern-site-ical.c)
 * for attendees' calendars; `lectern frab FILE --xml OUT.xml --json
 * OUT.json`: frab's schedule.xml and the c3voc schedule.json
 * (lectern-site-frab.c) for conference apps. Each file is written whole,
 * beside its target first, then renamed, so a reader never sees half.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-cli-private.h"
#include "lectern-site-frab.h"
#include "lectern-site-ical.h"
#include "lectern-site-print.h"

static gboolean
write_out (const char *path,
           const char *text)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      g_print ("%s", text);
      return TRUE;
    }
  if (g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
    return TRUE;
  lectern_cli_print_error (path, error);
  return FALSE;
}

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

  return write_out (output, calendar) ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
lectern_cli_frab (int    argc,
                  char **argv)
{
  g_autofree char *xml_path = NULL;
  g_autofree char *json_path = NULL;
  const GOptionEntry entries[] = {
    { "xml", 0, 0, G_OPTION_ARG_FILENAME, &xml_path, N_("Where to write schedule.xml (frab)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, N_("Where to write schedule.json (c3voc)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lectern_cli_new_context ("frab FILE --xml OUT.xml --json OUT.json",
                             _("Write the program for conference apps: frab’s schedule.xml and the c3voc schedule.json"),
                             entries);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *json = NULL;

  if (!lectern_cli_parse (context, &argc, &argv, 1, "lectern frab FILE --xml OUT.xml --json OUT.json"))
    return EXIT_USAGE;
  if (xml_path == NULL && json_path == NULL)
    {
      g_printerr (_("lectern: frab needs --xml FILE, --json FILE or both\n"));
      return EXIT_USAGE;
    }
  if (!(store = lectern_cli_open_store (argv[2])))
    return EXIT_FAILURE;

  if (!lectern_site_render_frab (store, xml_path ? &xml : NULL, json_path ? &json : NULL, &error))
    {
      lectern_cli_print_error (argv[2], error);
      return EXIT_FAILURE;
    }
  if ((xml_path != NULL && !write_out (xml_path, xml)) || (json_path != NULL && !write_out (json_path, json)))
    return EXIT_FAILURE;
  return EXIT_SUCCESS;
}

int
lectern_cli_print (int    argc,
                   char **argv)
{
  g_autofree char *pdf = NULL;
  g_autofree char *paper = NULL;
  const GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Where to write the PDF"), N_("OUT.pdf") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("a4 or letter (default: the locale’s)"), N_("SIZE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lectern_cli_new_context ("print FILE --pdf OUT.pdf",
                             _("Write the printed program, a page per day, as a PDF"), entries);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  gboolean letter = lectern_program_locale_uses_letter ();

  if (!lectern_cli_parse (context, &argc, &argv, 1, "lectern print FILE --pdf OUT.pdf"))
    return EXIT_USAGE;
  if (pdf == NULL)
    {
      g_printerr (_("lectern: print needs --pdf OUT.pdf\n"));
      return EXIT_USAGE;
    }
  if (paper != NULL && g_ascii_strcasecmp (paper, "a4") != 0 && g_ascii_strcasecmp (paper, "letter") != 0)
    {
      g_printerr (_("lectern: --paper is a4 or letter\n"));
      return EXIT_USAGE;
    }
  if (paper != NULL)
    letter = g_ascii_strcasecmp (paper, "letter") == 0;

  if (!(store = lectern_cli_open_store (argv[2])))
    return EXIT_FAILURE;
  if (!(program = lectern_program_new (store, &error)) || !lectern_program_write_pdf (program, pdf, letter, &error))
    {
      lectern_cli_print_error (argv[2], error);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
