/* lectern-cfp-reader.c: the call for papers, read from a site's call
 * page
 *
 * What `lectern import` takes from _pages/call.md, so that a site's
 * call is in the file from the start: the important dates, from the
 * list between Lectern's markers or under the heading that names them,
 * as the call pages write them:
 *   * Submission deadline: **`2025/05/27`**, 11:59PM UTC (note);
 *   * Acceptance notification: **`TBD`**
 * (a label, a day in code, a time with UTC or AoE, a note in
 * parentheses); the topics, from the list under the heading with
 * "topics": groups in bold at the top level, their items indented; the
 * call's text (under the heading that names the call) and its
 * additional details (their list), as Markdown; the first OpenReview
 * link, where submissions go. What cannot be read is
 * said, with its line, and left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lectern-cfp-deadline.h"
#include "lectern-cfp-reader.h"
#include "lectern-site-page.h"
#include "lectern-store-cfp.h"

static void
group_free (LecternCfpReadGroup *group)
{
  g_free (group->title);
  g_ptr_array_unref (group->items);
  g_free (group);
}

void
lectern_cfp_reading_free (LecternCfpReading *reading)
{
  if (reading == NULL)
    return;

  g_free (reading->submission_url);
  g_free (reading->venue);
  g_free (reading->intro);
  g_free (reading->details);
  g_ptr_array_unref (reading->dates);
  g_ptr_array_unref (reading->groups);
  g_free (reading);
}

/* The lines of @page before @at */
static guint
lines_before (const char *page,
              const char *at)
{
  guint n = 0;

  for (const char *p = page; p < at; p++)
    n += *p == '\n';
  return n;
}

/* The list's lines (from 0) between Lectern's markers of @name, or
 * under the heading with @words (lectern_site_page_find_list()):
 * [*first, *last) */
static gboolean
find_list (const char  *page,
           char       **lines,
           const char  *name,
           const char  *words,
           guint       *first,
           guint       *last)
{
  g_autofree char *begin = g_strdup_printf ("<!-- lectern:%s:begin", name);
  g_autofree char *end = g_strdup_printf ("<!-- lectern:%s:end", name);
  const char *heading, *list, *list_end;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], begin))
      {
        guint j = i + 1;

        while (lines[j] != NULL && !g_str_has_prefix (lines[j], end))
          j++;
        *first = i + 1;
        *last = j;
        return TRUE;
      }

  if (!lectern_site_page_find_list (page, words, &heading, &list, &list_end))
    return FALSE;
  *first = lines_before (page, list);
  *last = list_end == list ? *first : lines_before (page, list_end) + 1;
  return TRUE;
}

/* "**text**" -> "text", spaces and a final ";", "." or ":" off */
static char *
plain (const char *text,
       gboolean     drop_punctuation)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);

  if (drop_punctuation)
    while (len > 0 && strchr (";.:", copy[len - 1]) != NULL)
      copy[--len] = '\0';
  g_strchomp (copy);
  len = strlen (copy);
  if (len >= 4 && g_str_has_prefix (copy, "**") && g_str_has_suffix (copy, "**") &&
      strstr (copy + 2, "**") == copy + len - 2)
    return g_strndup (copy + 2, len - 4);
  return g_steal_pointer (&copy);
}

