/* lectern-cli-cfp.c: `lectern cfp show|date|link|topic|publish`
 *
 * The call for papers from the command line: its dates (each named by
 * its label: "Submission deadline", "Acceptance notification", or the
 * organizers' own), the link to submit to, its topics, and whether the
 * site shows it. Each command is one undo step in the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-cfp-deadline.h"
#include "lectern-cli-private.h"
#include "lectern-store-cfp.h"

#define USAGE \
  "lectern cfp show FILE\n" \
  "       lectern cfp date FILE --label L [--kind K] [--date YYYY-MM-DD | --tbd] [--time HH:MM --zone Z]\n" \
  "                             [--note N] [--extend] [--remove]\n" \
  "       lectern cfp link FILE URL [--venue NAME]\n" \
  "       lectern cfp topic FILE --group G [--item I]\n" \
  "       lectern cfp publish FILE [--off]"

typedef struct
{
  char     *label;
  char     *kind;
  char     *date;
  char     *time;
  char     *zone;
  char     *note;
  char     *venue;
  char     *group;
  char     *item;
  gboolean  tbd;
  gboolean  extend;
  gboolean  remove;
  gboolean  off;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->label);
  g_free (o->kind);
  g_free (o->date);
  g_free (o->time);
  g_free (o->zone);
  g_free (o->note);
  g_free (o->venue);
  g_free (o->group);
  g_free (o->item);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
fail (const char *context,
      GError     *error)
{
  lectern_cli_print_error (context, error);
  return EXIT_FAILURE;
}

static int
cfp_show (LecternStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCfp) cfp = lectern_store_get_cfp (store, &error);
  g_autoptr(GListModel) dates = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (cfp == NULL || !(dates = lectern_store_list_cfp_dates (store, &error)) ||
      !(groups = lectern_store_list_cfp_topics (store, 0, &error)))
    return fail (NULL, error);

  g_print (_("Call for papers: %s (%s)\n"),
           lectern_cfp_get_published (cfp) ? _("published") : _("not published"),
           lectern_cfp_state_to_string (lectern_cfp_get_state (cfp, dates, now)));
  g_print (_("Submit on: %s %s\n"), lectern_cfp_get_submission_venue (cfp),
           *lectern_cfp_get_submission_url (cfp) ? lectern_cfp_get_submission_url (cfp) : _("(no link yet)"));

  for (guint i = 0; i < g_list_model_get_n_items (dates); i++)
    {
      g_autoptr(LecternCfpDate) date = g_list_model_get_item (dates, i);
      g_autofree char *clock = lectern_cfp_date_format_clock (date);
      g_autofree char *in_utc = lectern_cfp_date_format_in (date, utc);

      g_print ("%s\t%s\t%s\t%s\t%s\n", lectern_cfp_date_get_name (date),
               lectern_cfp_date_is_set (date) ? lectern_cfp_date_get_date (date) : "TBD",
               clock != NULL ? clock : "", in_utc != NULL && clock != NULL ? in_utc : "",
               lectern_cfp_date_get_note (date));
    }

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(LecternCfpTopic) group = g_list_model_get_item (groups, i);
      g_autoptr(GListModel) items = lectern_store_list_cfp_topics (store, lectern_cfp_topic_get_id (group), NULL);

      g_print ("* %s\n", lectern_cfp_topic_get_text (group));
      for (guint j = 0; items != NULL && j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(LecternCfpTopic) item = g_list_model_get_item (items, j);

          g_print ("  * %s\n", lectern_cfp_topic_get_text (item));
        }
    }

  problems = lectern_cfp_check (cfp, dates);
  for (guint i = 0; i < problems->len; i++)
    g_printerr (_("warning: %s\n"), (const char *) g_ptr_array_index (problems, i));

  return EXIT_SUCCESS;
}

static LecternCfpDate *
find_by_label (GListModel *dates,
               const char *label)
{
  for (guint i = 0; i < g_list_model_get_n_items (dates); i++)
    {
      g_autoptr(LecternCfpDate) date = g_list_model_get_item (dates, i);

      if (g_ascii_strcasecmp (lectern_cfp_date_get_name (date), label) == 0)
        return g_steal_pointer (&date);
    }
  return NULL;
}

static int
cfp_date (LecternStore *store,
          Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) dates = NULL;
  g_autoptr(LecternCfpDate) date = NULL;
  g_autofree char *step = NULL;
  const char *kind;

  if (o->label == NULL)
    {
      g_printerr (_("lectern: cfp date needs --label (such as “Submission deadline”)\n"));
      return EXIT_USAGE;
    }
  if (!(dates = lectern_store_list_cfp_dates (store, &error)))
    return fail (NULL, error);

  date = find_by_label (dates, o->label);
  if (o->remove)
    {
      if (date == NULL)
        {
          g_printerr (_("lectern: the call has no date “%s”\n"), o->label);
          return EXIT_FAILURE;
        }
      if (!lectern_store_remove_cfp_date (store, date, &error))
        return fail (NULL, error);
      g_print (_("Removed “%s”\n"), lectern_cfp_date_get_name (date));
      return EXIT_SUCCESS;
    }

  /* Translators: an undo step; %s is a date's name */
  step = g_strdup_printf (_("Set the date “%s”"), o->label);
  if (!lectern_store_begin_action (store, step, &error))
    return fail (NULL, error);

  if (date == NULL)
    {
      /* the kind the label names; the label kept unless it is the kind's own */
      kind = o->kind != NULL ? o->kind : lectern_cfp_kind_for_label (o->label);
      date = lectern_store_add_cfp_date (store, kind,
                                         g_ascii_strcasecmp (lectern_cfp_kind_get_label (kind), o->label) == 0
                                         ? NULL : o->label,
                                         &error);
      if (date == NULL)
        {
          lectern_store_rollback (store);
          return fail (NULL, error);
        }
    }
  else if (o->kind != NULL)
    lectern_cfp_date_set_kind (date, o->kind);

  if (o->date != NULL || o->tbd)
    {
      const char *before = lectern_cfp_date_get_date (date);

      /* an extension: the deadline moved later, and says so */
      if (o->extend && o->date != NULL && *before != '\0' && strcmp (before, o->date) < 0)
        lectern_cfp_date_set_extended_from (date, before);
      lectern_cfp_date_set_date (date, o->tbd ? "" : o->date);
      if (o->tbd)
        {
          lectern_cfp_date_set_time (date, "");
          lectern_cfp_date_set_zone (date, "");
        }
    }
  if (o->time != NULL)
    lectern_cfp_date_set_time (date, o->time);
  if (o->zone != NULL)
    lectern_cfp_date_set_zone (date, o->zone);
  if (o->note != NULL)
    lectern_cfp_date_set_note (date, o->note);

  if (!lectern_store_update_cfp_date (store, date, &error) || !lectern_store_commit (store, &error))
    {
      lectern_store_rollback (store);
      return fail (NULL, error);
    }

  {
    g_autofree char *clock = lectern_cfp_date_format_clock (date);

    g_print ("%s: %s%s%s\n", lectern_cfp_date_get_name (date),
             lectern_cfp_date_is_set (date) ? lectern_cfp_date_get_date (date) : "TBD",
             clock != NULL ? ", " : "", clock != NULL ? clock : "");
  }
  return EXIT_SUCCESS;
}

