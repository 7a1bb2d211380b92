/* lectern-site-page.c: Lectern's blocks in the site's pages
 *
 * In _pages/about.md only the text between Lectern's markers is
 * Lectern's; on the first export, the note line and table under the
 * plan heading become that block. The rest of the page is never
 * touched. So too the call for papers' blocks: its dates and its
 * topics in _pages/call.md (the list under their headings, the first
 * time), and its announcement in the home page (only where the
 * organizers put its markers).
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

/* Another of Lectern's markers between a block's own would be lost by
 * writing the block (and the next export would differ): refused */
static gboolean
nothing_between (const char  *path,
                 const char  *page,
                 const char  *begin,
                 const char  *end,
                 const char  *what,
                 GError     **error)
{
  if (find_line (page, "<!-- lectern:", line_end (begin)) == end)
    return TRUE;

  g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
               _("%s has another of Lectern’s markers between its markers for %s. Move that block out of them, or remove the stray marker. Nothing was written."),
               path, what);
  return FALSE;
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

/* "<!-- lectern:NAME:begin (…) -->", the text, and the end marker,
 * each set off by a blank line */
char *
lectern_site_block_wrap (const char *name,
                         const char *about,
                         const char *text)
{
  return g_strdup_printf ("<!-- lectern:%s:begin (written by Lectern: %s in Lectern, not here) -->\n\n%s\n\n"
                          "<!-- lectern:%s:end -->", name, about, text, name);
}

/**
 * lectern_site_page_find_block:
 * @first_line: (out): the begin marker's line, from 1
 *
 * Returns: (transfer full) (nullable): the block, markers included, or
 *   %NULL when the page has no begin marker of that name
 */
char *
lectern_site_page_find_block (const char *page,
                              const char *name,
                              guint      *first_line)
{
  g_autofree char *begin_prefix = g_strdup_printf ("<!-- lectern:%s:begin", name);
  g_autofree char *end_prefix = g_strdup_printf ("<!-- lectern:%s:end -->", name);
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);
  g_autoptr(GString) block = g_string_new (NULL);
  gint begin = -1;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (begin < 0 && g_str_has_prefix (lines[i], begin_prefix))
        begin = i;
      if (begin < 0)
        continue;

      g_string_append_printf (block, "%s\n", lines[i]);
      if (g_str_has_prefix (lines[i], end_prefix))
        break;
    }

  if (begin < 0)
    return NULL;

  *first_line = begin + 1;
  return g_string_free (g_steal_pointer (&block), FALSE);
}

/* The lines of a and b, trailing spaces aside, are the same */
static gboolean
same_but_trailing_space (const char *a,
                         const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  guint n = g_strv_length (la);

  if (n != g_strv_length (lb))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (strcmp (g_strchomp (la[i]), g_strchomp (lb[i])) != 0)
      return FALSE;
  return TRUE;
}

/* A list block keeps the site's bytes where it says the same */
static char *
adapt_list (const char *block,
            const char *region)
{
  g_autofree char *trimmed = g_strdup (region);

  g_strstrip (trimmed);
  return g_strdup (same_but_trailing_space (block, trimmed) ? trimmed : block);
}

/* The heading line (a "#" line) whose text has the words, or NULL */
static const char *
find_heading_with (const char *page,
                   const char *words)
{
  g_autofree char *wanted = g_utf8_casefold (words, -1);

  for (const char *line = page; line && *line; )
    {
      const char *eol = line_end (line);

      if (*line == '#')
        {
          g_autofree char *text = g_utf8_casefold (line, eol - line);

          if (strstr (text, wanted) != NULL)
            return line;
        }
      line = *eol ? eol + 1 : NULL;
    }

  return NULL;
}

