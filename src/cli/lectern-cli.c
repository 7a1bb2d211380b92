/* lectern-cli.c: `lectern demo|new|export|check|person|slot`
 *
 * Runs without a display and without D-Bus: main() dispatches here
 * before any GTK set-up, so a subcommand never hands its work to a
 * running window. Errors go to stderr with a non-zero exit status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "lectern-cli.h"
#include "lectern-cli-private.h"
#include "lectern-exporter.h"
#include "lectern-readiness.h"
#include "lectern-site-check.h"
#include "lectern-store-site.h"
#include "lectern-store.h"
#include "lectern-workshop-loader.h"


typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} Command;

static int cmd_demo   (int argc, char **argv);
static int cmd_new    (int argc, char **argv);
static int cmd_export (int argc, char **argv);
static int cmd_check  (int argc, char **argv);
static int cmd_person (int argc, char **argv);
static int cmd_slot   (int argc, char **argv);
static int cmd_help   (int argc, char **argv);

static const Command commands[] = {
  { "demo",   cmd_demo,   N_("Write the built-in demo workshop (ES-FoMo 2023) to a new file") },
  { "new",    cmd_new,    N_("Create a new, empty workshop file") },
  { "export", cmd_export, N_("Write the site’s cards, schedule and data into a site checkout") },
  { "check",  cmd_check,  N_("Check a workshop file (and, with --site, that the site matches it)") },
  { "person", cmd_person, N_("Add a person: person add FILE --name NAME …") },
  { "slot",   cmd_slot,   N_("List, add, move, resize, swap, unschedule or remove slots of the schedule") },
  { "import", lectern_cli_import, N_("Start a new workshop file from an existing site: cards, event, schedule") },
  { "ical",   lectern_cli_ical, N_("Write the program as an iCalendar file, for attendees’ calendars") },
  { "frab",   lectern_cli_frab, N_("Write the program for conference apps (frab XML, c3voc JSON)") },
  { "print",  lectern_cli_print, N_("Write the printed program, a page per day, as a PDF") },
  { "cfp",    lectern_cli_cfp, N_("Show or change the call for papers: its dates, link and topics") },
  { "publish", lectern_cli_publish, N_("Publish the site: to GitHub over HTTPS, or through a local clone") },
  { "hooks",  lectern_cli_hooks, N_("Install or remove the pre-commit hook that checks a site clone") },
  { "help",   cmd_help,   N_("Show this help") },
};

void
lectern_cli_print_error (const char *context,
             GError     *error)
{
  if (context != NULL)
    g_printerr ("lectern: %s: %s\n", context, error->message);
  else
    g_printerr ("lectern: %s\n", error->message);
}

/* Parses the options of a subcommand; prints usage errors itself. */
gboolean
lectern_cli_parse (GOptionContext  *context,
       int             *argc,
       char          ***argv,
       int              n_args,
       const char      *usage)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("lectern: %s\n", error->message);
      g_printerr (_("Try “%s --help”.\n"), usage);
      return FALSE;
    }

  if (*argc - 2 != n_args)
    {
      g_printerr (_("lectern: expected %d argument(s): %s\n"), n_args, usage);
      return FALSE;
    }

  return TRUE;
}

GOptionContext *
lectern_cli_new_context (const char         *parameter,
             const char         *summary,
             const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static int
cmd_demo (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_new_context ("demo FILE", _(commands[0].summary), NULL);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!lectern_cli_parse (context, &argc, &argv, 1, "lectern demo FILE"))
    return EXIT_USAGE;

  store = lectern_store_create (argv[2], NULL, &error);
  if (store == NULL)
    {
      lectern_cli_print_error (NULL, error);
      return EXIT_FAILURE;
    }

  if (!lectern_workshop_loader_load_resource (store, LECTERN_DEMO_RESOURCE, &error))
    {
      lectern_cli_print_error (argv[2], error);
      g_clear_object (&store);
      g_unlink (argv[2]);
      return EXIT_FAILURE;
    }

  g_print (_("Wrote the demo workshop to %s\n"), argv[2]);
  return EXIT_SUCCESS;
}

static int
cmd_new (int    argc,
         char **argv)
{
  g_autofree char *title = NULL;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The workshop’s name"), N_("TITLE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_new_context ("new FILE", _(commands[1].summary), entries);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!lectern_cli_parse (context, &argc, &argv, 1, "lectern new FILE --title TITLE"))
    return EXIT_USAGE;

  store = lectern_store_create (argv[2], title, &error);
  if (store == NULL)
    {
      lectern_cli_print_error (NULL, error);
      return EXIT_FAILURE;
    }

  g_print (_("Created %s\n"), argv[2]);
  return EXIT_SUCCESS;
}

