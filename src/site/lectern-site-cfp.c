/* lectern-site-cfp.c: the call for papers in the site
 *
 * When the workshop's call is published (LecternCfp:published), the
 * export writes it from the file, so that the call page and the home
 * page can never disagree:
 *  - _pages/call.md: the important dates and the relevant topics, each
 *    between Lectern's markers (the first time, instead of the list
 *    under the heading that names them), in the site's style:
 *      * Submission deadline: **`2025/05/27`**, 11:59PM UTC (note);
 *      * **Training and inference**:
 *        * Training of large models;
 *    The rest of the page is never touched.
 *  - _pages/about.md: the call's announcement, a sentence chosen by the
 *    deadline's state on the day of the export (coming soon, open,
 *    extended, closed), only where the organizers put its markers.
 *  - _data/cfp.yml: the same, as data for Liquid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lectern-site-cfp.h"
#include "lectern-site-page.h"
#include "lectern-store-cfp.h"
#include "lectern-yaml-writer.h"

#define ABOUT_DATES  "edit the call’s dates"
#define ABOUT_TOPICS "edit the call’s topics"
#define ABOUT_NEWS   "edit the call for papers"

/* How the announcements of an open call begin */
#define OPEN_WORDS     "➡️ **Submissions are open!**"
#define EXTENDED_WORDS "➡️ **The submission deadline is extended to "

static const char *months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December",
};

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* "2025/05/27", as the call pages write a day */
static char *
slashed (const char *day)
{
  g_autofree char *copy = g_strdup (day);

  g_strdelimit (copy, "-", '/');
  return g_steal_pointer (&copy);
}

/* "May 27, 2025" (the site is in English, whatever the organizer's
 * language) */
static char *
spelled (const char *day)
{
  int year, month, d;

  if (day == NULL || sscanf (day, "%d-%d-%d", &year, &month, &d) != 3 || month < 1 || month > 12)
    return g_strdup (day != NULL ? day : "");
  return g_strdup_printf ("%s %d, %d", months[month - 1], d, year);
}

/**
 * lectern_site_cfp_dates:
 * @dates: (element-type LecternCfpDate): in order
 *
 * The dates' list, as the call pages write it: a day still to be
 * announced is **`TBD`**.
 *
 * Returns: (transfer full): the list, without markers
 */
char *
lectern_site_cfp_dates (GListModel *dates)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (dates);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternCfpDate) date = g_list_model_get_item (dates, i);
      g_autofree char *day = lectern_cfp_date_is_set (date) ? slashed (lectern_cfp_date_get_date (date))
                                                             : g_strdup ("TBD");
      g_autofree char *clock = lectern_cfp_date_format_clock (date);

      g_string_append_printf (out, "* %s: **`%s`**", lectern_cfp_date_get_name (date), day);
      if (clock != NULL)
        g_string_append_printf (out, ", %s", clock);
      if (!is_empty (lectern_cfp_date_get_note (date)))
        g_string_append_printf (out, " (%s)", lectern_cfp_date_get_note (date));
      g_string_append (out, i + 1 < n ? ";\n" : "\n");
    }
  if (out->len > 0)
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/* An item's text with its list's punctuation: ";" between, "." last */
static void
append_item (GString    *out,
             const char *text,
             gboolean    last)
{
  gsize len = strlen (text);

  g_string_append_printf (out, "  * %s", text);
  if (len == 0 || strchr (".;:!?", text[len - 1]) == NULL)
    g_string_append_c (out, last ? '.' : ';');
  g_string_append_c (out, '\n');
}

