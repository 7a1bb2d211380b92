/* lectern-site-adapt.c: what Lectern renders, written in the site's own
 * formatting wherever the meaning is the same
 *
 * A site that organizers kept by hand has its own habits: a card without
 * a final newline, a title with a trailing space, keys in another order,
 * a schedule table padded into columns, positions that tie. Lectern's
 * rendering is canonical; written as it is, the first export after an
 * import would rewrite every file, and nobody could review that diff.
 * So, against the file the site has:
 *
 *  - a card whose front matter means the same (libyaml reads the same
 *    keys and values) is kept byte for byte; one that differs keeps its
 *    lines but those of the keys that changed, which take Lectern's;
 *  - (a card keeps the position the site gave it while the order of its
 *    list allows: lectern-site-render.c, from the file's record of the
 *    site, lectern-store-site.c);
 *  - the schedule block keeps the page's note line when it says the
 *    same, and each table row the page has with the same cells; new and
 *    changed rows are padded to the table's columns.
 *
 * Each result is checked: a card that does not read back as Lectern's
 * is written as Lectern renders it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <string.h>

#include "lectern-site-adapt.h"
#include "lectern-site-diff.h"
#include "lectern-site-markdown.h"

static const char *lectern_keys[] = {
  "layout", "title", "description", "img", "redirect", "importance", "category",
};

static gboolean
is_lectern_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (lectern_keys); i++)
    if (strcmp (key, lectern_keys[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
values_equal (const char *a,
              const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* The same meaning: every key Lectern writes reads the same (a key left
 * out reads as empty); keys of the site's own are not Lectern's */
static gboolean
same_meaning (GHashTable *was,
              GHashTable *now)
{
  for (guint i = 0; i < G_N_ELEMENTS (lectern_keys); i++)
    if (!values_equal (g_hash_table_lookup (was, lectern_keys[i]), g_hash_table_lookup (now, lectern_keys[i])))
      return FALSE;
  return TRUE;
}

/* "importance: 3" -> "importance"; NULL for an indented or other line */
static char *
top_key (const char *line)
{
  const char *p = line;

  while (g_ascii_isalnum (*p) || *p == '_' || *p == '-')
    p++;
  if (p == line || *p != ':' || (p[1] != ' ' && p[1] != '\0' && p[1] != '\r'))
    return NULL;

  return g_strndup (line, p - line);
}

/* Lectern's rendered lines, by key */
static GHashTable *
rendered_lines (const char *rendered)
{
  GHashTable *lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) split = g_strsplit (rendered, "\n", -1);

  for (guint i = 1; split[i] != NULL && strcmp (split[i], "---") != 0; i++)
    {
      char *key = top_key (split[i]);

      if (key != NULL)
        g_hash_table_insert (lines, key, g_strdup (split[i]));
    }

  return lines;
}

/* The site's card with the lines of the keys whose value changed
 * replaced by Lectern's, and Lectern's keys it lacks added before the
 * closing "---"; NULL when it has no front matter to patch */