/* "11:59PM", "11:59 pm", "23:59" -> "23:59" */
static char *
read_clock (const char *text)
{
  int hour = -1, minute = -1, n = 0;
  const char *rest;

  if (sscanf (text, "%d:%2d%n", &hour, &minute, &n) != 2 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return NULL;
  rest = text + n;
  while (*rest == ' ')
    rest++;
  if (g_ascii_strncasecmp (rest, "pm", 2) == 0 && hour < 12)
    hour += 12;
  else if (g_ascii_strncasecmp (rest, "am", 2) == 0 && hour == 12)
    hour = 0;
  return g_strdup_printf ("%02d:%02d", hour, minute);
}

/* One line of the dates' list, or NULL */
static LecternCfpDate *
read_date (const char  *line,
           char       **why)
{
  g_autoptr(LecternCfpDate) date = lectern_cfp_date_new ();
  g_autofree char *label = NULL;
  g_autofree char *day = NULL;
  g_autofree char *rest = NULL;
  const char *colon, *tick, *close;
  int y, m, d;

  line += strspn (line, " \t");
  if (*line != '*' && *line != '-' && *line != '+')
    return NULL;
  line++;
  colon = strchr (line, ':');
  tick = colon != NULL ? strchr (colon, '`') : NULL;
  close = tick != NULL ? strchr (tick + 1, '`') : NULL;
  if (colon == NULL || tick == NULL || close == NULL)
    {
      *why = g_strdup (_("no “Label: **`YYYY/MM/DD`**” in it"));
      return NULL;
    }

  {
    g_autofree char *raw = g_strndup (line, colon - line);

    label = plain (raw, FALSE);
  }
  day = g_strstrip (g_strndup (tick + 1, close - tick - 1));
  lectern_cfp_date_set_kind (date, lectern_cfp_kind_for_label (label));
  /* the kind's own words need no label of their own */
  lectern_cfp_date_set_label (date, g_ascii_strcasecmp (lectern_cfp_kind_get_label (lectern_cfp_kind_for_label (label)), label) == 0
                                    ? "" : label);
  lectern_cfp_date_set_time (date, "");
  lectern_cfp_date_set_zone (date, "");
  lectern_cfp_date_set_note (date, "");
  lectern_cfp_date_set_extended_from (date, "");
  if (g_ascii_strcasecmp (day, "TBD") == 0)
    lectern_cfp_date_set_date (date, "");
  else if (sscanf (day, "%d%*[/-]%d%*[/-]%d", &y, &m, &d) == 3)
    {
      g_autofree char *iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);

      lectern_cfp_date_set_date (date, iso);
    }
  else
    {
      *why = g_strdup_printf (_("“%s” is not a day"), day);
      return NULL;
    }

  /* after the day: ", 11:59PM UTC", " (note)", and ";" or "." */
  close++;
  while (*close == '*')
    close++;
  rest = g_strstrip (g_strdup (close));
  {
    gsize len = strlen (rest);

    while (len > 0 && (rest[len - 1] == ';' || rest[len - 1] == '.'))
      rest[--len] = '\0';
    g_strchomp (rest);
  }
  if (rest[0] == ',')
    {
      const char *clock_text = rest + 1 + strspn (rest + 1, " ");
      const char *paren = strstr (clock_text, " (");
      g_autofree char *when = paren != NULL ? g_strndup (clock_text, paren - clock_text) : g_strdup (clock_text);
      g_autofree char *time = read_clock (when);
      const char *zone = strrchr (when, ' ');

      if (time != NULL)
        {
          lectern_cfp_date_set_time (date, time);
          if (zone != NULL && lectern_cfp_zone_is_valid (zone + 1))
            lectern_cfp_date_set_zone (date, g_ascii_strcasecmp (zone + 1, "aoe") == 0 ? "AoE" : zone + 1);
          else if (zone != NULL && g_ascii_strcasecmp (zone + 1, "UTC") != 0)
            *why = g_strdup_printf (_("the time zone “%s” was not understood: the time is read in UTC"), zone + 1);
        }
      memmove (rest, paren != NULL ? paren + 1 : "", strlen (paren != NULL ? paren + 1 : "") + 1);
    }
  g_strstrip (rest);
  if (rest[0] == '(' && rest[strlen (rest) - 1] == ')')
    {
      g_autofree char *note = g_strndup (rest + 1, strlen (rest) - 2);

      lectern_cfp_date_set_note (date, note);
    }

  return g_steal_pointer (&date);
}

/**
 * lectern_cfp_read_page:
 * @path: the page's path, for @notes
 * @page: its text
 * @notes: (element-type utf8): where to say what could not be read
 *
 * Returns: (transfer full) (nullable): the call, or %NULL when the page
 *   has neither dates nor topics
 */