static char *
render_topics (LecternStore  *store,
               GError       **error)
{
  g_autoptr(GListModel) groups = lectern_store_list_cfp_topics (store, 0, error);
  GString *out;

  if (groups == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(LecternCfpTopic) group = g_list_model_get_item (groups, i);
      g_autoptr(GListModel) items = lectern_store_list_cfp_topics (store, lectern_cfp_topic_get_id (group), error);
      guint n;

      if (items == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      n = g_list_model_get_n_items (items);
      g_string_append_printf (out, "* **%s**%s\n", lectern_cfp_topic_get_text (group), n > 0 ? ":" : "");
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(LecternCfpTopic) item = g_list_model_get_item (items, j);

          append_item (out, lectern_cfp_topic_get_text (item), j + 1 == n);
        }
    }
  if (out->len > 0)
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/* "[OpenReview](https://…)", or the venue's name alone */
static char *
venue_link (LecternCfp *cfp)
{
  const char *venue = !is_empty (lectern_cfp_get_submission_venue (cfp)) ? lectern_cfp_get_submission_venue (cfp)
                                                                          : "OpenReview";

  if (is_empty (lectern_cfp_get_submission_url (cfp)))
    return g_strdup (venue);
  return g_strdup_printf ("[%s](%s)", venue, lectern_cfp_get_submission_url (cfp));
}

/* "May 27, 2025, 11:59PM UTC" */
static char *
spelled_deadline (LecternCfpDate *date)
{
  g_autofree char *day = spelled (lectern_cfp_date_get_date (date));
  g_autofree char *clock = lectern_cfp_date_format_clock (date);

  return clock != NULL ? g_strdup_printf ("%s, %s", day, clock) : g_steal_pointer (&day);
}

/**
 * lectern_site_cfp_announcement:
 * @state: the call's state on the day of the export
 *
 * The home page's sentence about the call.
 *
 * Returns: (transfer full): one line of Markdown
 */
char *
lectern_site_cfp_announcement (LecternCfp      *cfp,
                               GListModel      *dates,
                               LecternCfpState  state)
{
  g_autoptr(LecternCfpDate) deadline = lectern_cfp_find_date (dates, "submission");
  g_autoptr(LecternCfpDate) notification = lectern_cfp_find_date (dates, "notification");
  g_autofree char *venue = venue_link (cfp);
  g_autofree char *when = deadline != NULL && lectern_cfp_date_is_set (deadline) ? spelled_deadline (deadline) : NULL;
  g_autofree char *note = deadline != NULL && !is_empty (lectern_cfp_date_get_note (deadline))
                          ? g_strdup_printf (" (%s)", lectern_cfp_date_get_note (deadline)) : g_strdup ("");

  switch (state)
    {
    case LECTERN_CFP_OPEN:
      return g_strdup_printf (OPEN_WORDS " Submit on %s by **%s**%s.", venue, when, note);

    case LECTERN_CFP_EXTENDED:
      return g_strdup_printf (EXTENDED_WORDS "%s**%s. Submit on %s.", when, note, venue);

    case LECTERN_CFP_CLOSED:
      if (notification != NULL && lectern_cfp_date_is_set (notification))
        {
          g_autofree char *decisions = spelled (lectern_cfp_date_get_date (notification));

          return g_strdup_printf ("➡️ **Submissions are closed.** Thank you to everyone who submitted! "
                                  "Decisions will be sent by %s.", decisions);
        }
      return g_strdup ("➡️ **Submissions are closed.** Thank you to everyone who submitted!");

    case LECTERN_CFP_UPCOMING:
    default:
      return g_strdup ("➡️ **The call for papers is coming soon.**");
    }
}

/* Whether the text (the home page's announcement block) says the call
 * is open or extended */
gboolean
lectern_site_cfp_announces_open (const char *text)
{
  return text != NULL && (strstr (text, OPEN_WORDS) != NULL || strstr (text, EXTENDED_WORDS) != NULL);
}

static GBytes *
render_data (LecternCfp       *cfp,
             GListModel       *dates,
             LecternStore     *store,
             LecternCfpState   state,
             GError          **error)
{
  g_autoptr(LecternYamlWriter) w = lectern_yaml_writer_new ();
  g_autoptr(GListModel) groups = lectern_store_list_cfp_topics (store, 0, error);

  if (groups == NULL)
    return NULL;

  lectern_yaml_writer_begin_mapping (w);
  lectern_yaml_writer_pair (w, "state", lectern_cfp_state_to_string (state));
  lectern_yaml_writer_pair (w, "submission_url", lectern_cfp_get_submission_url (cfp));
  lectern_yaml_writer_pair (w, "submission_venue", lectern_cfp_get_submission_venue (cfp));
  lectern_yaml_writer_pair (w, "intro", lectern_cfp_get_intro (cfp));
  lectern_yaml_writer_pair (w, "details", lectern_cfp_get_details (cfp));
  lectern_yaml_writer_string (w, "dates");
  lectern_yaml_writer_begin_sequence (w);
  for (guint i = 0; i < g_list_model_get_n_items (dates); i++)
    {
      g_autoptr(LecternCfpDate) date = g_list_model_get_item (dates, i);
      g_autoptr(GDateTime) moment = lectern_cfp_date_dup_moment (date);
      g_autoptr(GDateTime) utc = moment != NULL ? g_date_time_to_utc (moment) : NULL;
      g_autofree char *utc_text = utc != NULL ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
      g_autofree char *clock = lectern_cfp_date_format_clock (date);

      lectern_yaml_writer_begin_mapping (w);
      lectern_yaml_writer_pair (w, "kind", lectern_cfp_date_get_kind (date));
      lectern_yaml_writer_pair (w, "label", lectern_cfp_date_get_name (date));
      lectern_yaml_writer_pair (w, "date", lectern_cfp_date_get_date (date));
      lectern_yaml_writer_pair (w, "time", lectern_cfp_date_get_time (date));
      lectern_yaml_writer_pair (w, "zone", lectern_cfp_date_get_zone (date));
      lectern_yaml_writer_pair (w, "shown", clock);
      lectern_yaml_writer_pair (w, "utc", utc_text);
      lectern_yaml_writer_pair (w, "note", lectern_cfp_date_get_note (date));
      lectern_yaml_writer_pair (w, "extended_from", lectern_cfp_date_get_extended_from (date));
      lectern_yaml_writer_end_mapping (w);
    }
  lectern_yaml_writer_end_sequence (w);

  lectern_yaml_writer_string (w, "topics");
  lectern_yaml_writer_begin_sequence (w);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(LecternCfpTopic) group = g_list_model_get_item (groups, i);
      g_autoptr(GListModel) items = lectern_store_list_cfp_topics (store, lectern_cfp_topic_get_id (group), error);

      if (items == NULL)
        return NULL;
      lectern_yaml_writer_begin_mapping (w);
      lectern_yaml_writer_pair (w, "title", lectern_cfp_topic_get_text (group));
      lectern_yaml_writer_string (w, "items");
      lectern_yaml_writer_begin_sequence (w);
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(LecternCfpTopic) item = g_list_model_get_item (items, j);

          lectern_yaml_writer_string (w, lectern_cfp_topic_get_text (item));
        }
      lectern_yaml_writer_end_sequence (w);
      lectern_yaml_writer_end_mapping (w);
    }
  lectern_yaml_writer_end_sequence (w);
  lectern_yaml_writer_end_mapping (w);

  return lectern_yaml_writer_finish_file (w, "# Written by Lectern from the workshop file; edit the call for papers in Lectern.\n",
                                          error);
}