/**
 * lectern_site_page_find_list:
 * @page: a page's text
 * @words: what its heading says ("important dates"), any case
 * @heading: (out): the heading's line
 * @list: (out): the list's first line, past the blank lines after the
 *   heading
 * @list_end: (out): the end of its last line; @list when it has none
 *
 * The list under the first heading (a "#" line) that has @words: its
 * items and their indented lines. The writer replaces it the first
 * time (lectern_site_page_place()); the import reads it
 * (lectern-cfp-reader.c).
 *
 * Returns: whether the page has such a heading
 */
gboolean
lectern_site_page_find_list (const char  *page,
                             const char  *words,
                             const char **heading,
                             const char **list,
                             const char **list_end)
{
  const char *p;

  *heading = find_heading_with (page, words);
  if (*heading == NULL)
    return FALSE;

  p = *line_end (*heading) ? line_end (*heading) + 1 : line_end (*heading);
  while (*p && line_is_blank (p))
    p = *line_end (p) ? line_end (p) + 1 : line_end (p);
  *list = *list_end = p;
  while (*p == '*' || *p == '-' || *p == '+' || ((*p == ' ' || *p == '\t') && !line_is_blank (p)))
    {
      *list_end = line_end (p);
      p = *line_end (p) ? line_end (p) + 1 : line_end (p);
    }

  return TRUE;
}

/**
 * lectern_site_page_place:
 * @path: the page's path in the site, for messages
 * @page: the page as the site has it
 * @block: the block to place
 *
 * The page with the block in its place: between its markers; the first
 * time, instead of the list under its heading (LIST), or nowhere
 * (MARKERS: the page is returned as it is).
 *
 * Returns: (transfer full) (nullable): the page, or %NULL and an error
 *   naming what the page lacks
 */
char *
lectern_site_page_place (const char              *path,
                         const char              *page,
                         const LecternSiteBlock  *block,
                         GError                 **error)
{
  g_autofree char *begin_prefix = NULL;
  g_autofree char *end_marker = NULL;
  const char *begin;
  const char *end;
  const char *h;
  const char *list;
  const char *cursor;
  const char *replace_end;

  if (block->place == LECTERN_SITE_PLACE_TABLE)
    return lectern_site_page_place_block (page, block->heading, block->contents, error);

  begin_prefix = g_strdup_printf ("<!-- lectern:%s:begin", block->name);
  end_marker = g_strdup_printf ("<!-- lectern:%s:end -->", block->name);
  begin = find_line (page, begin_prefix, page);
  end = find_line (page, end_marker, page);

  if (begin != NULL || end != NULL)
    {
      g_autofree char *region = NULL;
      g_autofree char *adapted = NULL;

      if (begin == NULL || end == NULL || end < begin)
        {
          g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
                       _("%s has only one of Lectern’s two markers for %s (or they are in the wrong order). Restore the pair, or remove both. Nothing was written."),
                       path, block->what);
          return NULL;
        }
      if (!nothing_between (path, page, begin, end, block->what, error))
        return NULL;
      region = g_strndup (begin, line_end (end) - begin);
      adapted = adapt_list (block->contents, region);
      return join_around_block (page, begin - page, adapted, line_end (end));
    }

  if (block->place == LECTERN_SITE_PLACE_MARKERS)
    return g_strdup (page);

  /* First export: the list under the heading */
  if (!lectern_site_page_find_list (page, block->heading, &h, &list, &replace_end))
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_PLACE,
                   _("%s has neither Lectern’s markers for %s nor a heading with “%s”. Add the heading where they belong. Nothing was written."),
                   path, block->what, block->heading);
      return NULL;
    }

  /* from the heading's end: the blank lines and the list */
  cursor = *line_end (h) ? line_end (h) + 1 : line_end (h);
  if (replace_end == list)
    replace_end = cursor;

  {
    g_autofree char *region = g_strndup (cursor, replace_end - cursor);
    g_autofree char *adapted = adapt_list (block->contents, region);

    return join_around_block (page, line_end (h) - page, adapted, replace_end);
  }
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

      if (!nothing_between (LECTERN_SITE_PAGE, page, begin, end, _("the schedule"), error))
        return NULL;

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
