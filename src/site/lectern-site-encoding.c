/* lectern-site-encoding.c: text that was saved in the wrong encoding,
 * found and repaired
 *
 * An editor that opens a UTF-8 page as Mac Roman or Windows-1252 and
 * saves it again turns each multi-byte character into several
 * ("🔥" becomes "üî•", "—" becomes "‚Äî", "é" becomes "Ã©"). Such
 * a run of characters, encoded back with g_convert() into the encoding
 * that made it, gives the UTF-8 bytes of the text that was meant: the
 * run is replaced by them, and each repair is reported with its line.
 *
 * Text that is merely unusual is left alone: a run is repaired only when
 * all of it encodes back and the bytes are whole, valid UTF-8 characters
 * beyond ASCII (and, for two-byte ones, in Latin-1). "Zürich", "Ærø",
 * "naïve", "«élan»" and "¿Qué?" stay as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-site-encoding.h"

static const char *codesets[] = { "MACINTOSH", "WINDOWS-1252" };

/* Are these bytes whole UTF-8 characters, none of them ASCII? Of the
 * two-byte ones, only Latin-1's (lead byte C2 or C3, "Ã©" for "é"):
 * other pairs are too often real text ("«é" is not "ǎ").
 */
static gboolean
is_whole_utf8 (const char *bytes,
               gsize       length)
{
  const char *end = bytes + length;

  if (length < 2 || !g_utf8_validate (bytes, length, NULL))
    return FALSE;

  for (const char *p = bytes; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 || (c > 0xff && c < 0x800))
        return FALSE;
    }

  return TRUE;
}

/* Mac Roman's 0xF0 is the Apple logo, U+F8FF, to macOS; glibc's table
 * has another private character for it. Text from a Mac has Apple's.
 */
static char *
apple_to_iconv (const char *run,
                gsize       length)
{
  g_autofree char *apple = g_convert ("\xf0", 1, "UTF-8", "MACINTOSH", NULL, NULL, NULL);
  g_autofree char *copy = g_strndup (run, length);
  g_auto(GStrv) parts = NULL;

  if (apple == NULL || strcmp (apple, "\xef\xa3\xbf") == 0 || strstr (copy, "\xef\xa3\xbf") == NULL)
    return g_steal_pointer (&copy);

  parts = g_strsplit (copy, "\xef\xa3\xbf", -1);
  return g_strjoinv (apple, parts);
}

/* The run as the text meant it, or NULL */
static char *
repair_run (const char *run,
            gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (codesets); i++)
    {
      gsize written = 0;
      g_autofree char *input = i == 0 ? apple_to_iconv (run, length) : g_strndup (run, length);
      g_autofree char *bytes = g_convert (input, -1, codesets[i], "UTF-8", NULL, &written, NULL);

      if (bytes != NULL && is_whole_utf8 (bytes, written))
        return g_strndup (bytes, written);
    }

  return NULL;
}

/**
 * lectern_site_repair_encoding:
 * @text: UTF-8 text (a page or a card)
 * @path: the file's path in the site, for the notes
 * @notes: where each repair is reported
 *
 * Returns: (transfer full) (nullable): the repaired text, or %NULL when
 *   there was nothing to repair
 */
char *
lectern_site_repair_encoding (const char *text,
                              gsize       length,
                              const char *path,
                              GPtrArray  *notes)
{
  g_autoptr(GString) out = NULL;
  const char *end = text + length;
  const char *p = text;
  guint line = 1;

  g_return_val_if_fail (g_utf8_validate (text, length, NULL), NULL);

  while (p < end)
    {
      const char *run = p;
      g_autofree char *fixed = NULL;

      if ((guchar) *p < 0x80)
        {
          if (*p == '\n')
            line++;
          if (out != NULL)
            g_string_append_c (out, *p);
          p++;
          continue;
        }

      while (p < end && (guchar) *p >= 0x80)
        p = g_utf8_next_char (p);

      fixed = repair_run (run, p - run);
      if (fixed == NULL)
        {
          if (out != NULL)
            g_string_append_len (out, run, p - run);
          continue;
        }

      if (out == NULL)
        out = g_string_new_len (text, run - text);
      g_string_append (out, fixed);
      g_ptr_array_add (notes,
                       g_strdup_printf (_("%s, line %u: “%.*s” was text saved in the wrong encoding; "
                                          "read as “%s”."), path, line, (int) (p - run), run, fixed));
    }

  return out != NULL ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}
