/* lectern-site-markdown.c: reading the Markdown organizers write by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-site-markdown.h"

void
lectern_markdown_link_clear (LecternMarkdownLink *link)
{
  g_clear_pointer (&link->text, g_free);
  g_clear_pointer (&link->url, g_free);
}

static char *
trimmed (const char *start,
         gsize       len)
{
  char *s = g_strndup (start, len);

  return g_strstrip (s);
}

/* "| 9:00am | **Talk** | Name |" -> "9:00am", "**Talk**", "Name": a pipe
 * escaped with a backslash or inside `code` does not end a cell.
 */
GPtrArray *
lectern_markdown_split_cells (const char *row)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *line = g_strstrip (g_strdup (row));
  const char *p = line;
  const char *start;
  gboolean code = FALSE;

  if (*p == '|')
    p++;
  start = p;

  for (; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '`')
        code = !code;
      else if (*p == '|' && !code)
        {
          g_ptr_array_add (cells, trimmed (start, p - start));
          start = p + 1;
        }
    }

  /* text after the last pipe is a cell only when the row did not end
   * with one */
  {
    g_autofree char *rest = trimmed (start, p - start);

    if (*rest != '\0' || cells->len == 0)
      g_ptr_array_add (cells, g_steal_pointer (&rest));
  }

  return cells;
}

/* "| --- | :---: |" */
gboolean
lectern_markdown_is_separator (GPtrArray *cells)
{
  if (cells->len == 0)
    return FALSE;

  for (guint i = 0; i < cells->len; i++)
    {
      const char *c = g_ptr_array_index (cells, i);
      gsize dashes = 0;

      if (*c == ':')
        c++;
      while (*c == '-')
        c++, dashes++;
      if (*c == ':')
        c++;
      if (dashes == 0 || *c != '\0')
        return FALSE;
    }

  return TRUE;
}

/* The length of a <br> tag at p ("<br>", "<br/>", "<br />", any case), or 0 */
static gsize
br_length (const char *p)
{
  const char *q = p;

  if (g_ascii_strncasecmp (q, "<br", 3) != 0)
    return 0;
  q += 3;
  while (*q == ' ')
    q++;
  if (*q == '/')
    q++;
  if (*q != '>')
    return 0;

  return q + 1 - p;
}

GPtrArray *
lectern_markdown_split_br (const char *cell)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = cell;
  const char *p = cell;

  while (*p != '\0')
    {
      gsize n = br_length (p);

      if (n == 0)
        {
          p++;
          continue;
        }

      {
        char *part = trimmed (start, p - start);

        if (*part != '\0')
          g_ptr_array_add (parts, part);
        else
          g_free (part);
      }
      p += n;
      start = p;
    }

  {
    char *part = trimmed (start, p - start);

    if (*part != '\0')
      g_ptr_array_add (parts, part);
    else
      g_free (part);
  }

  return parts;
}

/* "[text](url)" at or after @from; "[[slides]](url)" has the text "[slides]" */
gboolean
lectern_markdown_find_link (const char          *markdown,
                            gsize                from,
                            LecternMarkdownLink *link)
{
  const char *p;

  memset (link, 0, sizeof *link);

  for (p = markdown + from; *p != '\0'; p++)
    {
      const char *q;
      const char *close = NULL;
      const char *url_end;
      int depth = 0;

      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p != '[')
        continue;

      for (q = p; *q != '\0'; q++)
        {
          if (*q == '\\' && q[1] != '\0')
            q++;
          else if (*q == '[')
            depth++;
          else if (*q == ']' && --depth == 0)
            {
              close = q;
              break;
            }
        }

      if (close == NULL || close[1] != '(')
        continue;

      url_end = strchr (close + 2, ')');
      if (url_end == NULL)
        continue;

      link->text = g_strndup (p + 1, close - p - 1);
      link->url = trimmed (close + 2, url_end - close - 2);
      link->start = (p > markdown && p[-1] == '!' ? p - 1 : p) - markdown;
      link->end = url_end + 1 - markdown;
      return TRUE;
    }

  return FALSE;
}

static const struct
{
  const char *name;
  const char *text;
} entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
  { "apos", "'" }, { "nbsp", " " }, { "ndash", "–" }, { "mdash", "—" },
};

/* "&amp;" or "&#39;" at p: appended to @out, returns its length, or 0 */
static gsize
append_entity (GString    *out,
               const char *p)
{
  const char *semi = strchr (p, ';');
  g_autofree char *name = NULL;

  if (semi == NULL || semi - p > 10 || semi == p + 1)
    return 0;
  name = g_strndup (p + 1, semi - p - 1);

  if (name[0] == '#')
    {
      gboolean hex = name[1] == 'x' || name[1] == 'X';
      char *end = NULL;
      guint64 c = g_ascii_strtoull (name + (hex ? 2 : 1), &end, hex ? 16 : 10);

      if (end == NULL || *end != '\0' || end == name + (hex ? 2 : 1) ||
          c == 0 || !g_unichar_validate ((gunichar) c))
        return 0;
      g_string_append_unichar (out, (gunichar) c);
      return semi + 1 - p;
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strcmp (name, entities[i].name) == 0)
      {
        g_string_append (out, entities[i].text);
        return semi + 1 - p;
      }

  return 0;
}

/* Is this '_' an emphasis mark rather than part of a word (snake_case)? */
static gboolean
underscore_is_mark (const char *start,
                    const char *p)
{
  gboolean word_before = p > start && g_ascii_isalnum (p[-1]);
  gboolean word_after = g_ascii_isalnum (p[1]);

  return !(word_before && word_after);
}

