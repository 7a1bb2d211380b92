/* lectern-site-program.c: the program's calendar and conference-app
 * files, where the site serves them
 *
 * The export to the site writes the program as attendees' tools read
 * it, beside the site's own pages: schedule.ics (calendars,
 * lectern-site-ical.c), schedule.xml and schedule.json (conference apps,
 * lectern-site-frab.c), in the workshop's program folder (the event's
 * "program-folder", assets/schedule by default; none when it is empty).
 * They come from the same workshop file as the site's table, in the
 * same export (rendered on the render's threads, lectern-site-render.c),
 * so they cannot disagree with it. The calendar keeps the
 * stamps of the events that did not change (lectern-site-tree.c), so a
 * no-op export writes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-site-program.h"

static const struct
{
  const char *format;
  const char *name;
  const char *label;
} files[] = {
  { "ics", "schedule.ics", N_("Calendar (iCalendar)") },
  { "xml", "schedule.xml", N_("Conference apps (frab XML)") },
  { "json", "schedule.json", N_("Conference apps (c3voc JSON)") },
};

void
lectern_program_link_free (LecternProgramLink *link)
{
  if (link == NULL)
    return;

  g_free (link->path);
  g_free (link->url);
  g_free (link);
}

/* The folder without a final slash, or NULL when there is none */
static char *
program_folder (LecternEvent *event)
{
  const char *folder = lectern_event_get_program_folder (event);
  gsize len = folder != NULL ? strlen (folder) : 0;

  while (len > 0 && folder[len - 1] == '/')
    len--;

  return len > 0 ? g_strndup (folder, len) : NULL;
}

/**
 * lectern_site_program_links:
 * @event: the workshop
 *
 * The program's files in the site, with their address on the web when
 * the site's is known.
 *
 * Returns: (transfer full) (element-type LecternProgramLink): empty when
 *   the workshop writes none
 */
GPtrArray *
lectern_site_program_links (LecternEvent *event)
{
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_program_link_free);
  g_autofree char *folder = NULL;
  const char *site;
  gsize site_len;

  g_return_val_if_fail (LECTERN_IS_EVENT (event), links);

  folder = program_folder (event);
  if (folder == NULL)
    return links;

  site = lectern_event_get_site_url (event);
  site_len = site != NULL ? strlen (site) : 0;
  while (site_len > 0 && site[site_len - 1] == '/')
    site_len--;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      LecternProgramLink *link = g_new0 (LecternProgramLink, 1);

      link->label = _(files[i].label);
      link->format = files[i].format;
      link->path = g_strdup_printf ("%s/%s", folder, files[i].name);
      if (site_len > 0)
        link->url = g_strdup_printf ("%.*s/%s", (int) site_len, site, link->path);
      g_ptr_array_add (links, link);
    }

  return links;
}

/**
 * lectern_site_has_program:
 * @store: the workshop file
 * @has_program: (out): whether its schedule has a slot in it yet
 * @error: where to say why it could not be read
 *
 * Whether there is a program to write: the files are written once the
 * schedule has a slot, not before (an empty calendar on the site would
 * only puzzle attendees).
 */
gboolean
lectern_site_has_program (LecternStore  *store,
                          gboolean      *has_program,
                          GError       **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (store), FALSE);

  *has_program = lectern_store_has_scheduled_slots (store);
  return TRUE;
}

/* Whether the workshop writes the program's files into its site */
gboolean
lectern_site_program_wanted (LecternEvent *event)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (LECTERN_IS_EVENT (event), FALSE);

  folder = program_folder (event);
  return folder != NULL;
}

/**
 * lectern_site_program_add_files:
 * @tree: the site tree, to add the files to
 * @event: the workshop (where the files go)
 * @ics: (transfer full): the calendar (lectern_site_format_ical())
 * @xml: (transfer full): frab's schedule.xml (lectern_site_format_frab())
 * @json: (transfer full): the c3voc schedule.json
 *
 * Adds the program's three files to @tree, in the workshop's program
 * folder. The calendar leaves the breaks out: attendees subscribe to
 * talks.
 */
void
lectern_site_program_add_files (LecternSiteTree *tree,
                                LecternEvent    *event,
                                char            *ics,
                                char            *xml,
                                char            *json)
{
  g_autoptr(GPtrArray) links = NULL;
  char *texts[] = { ics, xml, json };

  g_return_if_fail (LECTERN_IS_SITE_TREE (tree));

  links = lectern_site_program_links (event);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) bytes = NULL;

      if (i >= links->len || texts[i] == NULL)
        {
          g_free (texts[i]);
          continue;
        }
      bytes = g_bytes_new_take (texts[i], strlen (texts[i]));
      lectern_site_tree_add (tree, ((LecternProgramLink *) g_ptr_array_index (links, i))->path, bytes,
                             LECTERN_SITE_FILE_PROGRAM);
    }
}