static int
cfp_link (LecternStore *store,
          const char   *url,
          Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCfp) cfp = lectern_store_get_cfp (store, &error);

  if (cfp == NULL)
    return fail (NULL, error);
  lectern_cfp_set_submission_url (cfp, url);
  if (o->venue != NULL)
    lectern_cfp_set_submission_venue (cfp, o->venue);
  if (!lectern_store_update_cfp (store, cfp, &error))
    return fail (NULL, error);

  g_print (_("Submissions go to %s\n"), url);
  return EXIT_SUCCESS;
}

static int
cfp_topic (LecternStore *store,
           Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(LecternCfpTopic) group = NULL;
  g_autoptr(LecternCfpTopic) item = NULL;

  if (o->group == NULL)
    {
      g_printerr (_("lectern: cfp topic needs --group (and --item to add one to it)\n"));
      return EXIT_USAGE;
    }
  if (!(groups = lectern_store_list_cfp_topics (store, 0, &error)))
    return fail (NULL, error);
  for (guint i = 0; i < g_list_model_get_n_items (groups) && group == NULL; i++)
    {
      g_autoptr(LecternCfpTopic) candidate = g_list_model_get_item (groups, i);

      if (g_strcmp0 (lectern_cfp_topic_get_text (candidate), o->group) == 0)
        group = g_steal_pointer (&candidate);
    }

  if (!lectern_store_begin_action (store, _("Add a topic"), &error))
    return fail (NULL, error);
  if (group == NULL && !(group = lectern_store_add_cfp_topic (store, 0, o->group, &error)))
    {
      lectern_store_rollback (store);
      return fail (NULL, error);
    }
  if (o->item != NULL &&
      !(item = lectern_store_add_cfp_topic (store, lectern_cfp_topic_get_id (group), o->item, &error)))
    {
      lectern_store_rollback (store);
      return fail (NULL, error);
    }
  if (!lectern_store_commit (store, &error))
    return fail (NULL, error);

  return EXIT_SUCCESS;
}