static char *
patch_card (const char *current,
            const char *rendered,
            GHashTable *was,
            GHashTable *now)
{
  g_auto(GStrv) lines = g_strsplit (current, "\n", -1);
  g_autoptr(GHashTable) mine = rendered_lines (rendered);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);   /* interned keys */
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  gboolean crlf = lines[0] != NULL && g_str_has_suffix (lines[0], "\r");
  gboolean skipping = FALSE;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  guint close = 0;

  if (lines[0] == NULL || !g_str_has_prefix (lines[0], "---"))
    return NULL;
  for (guint i = 1; lines[i] != NULL && close == 0; i++)
    if (strcmp (lines[i], "---") == 0 || strcmp (lines[i], "---\r") == 0)
      close = i;
  if (close == 0)
    return NULL;

  g_ptr_array_add (out, lines[0]);
  for (guint i = 1; i < close; i++)
    {
      g_autofree char *key = top_key (lines[i]);
      const char *value;

      if (key == NULL)
        {
          /* a continuation of the key above, or the site's own line */
          if (!skipping || !(lines[i][0] == ' ' || lines[i][0] == '\t' || g_str_has_prefix (lines[i], "- ")))
            {
              skipping = FALSE;
              g_ptr_array_add (out, lines[i]);
            }
          continue;
        }

      skipping = FALSE;
      if (!is_lectern_key (key) && !g_hash_table_contains (now, key))
        {
          g_ptr_array_add (out, lines[i]);
          continue;
        }

      g_hash_table_add (seen, (gpointer) g_intern_string (key));
      if (values_equal (g_hash_table_lookup (was, key), g_hash_table_lookup (now, key)))
        {
          g_ptr_array_add (out, lines[i]);
          continue;
        }

      /* changed: Lectern's line, or none where Lectern writes none */
      skipping = TRUE;
      value = g_hash_table_lookup (mine, key);
      if (value != NULL)
        {
          char *line = g_strconcat (value, crlf ? "\r" : "", NULL);

          g_ptr_array_add (added, line);
          g_ptr_array_add (out, line);
        }
    }

  /* Lectern's keys the card lacks, in Lectern's order */
  for (guint k = 0; k < G_N_ELEMENTS (lectern_keys); k++)
    {
      const char *value = g_hash_table_lookup (mine, lectern_keys[k]);

      if (value != NULL && !g_hash_table_contains (seen, (gpointer) g_intern_string (lectern_keys[k])))
        {
          char *line = g_strconcat (value, crlf ? "\r" : "", NULL);

          g_ptr_array_add (added, line);
          g_ptr_array_add (out, line);
        }
    }

  for (guint i = close; lines[i] != NULL; i++)
    g_ptr_array_add (out, lines[i]);
  g_ptr_array_add (out, NULL);

  return g_strjoinv ("\n", (char **) out->pdata);
}

/**
 * lectern_site_adapt_card:
 * @rendered: the card as Lectern renders it
 * @current: (nullable): the card the site has
 *
 * Returns: (transfer full): the bytes to write: @current when it means
 *   the same, @current with Lectern's lines for the keys that changed,
 *   or @rendered
 */
GBytes *
lectern_site_adapt_card (GBytes *rendered,
                         GBytes *current)
{
  g_autoptr(GHashTable) was = NULL;
  g_autoptr(GHashTable) now = NULL;
  g_autoptr(GHashTable) again = NULL;
  g_autofree char *current_text = NULL;
  g_autofree char *rendered_text = NULL;
  g_autofree char *patched = NULL;
  g_autoptr(GBytes) patched_bytes = NULL;

  if (current == NULL || g_bytes_equal (rendered, current))
    return g_bytes_ref (rendered);

  was = lectern_site_read_front_matter (current);
  now = lectern_site_read_front_matter (rendered);
  if (was == NULL || now == NULL)
    return g_bytes_ref (rendered);

  if (same_meaning (was, now))
    return g_bytes_ref (current);

  current_text = g_strndup (g_bytes_get_data (current, NULL), g_bytes_get_size (current));
  rendered_text = g_strndup (g_bytes_get_data (rendered, NULL), g_bytes_get_size (rendered));
  if (strlen (current_text) != g_bytes_get_size (current) || !g_utf8_validate (current_text, -1, NULL))
    return g_bytes_ref (rendered);

  patched = patch_card (current_text, rendered_text, was, now);
  if (patched == NULL)
    return g_bytes_ref (rendered);

  /* written only if it reads back as Lectern's card */
  patched_bytes = g_bytes_new_take (patched, strlen (patched));
  patched = NULL;
  again = lectern_site_read_front_matter (patched_bytes);
  if (again == NULL || !same_meaning (again, now))
    return g_bytes_ref (rendered);

  return g_steal_pointer (&patched_bytes);
}

/* ------------------------------------------------------------------ */
/* The schedule block                                                  */

static char *normalized (const char *line);

