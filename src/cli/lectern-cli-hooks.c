/* lectern-cli-hooks.c: `lectern hooks install|remove`
 *
 * Installs, in a clone of the site, the pre-commit hook that runs
 * `lectern check FILE --site …` before each commit (lectern-hooks.c),
 * or removes it. The hook names this very lectern executable and the
 * workshop file by absolute paths, so it works from any folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "lectern-cli-private.h"
#include "lectern-hooks.h"

#define USAGE \
  "lectern hooks install FILE --site DIR\n" \
  "       lectern hooks remove --site DIR"

/* The running lectern, by an absolute path. */
static char *
find_self (const char *argv0)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (exe != NULL && g_path_is_absolute (exe) && g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&exe);

  if (strchr (argv0, G_DIR_SEPARATOR) != NULL)
    return g_canonicalize_filename (argv0, NULL);

  return g_find_program_in_path (argv0);
}

/* "install" or "remove", wherever the options are */
static const char *
find_verb (int    argc,
           char **argv)
{
  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--site") || g_str_equal (argv[i], "-s"))
        i++;
      else if (g_str_equal (argv[i], "--"))
        return i + 1 < argc ? argv[i + 1] : "";
      else if (argv[i][0] != '-')
        return argv[i];
    }

  return "";
}

int
lectern_cli_hooks (int    argc,
                   char **argv)
{
  g_autofree char *site = NULL;
  const GOptionEntry entries[] = {
    { "site", 's', 0, G_OPTION_ARG_FILENAME, &site, N_("The clone of the site’s repository"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_new_context ("hooks install FILE --site DIR | hooks remove --site DIR",
                                                               _("Install or remove the pre-commit hook that checks a site clone"),
                                                               entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  const char *verb;
  char *argv0 = argv[0];

  g_option_context_set_description (context,
                                    _("The hook runs “lectern check FILE --site …” before each commit in the clone, "
                                      "and refuses a commit whose Lectern files were hand-edited into something broken. "
                                      "A pre-commit hook the clone already had keeps running, before Lectern’s; "
                                      "“hooks remove” puts it back as it was."));

  verb = find_verb (argc, argv);
  if (g_str_equal (verb, "install"))
    {
      if (!lectern_cli_parse (context, &argc, &argv, 2, "lectern hooks install FILE --site DIR"))
        return EXIT_USAGE;
    }
  else if (g_str_equal (verb, "remove"))
    {
      if (!lectern_cli_parse (context, &argc, &argv, 1, "lectern hooks remove --site DIR"))
        return EXIT_USAGE;
    }
  else
    {
      /* --help, or a mistake */
      if (!lectern_cli_parse (context, &argc, &argv, 1, USAGE))
        return EXIT_USAGE;
      g_printerr (_("lectern: unknown hooks command “%s”; use:\n       %s\n"), verb, USAGE);
      return EXIT_USAGE;
    }

  if (site == NULL)
    {
      g_printerr (_("lectern: hooks %s needs --site DIR, the clone of the site’s repository\n"), verb);
      return EXIT_USAGE;
    }

  if (g_str_equal (verb, "remove"))
    {
      if (!lectern_hooks_remove (site, &error))
        {
          lectern_cli_print_error (NULL, error);
          return EXIT_FAILURE;
        }
      g_print (_("Removed Lectern’s pre-commit hook from %s\n"), site);
      return EXIT_SUCCESS;
    }

  {
    g_autofree char *workshop = g_canonicalize_filename (argv[3], NULL);
    g_autoptr(LecternStore) store = NULL;

    /* a hook that names no workshop file would refuse every commit */
    if (!(store = lectern_cli_open_store (workshop)))
      return EXIT_FAILURE;
    g_clear_object (&store);

    if (!(self = find_self (argv0)))
      {
        g_printerr (_("lectern: could not find the path of the lectern program (from “%s”)\n"), argv0);
        return EXIT_FAILURE;
      }

    if (!lectern_hooks_install (site, workshop, self, &error))
      {
        lectern_cli_print_error (NULL, error);
        return EXIT_FAILURE;
      }

    g_print (_("Installed Lectern’s pre-commit hook in %s: each commit there first runs “lectern check %s”\n"),
             site, workshop);
  }

  return EXIT_SUCCESS;
}