LecternStore *
lectern_cli_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  LecternStore *store = lectern_store_open (path, &error);

  if (store == NULL)
    lectern_cli_print_error (NULL, error);

  return store;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *site = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "site", 's', 0, G_OPTION_ARG_FILENAME, &site, N_("The site checkout to write into"), N_("DIR") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("List what would change; write nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_new_context ("export FILE --site DIR", _(commands[2].summary), entries);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternExporter) exporter = NULL;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;

  if (!lectern_cli_parse (context, &argc, &argv, 1, "lectern export FILE --site DIR [--dry-run]"))
    return EXIT_USAGE;

  if (site == NULL)
    {
      g_printerr (_("lectern: export needs --site DIR, the site checkout to write into\n"));
      return EXIT_USAGE;
    }

  if (!(store = lectern_cli_open_store (argv[2])))
    return EXIT_FAILURE;

  exporter = lectern_exporter_new (store, site);
  plan = lectern_exporter_plan (exporter, &error);
  if (plan == NULL)
    {
      lectern_cli_print_error (NULL, error);
      return EXIT_FAILURE;
    }

  changes = lectern_export_result_describe (plan);

  if (dry_run)
    {
      g_print ("%s", changes[0] ? changes : _("Nothing would change.\n"));
      return EXIT_SUCCESS;
    }

  if (!lectern_exporter_write (exporter, plan, &error))
    {
      lectern_cli_print_error (NULL, error);
      return EXIT_FAILURE;
    }

  g_print ("%s", changes[0] ? changes : _("The site is up to date.\n"));
  return EXIT_SUCCESS;
}