/* "a|b|c": the cells of a row, their spaces collapsed */
static char *
row_key (const char *line)
{
  g_autoptr(GPtrArray) cells = lectern_markdown_split_cells (line);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < cells->len; i++)
    g_ptr_array_add (keys, normalized (g_ptr_array_index (cells, i)));
  g_ptr_array_add (keys, NULL);
  return g_strjoinv ("|", (char **) keys->pdata);
}

static gboolean
row_is_blank (const char *line)
{
  for (const char *p = line; *p; p++)
    if (*p != '|' && !g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The table's column widths, from its separator row "| ------- | --- |" */
static GArray *
column_widths (const char *separator)
{
  g_autoptr(GPtrArray) cells = lectern_markdown_split_cells (separator);
  GArray *widths = g_array_new (FALSE, TRUE, sizeof (int));

  for (guint i = 0; i < cells->len; i++)
    {
      int width = (int) strlen (g_ptr_array_index (cells, i));

      g_array_append_val (widths, width);
    }
  return widths;
}

/* A row of Lectern's, padded to the site table's columns */
static char *
pad_row (const char *line,
         GArray     *widths)
{
  g_autoptr(GPtrArray) cells = lectern_markdown_split_cells (line);
  GString *out = g_string_new ("|");

  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);
      int width = i < widths->len ? g_array_index (widths, int, i) : 0;
      int length = (int) g_utf8_strlen (cell, -1);

      g_string_append_printf (out, " %s%*s |", cell, MAX (width - length, 0), "");
    }

  return g_string_free (out, FALSE);
}

/* Lines of @text that start with @c, from the first such run */
static void
find_run (char      **lines,
          char        c,
          guint      *first,
          guint      *n)
{
  *n = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] == c)
      {
        *first = i;
        while (lines[i + *n] != NULL && lines[i + *n][0] == c)
          (*n)++;
        return;
      }
}

/* Lectern's table, in the site table's lines wherever a row is the same */
static void
adapt_table (GPtrArray  *out,
             char      **mine,
             guint       n_mine,
             char      **theirs,
             guint       n_theirs)
{
  g_autoptr(GPtrArray) keys_mine = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys_theirs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) widths = NULL;
  g_autofree int *lcs = NULL;
  guint i, j;

  if (n_theirs < 2 || n_mine < 2)
    {
      for (i = 0; i < n_mine; i++)
        g_ptr_array_add (out, g_strdup (mine[i]));
      return;
    }

  /* the same lines: nothing to align */
  if (n_mine == n_theirs)
    {
      for (i = 0; i < n_mine && strcmp (mine[i], theirs[i]) == 0; i++)
        ;
      if (i == n_mine)
        {
          for (i = 0; i < n_mine; i++)
            g_ptr_array_add (out, g_strdup (theirs[i]));
          return;
        }
    }

  widths = column_widths (theirs[1]);
  for (i = 0; i < n_mine; i++)
    g_ptr_array_add (keys_mine, row_key (mine[i]));
  for (j = 0; j < n_theirs; j++)
    g_ptr_array_add (keys_theirs, row_is_blank (theirs[j]) ? NULL : row_key (theirs[j]));

  /* the header and the separator: the site's, when the columns are the same */
  if (g_strcmp0 (g_ptr_array_index (keys_mine, 0), g_ptr_array_index (keys_theirs, 0)) == 0)
    g_ptr_array_add (out, g_strdup (theirs[0]));
  else
    g_ptr_array_add (out, pad_row (mine[0], widths));
  {
    g_autoptr(GPtrArray) columns = lectern_markdown_split_cells (mine[1]);

    g_ptr_array_add (out, g_strdup (widths->len == columns->len ? theirs[1] : mine[1]));
  }

  /* the rows: the longest run in common, by their cells */
  {
    guint n = n_mine - 2, m = n_theirs - 2;
    guint a = 0, b = 0;
    gboolean last_matched = FALSE;

#define LCS(x, y) lcs[(gsize) (x) * (m + 1) + (y)]
    lcs = g_new0 (int, (gsize) (n + 1) * (m + 1));
    for (i = n; i-- > 0;)
      for (j = m; j-- > 0;)
        {
          const char *km = g_ptr_array_index (keys_mine, i + 2);
          const char *kt = g_ptr_array_index (keys_theirs, j + 2);

          if (kt != NULL && strcmp (km, kt) == 0)
            LCS (i, j) = LCS (i + 1, j + 1) + 1;
          else
            LCS (i, j) = MAX (LCS (i + 1, j), LCS (i, j + 1));
        }

    while (a < n || b < m)
      {
        const char *km = a < n ? g_ptr_array_index (keys_mine, a + 2) : NULL;
        const char *kt = b < m ? g_ptr_array_index (keys_theirs, b + 2) : NULL;

        if (km != NULL && kt != NULL && strcmp (km, kt) == 0)
          {
            g_ptr_array_add (out, g_strdup (theirs[b + 2]));
            a++, b++;
            last_matched = TRUE;
          }
        else if (b < m && kt == NULL)
          {
            /* a blank row of the site's, kept between two rows it keeps */
            guint next = b + 1;

            while (next < m && g_ptr_array_index (keys_theirs, next + 2) == NULL)
              next++;
            if (last_matched && a < n && next < m &&
                strcmp (km, g_ptr_array_index (keys_theirs, next + 2)) == 0)
              g_ptr_array_add (out, g_strdup (theirs[b + 2]));
            b++;
          }
        else if (b < m && (a == n || LCS (a, b + 1) >= LCS (a + 1, b)))
          {
            b++;                                 /* a row Lectern no longer has */
            last_matched = FALSE;
          }
        else
          {
            g_ptr_array_add (out, pad_row (mine[a + 2], widths));   /* a new or changed row */
            a++;
            last_matched = FALSE;
          }
      }
#undef LCS
  }
}

