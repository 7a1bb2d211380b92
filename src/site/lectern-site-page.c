/* lectern-site-page.c: Lectern's block in the site's home page
 *
 * In _pages/about.md only the text between Lectern's markers is
 * Lectern's; on the first export, the note line and table under the
 * plan heading become that block. The rest of the page is never
 * touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-export-result.h"
#include "lectern-site-adapt.h"
#include "lectern-site-page.h"

/* Finds a line that starts with prefix; returns its start, or NULL. */
static const char *
find_line (const char *text,
           const char *prefix,
           const char *from)
{
  gsize len = strlen (prefix);

  for (const char *line = from; line && *line; )
    {
      const char *eol = strchr (line, '\n');

      if (strncmp (line, prefix, len) == 0)
        return line;

      line = eol ? eol + 1 : NULL;
    }

  return NULL;
}

static const char *
line_end (const char *line)
{
  const char *eol = strchr (line, '\n');

  return eol ? eol : line + strlen (line);
}

static gboolean
line_is_blank (const char *line)
{
  for (const char *p = line; *p && *p != '\n'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* prefix + block + rest, with exactly one blank line on each side of
 * the block: a comment glued to a table keeps kramdown from rendering
 * the table.
 */
static char *
join_around_block (const char *text,
                   gsize       prefix_len,
                   const char *block,
                   const char *rest)
{
  GString *out = g_string_new_len (text, prefix_len);

  while (out->len > 0 && (out->str[out->len - 1] == '\n' || out->str[out->len - 1] == '\r'))
    g_string_truncate (out, out->len - 1);
  if (out->len > 0)
    g_string_append (out, "\n\n");

  g_string_append (out, block);

  while (*rest == '\n' || *rest == '\r')
    rest++;
  if (*rest != '\0')
    g_string_append_printf (out, "\n\n%s", rest);
  else
    g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/* The page with the block in its place, or NULL and an error naming
 * what the page lacks.
 */
char *
lectern_site_page_place_block (const char  *page,
                               const char  *heading,
                               const char  *block,
                               GError     **error)
{
  const char *begin = find_line (page, "<!-- lectern:schedule:begin", page);
  const char *end = find_line (page, LECTERN_SCHEDULE_END_MARKER, page);
  const char *h;
  const char *cursor;
  const char *replace_end;

  if (begin != NULL || end != NULL)
    {
      if (begin == NULL || end == NULL || end < begin)
        {
          g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
                       _("%s has only one of Lectern’s two schedule markers (or they are in the wrong order). Restore the pair, or remove both to place the schedule under its heading again. Nothing was written."),
                       LECTERN_SITE_PAGE);
          return NULL;
        }

      {
        g_autofree char *region = g_strndup (begin, line_end (end) - begin);
        g_autofree char *adapted = lectern_site_adapt_block (block, region);

        return join_around_block (page, begin - page, adapted, line_end (end));
      }
    }

  /* First export: the note and the table under the plan heading. */
  h = NULL;
  for (const char *line = page; line && *line; )
    {
      const char *eol = line_end (line);
      g_autofree char *text = g_strndup (line, eol - line);

      g_strchomp (text);
      if (g_strcmp0 (text, heading) == 0)
        {
          h = line;
          break;
        }
      line = *eol ? eol + 1 : NULL;
    }

  if (h == NULL)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_PLACE,
                   _("%s has neither Lectern’s schedule markers nor the heading “%s”. Add the heading where the schedule belongs (or set another heading in the event’s details). Nothing was written."),
                   LECTERN_SITE_PAGE, heading);
      return NULL;
    }

  cursor = *line_end (h) ? line_end (h) + 1 : line_end (h);
  replace_end = cursor;

  {
    const char *p = cursor;

    while (*p && line_is_blank (p))
      p = *line_end (p) ? line_end (p) + 1 : line_end (p);

    if (*p == '*')          /* the italic note line */
      {
        replace_end = line_end (p);
        p = *line_end (p) ? line_end (p) + 1 : line_end (p);
        while (*p && line_is_blank (p))
          p = *line_end (p) ? line_end (p) + 1 : line_end (p);
      }

    while (*p == '|')       /* the table */
      {
        replace_end = line_end (p);
        p = *line_end (p) ? line_end (p) + 1 : line_end (p);
      }
  }

  {
    g_autofree char *region = g_strndup (cursor, replace_end - cursor);
    g_autofree char *adapted = lectern_site_adapt_block (block, region);

    return join_around_block (page, line_end (h) - page, adapted, replace_end);
  }
}
