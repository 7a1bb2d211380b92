/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lectern-application.h"
#include "lectern-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(LecternApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Subcommands run before any GTK or D-Bus set-up: they need no
   * display and never hand their work to a running window.
   */
  if (lectern_cli_is_command (argc, argv))
    return lectern_cli_run (argc, argv);

  app = lectern_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