static char *
normalized (const char *line)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = line; *p; p++)
    if (!g_ascii_isspace (*p) || (out->len > 0 && out->str[out->len - 1] != ' '))
      g_string_append_c (out, g_ascii_isspace (*p) ? ' ' : *p);

  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

/**
 * lectern_site_adapt_block:
 * @block: Lectern's schedule block (markers, note line, table)
 * @current: (nullable): what the page has in its place
 *
 * Returns: (transfer full): the block, with the page's note line when it
 *   says the same, and the page's rows wherever they have the same cells
 */
char *
lectern_site_adapt_block (const char *block,
                          const char *current)
{
  g_auto(GStrv) mine = NULL;
  g_auto(GStrv) theirs = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  guint table_first = 0, n_table = 0, their_first = 0, n_theirs = 0;
  guint note = 0, n_note = 0, their_note = 0, n_their_note = 0;

  /* the page has the block as Lectern wrote it (a no-op export) */
  if (current == NULL || *current == '\0' || strcmp (block, current) == 0)
    return g_strdup (block);

  mine = g_strsplit (block, "\n", -1);
  theirs = g_strsplit (current, "\n", -1);
  find_run (mine, '|', &table_first, &n_table);
  find_run (theirs, '|', &their_first, &n_theirs);
  find_run (mine, '*', &note, &n_note);
  find_run (theirs, '*', &their_note, &n_their_note);

  for (guint i = 0; mine[i] != NULL; i++)
    {
      if (n_note > 0 && i == note && n_their_note > 0)
        {
          g_autofree char *a = normalized (mine[i]);
          g_autofree char *b = normalized (theirs[their_note]);

          g_ptr_array_add (out, g_strdup (strcmp (a, b) == 0 ? theirs[their_note] : mine[i]));
        }
      else if (n_table > 0 && i == table_first)
        {
          adapt_table (out, mine + table_first, n_table, theirs + their_first, n_theirs);
          i += n_table - 1;
        }
      else
        g_ptr_array_add (out, g_strdup (mine[i]));
    }

  g_ptr_array_add (out, NULL);
  return g_strjoinv ("\n", (char **) out->pdata);
}