LecternCfpReading *
lectern_cfp_read_page (const char *path,
                       const char *page,
                       GPtrArray  *notes)
{
  g_autoptr(LecternCfpReading) reading = g_new0 (LecternCfpReading, 1);
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);
  const char *link;
  guint first, last;

  reading->dates = g_ptr_array_new_with_free_func (g_object_unref);
  reading->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);

  if (find_list (page, lines, "cfp-dates", "important dates", &first, &last))
    for (guint i = first; i < last; i++)
      {
        g_autofree char *why = NULL;
        LecternCfpDate *date = read_date (lines[i], &why);

        if (date != NULL)
          g_ptr_array_add (reading->dates, date);
        if (why != NULL)
          g_ptr_array_add (notes, g_strdup_printf (_("%s, line %u: %s"), path, i + 1, why));
      }

  if (find_list (page, lines, "cfp-topics", "topics", &first, &last))
    for (guint i = first; i < last; i++)
      {
        const char *line = lines[i];
        gboolean indented = line[0] == ' ' || line[0] == '\t';
        LecternCfpReadGroup *group;
        g_autofree char *text = NULL;

        line += strspn (line, " \t");
        if (*line != '*' && *line != '-' && *line != '+')
          continue;
        text = plain (line + 1, TRUE);
        if (*text == '\0')
          continue;
        if (!indented)
          {
            group = g_new0 (LecternCfpReadGroup, 1);
            group->title = g_steal_pointer (&text);
            group->items = g_ptr_array_new_with_free_func (g_free);
            g_ptr_array_add (reading->groups, group);
            continue;
          }
        if (reading->groups->len == 0)
          {
            group = g_new0 (LecternCfpReadGroup, 1);
            group->title = g_strdup (_("Topics"));
            group->items = g_ptr_array_new_with_free_func (g_free);
            g_ptr_array_add (reading->groups, group);
          }
        group = g_ptr_array_index (reading->groups, reading->groups->len - 1);
        g_ptr_array_add (group->items, g_steal_pointer (&text));
      }

  /* the call's text: what the heading that names the call has before
   * the next heading; its additional details: their list */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (lines[i], -1);
      g_autoptr(GString) text = NULL;
      guint j;

      if (lines[i][0] != '#' || strstr (folded, "call for papers") == NULL)
        continue;
      text = g_string_new (NULL);
      for (j = i + 1; lines[j] != NULL && lines[j][0] != '#'; j++)
        g_string_append_printf (text, "%s\n", lines[j]);
      reading->intro = g_strstrip (g_string_free (g_steal_pointer (&text), FALSE));
      break;
    }
  if (find_list (page, lines, "cfp-details", "additional details", &first, &last) && last > first)
    {
      g_autofree char *joined = NULL;
      char *saved = lines[last];

      lines[last] = NULL;
      joined = g_strjoinv ("\n", lines + first);
      lines[last] = saved;
      reading->details = g_strstrip (g_steal_pointer (&joined));
    }

  /* where submissions go: the page's first OpenReview link */
  if ((link = strstr (page, "](https://openreview.net/")) != NULL)
    {
      const char *end = strchr (link + 2, ')');

      if (end != NULL)
        {
          reading->submission_url = g_strndup (link + 2, end - link - 2);
          reading->venue = g_strdup ("OpenReview");
        }
    }

  if (reading->dates->len == 0 && reading->groups->len == 0)
    return NULL;
  return g_steal_pointer (&reading);
}

/* Into the file (inside the import's transaction): the dates, topics
 * and link; the call stays unpublished until the organizers show it */
gboolean
lectern_cfp_reading_store (LecternCfpReading  *reading,
                           LecternStore       *store,
                           GError            **error)
{
  g_autoptr(LecternCfp) cfp = lectern_store_get_cfp (store, error);

  if (cfp == NULL)
    return FALSE;
  if (reading->submission_url != NULL)
    {
      lectern_cfp_set_submission_url (cfp, reading->submission_url);
      lectern_cfp_set_submission_venue (cfp, reading->venue);
    }
  if (reading->intro != NULL)
    lectern_cfp_set_intro (cfp, reading->intro);
  if (reading->details != NULL)
    lectern_cfp_set_details (cfp, reading->details);
  if (!lectern_store_update_cfp (store, cfp, error))
    return FALSE;

  for (guint i = 0; i < reading->dates->len; i++)
    {
      LecternCfpDate *read = g_ptr_array_index (reading->dates, i);
      g_autoptr(LecternCfpDate) date = lectern_store_add_cfp_date (store, lectern_cfp_date_get_kind (read),
                                                                  lectern_cfp_date_get_label (read), error);

      if (date == NULL)
        return FALSE;
      lectern_cfp_date_set_date (date, lectern_cfp_date_get_date (read));
      lectern_cfp_date_set_time (date, lectern_cfp_date_get_time (read));
      lectern_cfp_date_set_zone (date, lectern_cfp_date_get_zone (read));
      lectern_cfp_date_set_note (date, lectern_cfp_date_get_note (read));
      if (!lectern_store_update_cfp_date (store, date, error))
        return FALSE;
    }

  for (guint i = 0; i < reading->groups->len; i++)
    {
      LecternCfpReadGroup *read = g_ptr_array_index (reading->groups, i);
      g_autoptr(LecternCfpTopic) group = lectern_store_add_cfp_topic (store, 0, read->title, error);

      if (group == NULL)
        return FALSE;
      for (guint j = 0; j < read->items->len; j++)
        {
          g_autoptr(LecternCfpTopic) item = lectern_store_add_cfp_topic (store, lectern_cfp_topic_get_id (group),
                                                                         g_ptr_array_index (read->items, j), error);

          if (item == NULL)
            return FALSE;
        }
    }

  return TRUE;
}