/* "**Session I:** Scaling \*laws\* [paper](…) &amp; <i>more</i>" ->
 * "Session I: Scaling *laws* paper & more": what the reader of the page
 * sees, spaces collapsed and trimmed.
 */
char *
lectern_markdown_to_text (const char *markdown)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = markdown != NULL ? markdown : "";
  const char *start = p;

  while (*p != '\0')
    {
      gsize n;

      if (*p == '\\' && p[1] != '\0' && g_ascii_ispunct (p[1]))
        {
          g_string_append_c (out, p[1]);
          p += 2;
          continue;
        }
      if (*p == '*' || *p == '`' || (*p == '_' && underscore_is_mark (start, p)))
        {
          p++;
          continue;
        }
      if (*p == '&' && (n = append_entity (out, p)) > 0)
        {
          p += n;
          continue;
        }
      if (*p == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/'))
        {
          const char *close = strchr (p, '>');

          if (close != NULL)
            {
              g_string_append_c (out, ' ');
              p = close + 1;
              continue;
            }
        }
      if (*p == '[')
        {
          LecternMarkdownLink link;

          if (lectern_markdown_find_link (p, 0, &link) && link.start == 0)
            {
              g_autofree char *text = lectern_markdown_to_text (link.text);

              g_string_append (out, text);
              p += link.end;
              lectern_markdown_link_clear (&link);
              continue;
            }
          lectern_markdown_link_clear (&link);
        }
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          p++;
          continue;
        }

      g_string_append_c (out, *p);
      p++;
    }

  /* collapse the spaces tags left */
  {
    GString *clean = g_string_new (NULL);

    for (const char *q = out->str; *q != '\0'; q++)
      if (*q != ' ' || (clean->len > 0 && clean->str[clean->len - 1] != ' '))
        g_string_append_c (clean, *q);
    while (clean->len > 0 && clean->str[clean->len - 1] == ' ')
      g_string_truncate (clean, clean->len - 1);

    return g_string_free (clean, FALSE);
  }
}

static gboolean
is_emoji_part (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_OTHER_SYMBOL ||
         (type == G_UNICODE_MODIFIER_SYMBOL && c > 0x7f) ||
         c == 0x200d ||                      /* zero-width joiner */
         c == 0xfe0f || c == 0xfe0e ||       /* variation selectors */
         c == 0x20e3 ||                      /* keycap */
         (c >= 0x1f1e6 && c <= 0x1f1ff) ||   /* regional indicators */
         (c >= 0xe0020 && c <= 0xe007f);     /* tag characters */
}

/* "🧑‍🎓 **Poster Session**" -> "**Poster Session**", emoji "🧑‍🎓"; the
 * emoji may also open the bold text ("**🎛️ Session I**").
 */
char *
lectern_markdown_strip_emoji (const char  *text,
                              char       **emoji)
{
  const char *p = text;
  const char *bold = NULL;
  const char *e;

  *emoji = NULL;

  if (g_str_has_prefix (p, "**"))
    bold = p, p += 2;

  e = p;
  while (*e != '\0' && is_emoji_part (g_utf8_get_char (e)))
    e = g_utf8_next_char (e);

  if (e == p)
    return g_strdup (text);

  *emoji = g_strndup (p, e - p);
  while (*e == ' ')
    e++;

  if (bold != NULL)
    return g_strconcat ("**", e, NULL);

  return g_strdup (e);
}

/* "*Coffee break*" is wrapped in "*"; "**Poster**" is wrapped in "**"
 * (and not in "*"). Nothing else may stand outside the marks.
 */
gboolean
lectern_markdown_is_wrapped (const char *text,
                             const char *mark)
{
  gsize len = strlen (text);
  gsize m = strlen (mark);

  if (len <= 2 * m || strncmp (text, mark, m) != 0 || strcmp (text + len - m, mark) != 0)
    return FALSE;

  /* "*a*" but not "**a**" when asking for "*" */
  if (text[m] == mark[0] || text[len - m - 1] == mark[0])
    return FALSE;

  /* the marks must close around all of it: no other run of the mark inside */
  {
    g_autofree char *inner = g_strndup (text + m, len - 2 * m);

    return strstr (inner, mark) == NULL || m == 1;
  }
}

/* "Title <details><summary>Abstract</summary>We show…</details>" ->
 * "Title", details "We show…" (Markdown, as written)
 */
char *
lectern_markdown_take_details (const char  *markdown,
                               char       **details)
{
  const char *open = strstr (markdown, "<details");
  const char *body;
  const char *close;
  const char *summary_end;
  g_autofree char *before = NULL;

  *details = NULL;
  if (open == NULL)
    return g_strdup (markdown);

  body = strchr (open, '>');
  if (body == NULL)
    return g_strdup (markdown);
  body++;

  close = strstr (body, "</details>");
  summary_end = strstr (body, "</summary>");
  if (summary_end != NULL && (close == NULL || summary_end < close))
    body = summary_end + strlen ("</summary>");

  *details = trimmed (body, close != NULL ? (gsize) (close - body) : strlen (body));

  before = g_strndup (markdown, open - markdown);
  if (close != NULL)
    return g_strstrip (g_strconcat (before, close + strlen ("</details>"), NULL));

  return g_strstrip (g_steal_pointer (&before));
}