/**
 * lectern_site_render_cfp:
 * @now: the day of the export, for the announcement
 *
 * Adds the call's blocks and data to @tree, when the call is published;
 * nothing otherwise.
 */
gboolean
lectern_site_render_cfp (LecternStore     *store,
                         LecternSiteTree  *tree,
                         GDateTime        *now,
                         GError          **error)
{
  g_autoptr(LecternCfp) cfp = NULL;
  g_autoptr(GListModel) dates = NULL;
  g_autofree char *list = NULL, *topics = NULL, *news = NULL;
  g_autofree char *dates_block = NULL, *topics_block = NULL, *news_block = NULL;
  g_autoptr(GBytes) data = NULL;
  LecternCfpState state;

  if (!(cfp = lectern_store_get_cfp (store, error)))
    return FALSE;
  if (!lectern_cfp_get_published (cfp))
    return TRUE;

  if (!(dates = lectern_store_list_cfp_dates (store, error)) || !(topics = render_topics (store, error)))
    return FALSE;

  state = lectern_cfp_get_state (cfp, dates, now);
  list = lectern_site_cfp_dates (dates);
  news = lectern_site_cfp_announcement (cfp, dates, state);
  if (!(data = render_data (cfp, dates, store, state, error)))
    return FALSE;

  dates_block = lectern_site_block_wrap ("cfp-dates", ABOUT_DATES, list);
  topics_block = lectern_site_block_wrap ("cfp-topics", ABOUT_TOPICS, topics);
  news_block = lectern_site_block_wrap ("cfp-announcement", ABOUT_NEWS, news);

  lectern_site_tree_add_named_block (tree, LECTERN_SITE_CALL_PAGE, "cfp-dates", _("the call’s dates"),
                                     "important dates", LECTERN_SITE_PLACE_LIST, dates_block);
  if (*topics != '\0')
    lectern_site_tree_add_named_block (tree, LECTERN_SITE_CALL_PAGE, "cfp-topics", _("the call’s topics"),
                                       "topics", LECTERN_SITE_PLACE_LIST, topics_block);
  lectern_site_tree_add_named_block (tree, LECTERN_SITE_PAGE, "cfp-announcement", _("the call’s announcement"),
                                     NULL, LECTERN_SITE_PLACE_MARKERS, news_block);
  lectern_site_tree_add (tree, LECTERN_SITE_CFP_DATA, data, LECTERN_SITE_FILE_DATA);

  return TRUE;
}
