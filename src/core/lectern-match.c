/* lectern-match.c: search text the way people type it
 *
 * "gomez" finds "Gómez", "ETH" finds "ETH Zürich", "zur" finds it too:
 * case and accents do not matter, and every word of the query must occur
 * somewhere in the fields, in any order. GLib's own token matcher is
 * asked as well, for the letters that do not decompose ("ø", "ł").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-match"

#include "config.h"

#include <string.h>

#include "lectern-match.h"

/* Lowercase (case-folded), with accents and other combining marks
 * removed: "Ælfred Ünal" -> "ælfred unal".
 */
char *
lectern_match_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *stripped = NULL;
  GString *out;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, c);
    }

  stripped = g_string_free (out, FALSE);
  return g_utf8_casefold (stripped, -1);
}

/* The fields, one a line: no word of a query spans two fields. NULL
 * fields are skipped. With lectern_match_fold() of it, what
 * lectern_match_prepared() searches; callers that search the same
 * fields again and again keep both.
 */
char *
lectern_match_join (const char * const *fields,
                    guint               n_fields)
{
  GString *joined = g_string_new (NULL);

  g_return_val_if_fail (fields != NULL || n_fields == 0, g_string_free (joined, FALSE));

  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i] == NULL)
        continue;
      g_string_append (joined, fields[i]);
      g_string_append_c (joined, '\n');
    }

  return g_string_free (joined, FALSE);
}

/* TRUE when every word of @query occurs in @folded, the folded @raw
 * text of lectern_match_join(). An empty query matches everything.
 */
gboolean
lectern_match_prepared (const char *query,
                        const char *raw,
                        const char *folded)
{
  g_autofree char *folded_query = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (raw != NULL && folded != NULL, FALSE);

  folded_query = lectern_match_fold (query);
  words = g_strsplit_set (folded_query, " \t\n\r", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != '\0' && strstr (folded, words[i]) == NULL)
        return query != NULL && g_str_match_string (query, raw, TRUE);
    }

  return TRUE;
}

/* TRUE when every word of query occurs in one of the n_fields fields
 * (NULL fields are skipped). An empty query matches everything.
 */
gboolean
lectern_match_fields (const char         *query,
                      const char * const *fields,
                      guint               n_fields)
{
  g_autofree char *raw = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (fields != NULL || n_fields == 0, FALSE);

  raw = lectern_match_join (fields, n_fields);
  folded = lectern_match_fold (raw);

  return lectern_match_prepared (query, raw, folded);
}