static int
cfp_publish (LecternStore *store,
             Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCfp) cfp = lectern_store_get_cfp (store, &error);

  if (cfp == NULL)
    return fail (NULL, error);
  lectern_cfp_set_published (cfp, !o->off);
  if (!lectern_store_update_cfp (store, cfp, &error))
    return fail (NULL, error);

  g_print (o->off ? _("The export leaves the call for papers alone\n")
                  : _("The export writes the call for papers into the site\n"));
  return EXIT_SUCCESS;
}

int
lectern_cli_cfp (int    argc,
                 char **argv)
{
  g_auto(Options) o = { 0 };
  const GOptionEntry entries[] = {
    { "label", 0, 0, G_OPTION_ARG_STRING, &o.label, N_("The date’s name, such as “Submission deadline”"), N_("LABEL") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind, N_("submission, notification, camera-ready, workshop or other"),
      N_("KIND") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date, N_("The day"), N_("YYYY-MM-DD") },
    { "tbd", 0, 0, G_OPTION_ARG_NONE, &o.tbd, N_("The day is still to be announced"), NULL },
    { "time", 0, 0, G_OPTION_ARG_STRING, &o.time, N_("The time, 24-hour"), N_("HH:MM") },
    { "zone", 0, 0, G_OPTION_ARG_STRING, &o.zone, N_("UTC, AoE or a zone such as America/Vancouver"), N_("ZONE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &o.note, N_("A note shown after the date (Markdown)"), N_("TEXT") },
    { "extend", 0, 0, G_OPTION_ARG_NONE, &o.extend, N_("The new day extends the deadline (the site says so)"), NULL },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &o.remove, N_("Remove the date"), NULL },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &o.venue, N_("Where submissions go, such as OpenReview"), N_("NAME") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &o.group, N_("A group of topics"), N_("TEXT") },
    { "item", 0, 0, G_OPTION_ARG_STRING, &o.item, N_("A topic of the group"), N_("TEXT") },
    { "off", 0, 0, G_OPTION_ARG_NONE, &o.off, N_("Stop writing the call into the site"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lectern_cli_new_context ("cfp COMMAND FILE", _("Show or change the call for papers"), entries);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *name; int n_args; } verbs[] = {
    { "show", 0 }, { "date", 0 }, { "link", 1 }, { "topic", 0 }, { "publish", 0 },
  };
  const char *verb;
  int n_args = -1;

  g_option_context_set_description (context, USAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("lectern: %s\n", error->message);
      g_printerr (_("Try “lectern cfp --help”.\n"));
      return EXIT_USAGE;
    }

  verb = argc > 2 ? argv[2] : "";
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (verb, verbs[i].name))
      n_args = verbs[i].n_args;
  if (n_args < 0)
    {
      g_printerr (_("lectern: unknown cfp command “%s”; use:\n       %s\n"), verb, USAGE);
      return EXIT_USAGE;
    }
  if (argc != 4 + n_args)
    {
      g_printerr (_("lectern: expected: %s\n"), USAGE);
      return EXIT_USAGE;
    }

  if (!(store = lectern_cli_open_store (argv[3])))
    return EXIT_FAILURE;

  if (g_str_equal (verb, "show"))
    return cfp_show (store);
  if (g_str_equal (verb, "date"))
    return cfp_date (store, &o);
  if (g_str_equal (verb, "link"))
    return cfp_link (store, argv[4], &o);
  if (g_str_equal (verb, "topic"))
    return cfp_topic (store, &o);
  return cfp_publish (store, &o);
}