static int
cmd_check (int    argc,
           char **argv)
{
  g_autofree char *site = NULL;
  const GOptionEntry entries[] = {
    { "site", 's', 0, G_OPTION_ARG_FILENAME, &site, N_("Also check that this site checkout matches the file"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_new_context ("check FILE [--site DIR]", _(commands[3].summary), entries);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (!lectern_cli_parse (context, &argc, &argv, 1, "lectern check FILE [--site DIR]"))
    return EXIT_USAGE;

  if (!(store = lectern_cli_open_store (argv[2])))
    return EXIT_FAILURE;

  problems = lectern_store_check (store, &error);
  if (problems == NULL)
    {
      lectern_cli_print_error (NULL, error);
      return EXIT_FAILURE;
    }

  if (site != NULL)
    {
      g_autoptr(LecternExporter) exporter = lectern_exporter_new (store, site);
      g_autoptr(LecternExportResult) plan = lectern_exporter_plan (exporter, &error);
      g_autoptr(LecternSiteFolder) folder = NULL;

      if (plan == NULL || !(folder = lectern_site_folder_open (site, &error)))
        g_ptr_array_add (problems, g_strdup (error->message));
      else
        {
          /* each file that differs, with what is wrong with it */
          g_autoptr(GHashTable) records = lectern_store_get_site_records (store, NULL);
          g_autoptr(GPtrArray) found = lectern_site_check_plan (folder, plan, records);

          g_ptr_array_extend_and_steal (problems, g_steal_pointer (&found));
        }
      g_clear_error (&error);
    }

  /* what the site would show wrong: warnings, not failures */
  {
    g_autoptr(LecternSiteFolder) folder = site ? lectern_site_folder_open (site, NULL) : NULL;
    g_autoptr(GPtrArray) items = lectern_readiness_check (store, folder, NULL);

    for (guint i = 0; items && i < items->len; i++)
      {
        LecternReadinessItem *item = g_ptr_array_index (items, i);

        /* a schedule check says which, so that its severity can be set */
        if (item->level == LECTERN_READINESS_ERROR && item->check != NULL)
          g_ptr_array_add (problems, g_strdup_printf (_("blocks export (%s): %s"), item->check, item->message));
        else if (item->level == LECTERN_READINESS_ERROR)
          g_ptr_array_add (problems, g_strdup (item->message));
        else if (item->check != NULL)
          g_printerr (_("%s: warning (%s): %s\n"), argv[2], item->check, item->message);
        else
          g_printerr (_("%s: warning: %s\n"), argv[2], item->message);
      }
  }

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", argv[2], (const char *) g_ptr_array_index (problems, i));

  if (problems->len > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u problem found\n", "%u problems found\n", problems->len),
                  problems->len);
      return EXIT_FAILURE;
    }

  g_print (_("%s is sound.\n"), argv[2]);
  return EXIT_SUCCESS;
}

static int
cmd_person (int    argc,
            char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *affiliation = NULL;
  g_autofree char *url = NULL;
  g_autofree char *role_name = NULL;
  g_autofree char *slug = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Full name, as shown on the schedule"), N_("NAME") },
    { "affiliation", 0, 0, G_OPTION_ARG_STRING, &affiliation, N_("Affiliation"), N_("TEXT") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("Homepage the card links to"), N_("URL") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_name, N_("Give the person a card: speaker, panelist, moderator or organizer"), N_("ROLE") },
    { "slug", 0, 0, G_OPTION_ARG_STRING, &slug, N_("The card’s file name (default: from the name)"), N_("SLUG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_new_context ("person add FILE --name NAME", _(commands[4].summary), entries);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternPerson) person = NULL;
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(GError) error = NULL;
  LecternRole role = LECTERN_ROLE_SPEAKER;

  if (!lectern_cli_parse (context, &argc, &argv, 2, "lectern person add FILE --name NAME"))
    return EXIT_USAGE;

  if (g_strcmp0 (argv[2], "add") != 0)
    {
      g_printerr (_("lectern: unknown person command “%s” (try “lectern person add FILE --name NAME”)\n"), argv[2]);
      return EXIT_USAGE;
    }

  if (name == NULL)
    {
      g_printerr (_("lectern: person add needs --name NAME\n"));
      return EXIT_USAGE;
    }

  if (role_name != NULL && !lectern_role_from_string (role_name, &role))
    {
      g_printerr (_("lectern: unknown role “%s”: use speaker, panelist, moderator or organizer\n"), role_name);
      return EXIT_USAGE;
    }

  if (!g_utf8_validate (name, -1, NULL) ||
      (affiliation && !g_utf8_validate (affiliation, -1, NULL)) ||
      (url && !g_utf8_validate (url, -1, NULL)))
    {
      g_printerr (_("lectern: the values must be UTF-8 text\n"));
      return EXIT_USAGE;
    }

  if (!(store = lectern_cli_open_store (argv[3])))
    return EXIT_FAILURE;

  person = lectern_person_new ();
  lectern_person_set_name (person, name);
  lectern_person_set_affiliation (person, affiliation);
  lectern_person_set_homepage (person, url);

  /* the person and the card are one change */
  if (!lectern_store_begin (store, &error) ||
      !lectern_store_add_person (store, person, &error) ||
      (role_name != NULL &&
       !(card = lectern_store_add_card (store, person, role, slug, &error))))
    {
      if (lectern_store_get_read_only (store) == FALSE && error != NULL &&
          !g_error_matches (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_BUSY))
        lectern_store_rollback (store);
      lectern_cli_print_error (NULL, error);
      return EXIT_FAILURE;
    }

  if (!lectern_store_commit (store, &error))
    {
      lectern_cli_print_error (NULL, error);
      return EXIT_FAILURE;
    }

  if (card != NULL)
    g_print (_("Added %s with a %s card (%s)\n"), name, role_name, lectern_card_get_slug (card));
  else
    g_print (_("Added %s\n"), name);

  return EXIT_SUCCESS;
}

static int
cmd_slot (int    argc,
          char **argv)
{
  return lectern_cli_slot (argc, argv);
}

static int
cmd_help (int    argc,
          char **argv)
{
  g_print ("%s\n\n", _("Usage: lectern [FILE]  or  lectern COMMAND [OPTIONS…]"));
  g_print ("%s\n\n", _("With no command, Lectern opens its window (on FILE, if given)."));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-8s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Run “lectern COMMAND --help” for a command’s options."));

  return EXIT_SUCCESS;
}

/* "exprot" is a mistyped command, not a workshop file to open: a word
 * with no dot or slash that names no file.
 */
static gboolean
looks_like_command (const char *arg)
{
  return arg[0] != '-' &&
         strchr (arg, '.') == NULL &&
         strchr (arg, G_DIR_SEPARATOR) == NULL &&
         !g_file_test (arg, G_FILE_TEST_EXISTS);
}

gboolean
lectern_cli_is_command (int    argc,
                        char **argv)
{
  if (argc < 2)
    return FALSE;

  if (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0 ||
      g_strcmp0 (argv[1], "--version") == 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return TRUE;

  return looks_like_command (argv[1]);
}

int
lectern_cli_run (int    argc,
                 char **argv)
{
  g_return_val_if_fail (lectern_cli_is_command (argc, argv), EXIT_USAGE);

  if (g_strcmp0 (argv[1], "--version") == 0)
    {
      g_print ("lectern %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0)
    return cmd_help (argc, argv);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return commands[i].func (argc, argv);

  g_printerr (_("lectern: unknown command “%s” (try “lectern --help”)\n"), argv[1]);
  return EXIT_USAGE;
}
