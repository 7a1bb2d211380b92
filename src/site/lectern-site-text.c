/* lectern-site-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-schedule-ops.h"
#include "lectern-site-text.h"

/* Characters HTML and Liquid would act on become entities; the rest is
 * copied, with line breaks folded into spaces (a value is one line).
 */
static void
append_html_char (GString  *out,
                  gunichar  c)
{
  switch (c)
    {
    case '&': g_string_append (out, "&amp;"); break;
    case '<': g_string_append (out, "&lt;"); break;
    case '>': g_string_append (out, "&gt;"); break;
    case '"': g_string_append (out, "&quot;"); break;
    case '\'': g_string_append (out, "&#39;"); break;
    case '{': g_string_append (out, "&#123;"); break;
    case '}': g_string_append (out, "&#125;"); break;
    case '\n':
    case '\r':
    case '\t':
      g_string_append_c (out, ' ');
      break;
    default:
      g_string_append_unichar (out, c);
    }
}

/* For values printed raw into a page's HTML (card titles and
 * descriptions: al-folio prints them without an escape filter).
 */
char *
lectern_site_escape_html (const char *text)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    append_html_char (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/* For text in a kramdown table cell: Markdown's punctuation is
 * backslash-escaped, HTML and Liquid characters become entities, a pipe
 * cannot end the cell, and kramdown's typography ("--", "...", quotes)
 * is kept from turning into dashes and curly quotes.
 */
char *
lectern_site_escape_markdown (const char *text)
{
  GString *out = g_string_new (NULL);
  gunichar prev = 0;

  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '\\': case '`': case '*': case '_': case '[': case ']':
        case '|':
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
          break;

        case '-':
        case '.':
        case '$':
          /* "--" and "..." are typography to kramdown, "$$" math */
          if (prev == c)
            g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
          break;

        default:
          append_html_char (out, c);
        }

      prev = c;
    }

  return g_string_free (out, FALSE);
}

/* A link target inside Markdown: nothing in it may close the link, the
 * table cell or open a Liquid tag.
 */
char *
lectern_site_escape_url (const char *url)
{
  GString *out = g_string_new (NULL);

  for (const char *p = url ? url : ""; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c <= ' ' || c == '(' || c == ')' || c == '<' || c == '>' ||
          c == '"' || c == '|' || c == '{' || c == '}' || c == '\\' ||
          c == '`' || c >= 0x7f)
        g_string_append_printf (out, "%%%02X", c);
      else
        g_string_append_c (out, (char) c);
    }

  return g_string_free (out, FALSE);
}

/* 535 -> "8:55am", 750 -> "12:30pm", 0 -> "12:00am": the site's style,
 * the same in every locale.
 */
char *
lectern_site_format_time (int minutes)
{
  return lectern_format_time (minutes);
}

/* 535 -> "08:55" (24 hours; 1440 -> "24:00" for the end of the day) */
char *
lectern_site_format_clock (int minutes)
{
  g_return_val_if_fail (minutes >= 0 && minutes <= 24 * 60, NULL);

  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/* -36000 -> "UTC-10", 19800 -> "UTC+5:30", 0 -> "UTC" */
char *
lectern_site_format_utc_offset (gint32 seconds)
{
  int total = ABS (seconds) / 60;
  char sign = seconds < 0 ? '-' : '+';

  if (total == 0)
    return g_strdup ("UTC");
  if (total % 60 == 0)
    return g_strdup_printf ("UTC%c%d", sign, total / 60);

  return g_strdup_printf ("UTC%c%d:%02d", sign, total / 60, total % 60);
}
