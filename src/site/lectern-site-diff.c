/* lectern-site-diff.c: what changes in a file of the site, in words
 *
 * An export into a real site may change many files for one edit (cards
 * renumbered, a final newline added); an organizer must be able to tell
 * that from a broken export. Each changed file is explained from its
 * bytes before and after: which keys of a card's front matter change
 * ("importance 3 → 7", "title"), whether only the formatting does, how
 * many lines of a page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <yaml.h>

#include "lectern-site-diff.h"
#include "lectern-site-page.h"
#include "lectern-store-site.h"

#define MAX_YAML_DEPTH 64

static gboolean
yaml_failed (GError     **error,
             const char  *path,
             guint        line,
             const char  *problem)
{
  g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
               _("%s, line %u: %s. Nothing was imported."), path ? path : "YAML", line, problem);
  return FALSE;
}

/* The top-level keys of a YAML mapping and their values as text, read
 * with libyaml's event parser: aliases are never expanded, and values
 * nested deeper than MAX_YAML_DEPTH are refused rather than followed.
 */
static GHashTable *
parse_mapping (const char  *text,
               gsize        len,
               guint        first_line,
               const char  *path,
               GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *key = NULL;
  yaml_parser_t parser;
  int depth = 0;          /* 1 inside the root mapping */
  int skip_from = 0;      /* inside a nested value that began at this depth */
  gboolean root_seen = FALSE;
  gboolean done = FALSE;
  gboolean ok = TRUE;

  if (!yaml_parser_initialize (&parser))
    return NULL;
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, len);

  while (!done && ok)
    {
      yaml_event_t event;

      if (!yaml_parser_parse (&parser, &event))
        {
          ok = yaml_failed (error, path, (guint) parser.problem_mark.line + first_line,
                            parser.problem ? parser.problem : "not YAML");
          break;
        }

      switch (event.type)
        {
        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;

        case YAML_DOCUMENT_END_EVENT:
          done = root_seen;
          break;

        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
          if (depth == 0 && event.type == YAML_SEQUENCE_START_EVENT)
            ok = yaml_failed (error, path, (guint) event.start_mark.line + first_line,
                              _("a list where keys and values were expected"));
          else if (++depth > MAX_YAML_DEPTH)
            ok = yaml_failed (error, path, (guint) event.start_mark.line + first_line,
                              _("values nested too deeply"));
          else if (depth == 1)
            root_seen = TRUE;
          else if (skip_from == 0)
            {
              /* a list or mapping as a key's value: "" */
              skip_from = depth;
              if (key != NULL)
                g_hash_table_replace (values, g_steal_pointer (&key), g_strdup (""));
            }
          break;

        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
          if (depth == skip_from)
            skip_from = 0;
          if (--depth == 0)
            done = TRUE;
          break;

        case YAML_SCALAR_EVENT:
        case YAML_ALIAS_EVENT:
          if (depth == 0)
            {
              /* a document that is one value, not a mapping */
              ok = yaml_failed (error, path, (guint) event.start_mark.line + first_line,
                                _("a single value where keys and values were expected"));
            }
          else if (depth == 1 && skip_from == 0)
            {
              const char *value = event.type == YAML_SCALAR_EVENT ? (const char *) event.data.scalar.value : "";
              gsize length = event.type == YAML_SCALAR_EVENT ? event.data.scalar.length : 0;

              if (key == NULL)
                key = g_strndup (event.type == YAML_SCALAR_EVENT ? value : "", length);
              else
                g_hash_table_replace (values, g_steal_pointer (&key), g_strndup (value, length));
            }
          break;

        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        default:
          break;
        }

      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);

  if (!ok)
    return NULL;
  if (!root_seen)
    {
      yaml_failed (error, path, first_line, _("no keys and values"));
      return NULL;
    }

  return g_steal_pointer (&values);
}

/**
 * lectern_site_parse_front_matter:
 * @contents: a card or a page, "---\n" YAML "---\n" and its body
 * @path: (nullable): its path in the site, for the error
 *
 * The front matter's top-level keys and their values as text (a value
 * that is not text, or null, is "").
 *
 * Returns: (transfer full) (nullable): key -> value, or %NULL with an
 *   error that names the file and the line
 */
GHashTable *
lectern_site_parse_front_matter (GBytes      *contents,
                                 const char  *path,
                                 GError     **error)
{
  gsize len = 0;
  const char *text = contents != NULL ? g_bytes_get_data (contents, &len) : NULL;
  const char *end;

  if (text == NULL || len < 4 || strncmp (text, "---", 3) != 0 || (text[3] != '\n' && text[3] != '\r'))
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
                   _("%s, line 1: no front matter (the file does not begin with a “---” line). "
                     "Nothing was imported."), path ? path : "");
      return NULL;
    }
  end = g_strstr_len (text + 3, len - 3, "\n---");
  if (end == NULL)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
                   _("%s, line 1: the front matter is never closed by a “---” line. "
                     "Nothing was imported."), path ? path : "");
      return NULL;
    }

  return parse_mapping (text + 4, end - (text + 4) + 1, 2, path, error);
}

/**
 * lectern_site_read_front_matter:
 * @contents: a card, "---\n" YAML "---\n" and its body
 *
 * As lectern_site_parse_front_matter(), without the error.
 *
 * Returns: (transfer full) (nullable): key -> value
 */
GHashTable *
lectern_site_read_front_matter (GBytes *contents)
{
  return lectern_site_parse_front_matter (contents, NULL, NULL);
}

/**
 * lectern_site_read_yaml_mapping:
 * @text: a YAML document, such as a site's _config.yml
 *
 * Returns: (transfer full) (nullable): its top-level keys and their
 *   values as text, or %NULL if it is not a mapping YAML can read
 */
GHashTable *
lectern_site_read_yaml_mapping (const char *text,
                                gsize       len)
{
  return parse_mapping (text, len, 1, NULL, NULL);
}

/**
 * lectern_site_plain_text:
 * @html: a card's title, such as "<b>Tri</b> <br> Dao "
 *
 * The text without its markup, spaces collapsed and trimmed ("Tri Dao").
 */
char *
lectern_site_plain_text (const char *html)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = html != NULL ? html : ""; *p != '\0'; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        in_tag = FALSE;
      else if (!in_tag && !(g_ascii_isspace (*p) && (text->len == 0 || text->str[text->len - 1] == ' ')))
        g_string_append_c (text, g_ascii_isspace (*p) ? ' ' : *p);
    }
  while (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The words for a front matter key, as the organizer knows it */
static const char *
key_words (const char *key)
{
  static const struct { const char *key; const char *words; } words[] = {
    { "title", N_("name") },
    { "description", N_("affiliation") },
    { "img", N_("photo") },
    { "redirect", N_("link") },
    { "category", N_("list") },
    { "importance", N_("position") },
    { "layout", N_("layout") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (key, words[i].key) == 0)
      return _(words[i].words);

  return key;
}

static char *
describe_card (GBytes *old,
               GBytes *contents)
{
  static const char *order[] = { "importance", "category", "title", "description", "img", "redirect", "layout" };
  g_autoptr(GHashTable) before = lectern_site_read_front_matter (old);
  g_autoptr(GHashTable) after = lectern_site_read_front_matter (contents);
  g_autoptr(GPtrArray) parts = NULL;
  GHashTableIter iter;
  gpointer key;

  if (before == NULL)
    return g_strdup (_("The site’s card could not be read: it is written anew"));
  if (after == NULL)
    return NULL;

  parts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *was = g_hash_table_lookup (before, order[i]);
      const char *now = g_hash_table_lookup (after, order[i]);

      if (g_strcmp0 (was, now) == 0)
        continue;

      if (strcmp (order[i], "importance") == 0 || strcmp (order[i], "category") == 0)
        /* Translators: "position 3 → 7", "list speaker → none" */
        g_ptr_array_add (parts, g_strdup_printf (_("%s %s → %s"), key_words (order[i]),
                                                 was != NULL && *was ? was : "–", now != NULL && *now ? now : "–"));
      else
        g_ptr_array_add (parts, g_strdup (key_words (order[i])));
    }

  /* keys of the site's own that Lectern does not write, or drops */
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (after, key))
      g_ptr_array_add (parts, g_strdup_printf (_("%s removed"), (const char *) key));

  if (parts->len == 0)
    return g_strdup (_("Formatting only (spacing, quotes or the final newline): the card shows the same"));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* How many lines of @contents are not in @old, and the other way */
static guint
count_changed_lines (GBytes *old,
                     GBytes *contents)
{
  g_autofree char *a = g_strndup (g_bytes_get_data (old, NULL), g_bytes_get_size (old));
  g_autofree char *b = g_strndup (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents));
  g_auto(GStrv) before = g_strsplit (a, "\n", -1);
  g_auto(GStrv) after = g_strsplit (b, "\n", -1);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  guint changed = 0;

  for (guint i = 0; before[i] != NULL; i++)
    g_hash_table_insert (counts, before[i],
                         GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, before[i])) + 1));

  for (guint i = 0; after[i] != NULL; i++)
    {
      int n = GPOINTER_TO_INT (g_hash_table_lookup (counts, after[i]));

      if (n > 0)
        g_hash_table_insert (counts, after[i], GINT_TO_POINTER (n - 1));
      else
        changed++;
    }

  return changed;
}

/**
 * lectern_site_describe_change:
 * @path: the file, relative to the site
 * @kind: what it is
 * @old: (nullable): what the site has (NULL: a new file)
 * @contents: what it will have
 *
 * Returns: (transfer full): what changes, in a few words
 */
char *
lectern_site_describe_change (const char          *path,
                              LecternSiteFileKind  kind,
                              GBytes              *old,
                              GBytes              *contents)
{
  guint lines;

  g_return_val_if_fail (path != NULL && contents != NULL, NULL);

  if (old == NULL)
    return g_strdup (kind == LECTERN_SITE_FILE_CARD ? _("New card")
                     : kind == LECTERN_SITE_FILE_IMAGE ? _("New image") : _("New file"));

  switch (kind)
    {
    case LECTERN_SITE_FILE_CARD:
      {
        char *card = describe_card (old, contents);

        if (card != NULL)
          return card;
        break;
      }
    case LECTERN_SITE_FILE_IMAGE:
      return g_strdup (_("Image replaced"));
    case LECTERN_SITE_FILE_PAGE:
    case LECTERN_SITE_FILE_DATA:
    default:
      break;
    }

  lines = count_changed_lines (old, contents);
  if (lines == 0)
    return g_strdup (_("Formatting only (line order or the final newline)"));

  if (kind == LECTERN_SITE_FILE_PAGE && g_strcmp0 (path, LECTERN_SITE_PAGE) == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The schedule: %u line changes",
                                         "The schedule: %u lines change", lines), lines);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line changes", "%u lines change", lines), lines);
}

/* A card whose only change is its position */
gboolean
lectern_site_is_renumbered (const LecternExportFile *file)
{
  return file->kind == LECTERN_SITE_FILE_CARD && file->reason != NULL &&
         g_str_has_prefix (file->reason, key_words ("importance")) && strchr (file->reason, ',') == NULL;
}

/**
 * lectern_site_explain:
 * @folder: the site
 * @result: what an export would write there
 *
 * Says, for each file the export changes, what changes (reading the
 * changed files again: an export that changes nothing reads nothing
 * more), and why cards are renumbered when the site had ties.
 */
void
lectern_site_explain (LecternSiteFolder   *folder,
                      LecternExportResult *result)
{
  GPtrArray *files = lectern_export_result_get_files (result);
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *tie = NULL;
  guint n_renumbered = 0;

  g_return_if_fail (LECTERN_IS_SITE_FOLDER (folder));
  g_return_if_fail (LECTERN_IS_EXPORT_RESULT (result));

  for (guint i = 0; i < files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (files, i);
      g_autoptr(GBytes) old = NULL;
      g_autoptr(GHashTable) front = NULL;

      if (file->change == LECTERN_EXPORT_CHANGED)
        old = lectern_site_folder_read (folder, file->path, NULL);
      else if (file->change == LECTERN_EXPORT_UNCHANGED)
        old = g_bytes_ref (file->contents);

      if (file->change != LECTERN_EXPORT_UNCHANGED)
        {
          g_free (file->reason);
          file->reason = lectern_site_describe_change (file->path, file->kind, old, file->contents);
          n_renumbered += lectern_site_is_renumbered (file);
        }

      /* the positions the site had, per list: ties explain renumbering */
      if (file->kind == LECTERN_SITE_FILE_CARD && old != NULL && tie == NULL &&
          (front = lectern_site_read_front_matter (old)) != NULL)
        {
          const char *category = g_hash_table_lookup (front, "category");
          const char *importance = g_hash_table_lookup (front, "importance");
          g_autofree char *key = g_strdup_printf ("%s\x1f%s", category ? category : "", importance ? importance : "");

          if (category != NULL && importance != NULL && *importance != '\0' &&
              !g_hash_table_add (positions, g_steal_pointer (&key)))
            tie = g_strdup_printf (_("two cards of the list “%s” had the same position, %s"),
                                   category, importance);
        }
    }

  if (n_renumbered > 1)
    {
      g_autofree char *why = NULL;

      if (tie != NULL)
        /* Translators: the reason is e.g. "two cards of the list “organizer” had the same position, 3" */
        why = g_strdup_printf (_("Positions numbered again 1, 2, 3…: %s"), tie);
      else
        why = g_strdup (_("Positions numbered again 1, 2, 3…, in the organizers’ order"));
      lectern_export_result_set_renumbering (result, n_renumbered, why);
    }
}

/**
 * lectern_site_record_files:
 * @store: the workshop file
 * @files: (element-type LecternExportFile): the site's files as it has
 *   them now (an export's, or a publish's)
 *
 * Notes in the workshop file what the site's cards are now (their
 * bytes, list and position: lectern-store-site.c).
 */
/* A card's list and position, from its front matter's top-level lines
 * when they are plain (as Lectern writes them), else through libyaml;
 * never from the card's text below it */
static void
read_list_and_position (GBytes  *card,
                        char   **category,
                        int     *position)
{
  gsize len;
  const char *text = g_bytes_get_data (card, &len);
  const char *end = text + len;
  g_autoptr(GHashTable) front = NULL;
  const char *importance;
  guint64 value = 0;
  guint fences = 0;

  *category = NULL;
  *position = -1;

  for (const char *line = text; line != NULL && line < end; )
    {
      const char *eol = memchr (line, '\n', end - line);
      gsize n = (eol != NULL ? eol : end) - line;

      if (n > 0 && line[n - 1] == '\r')
        n--;
      /* the front matter opens on the first line, and closes with
       * "---" or "..." */
      if (fences == 0 && !(n == 3 && strncmp (line, "---", 3) == 0))
        break;
      if (n == 3 && (strncmp (line, "---", 3) == 0 || (fences == 1 && strncmp (line, "...", 3) == 0)) &&
          ++fences == 2)
        break;
      if (line == text)
        ;   /* the opening line */
      else if (n > 10 && strncmp (line, "category: ", 10) == 0 && *category == NULL)
        *category = g_strndup (line + 10, n - 10);
      else if (n > 12 && strncmp (line, "importance: ", 12) == 0)
        {
          g_autofree char *number = g_strndup (line + 12, n - 12);

          if (g_ascii_string_to_unsigned (number, 10, 1, G_MAXINT, &value, NULL))
            *position = (int) value;
        }
      line = eol != NULL ? eol + 1 : NULL;
    }

  /* anything but plain words and a plain number: as YAML reads it */
  if (*category != NULL && *position > 0 &&
      strspn (*category, "abcdefghijklmnopqrstuvwxyz_-") == strlen (*category))
    return;

  g_clear_pointer (category, g_free);
  *position = -1;
  front = lectern_site_read_front_matter (card);
  if (front == NULL)
    return;
  *category = g_strdup (g_hash_table_lookup (front, "category"));
  importance = g_hash_table_lookup (front, "importance");
  if (importance != NULL && g_ascii_string_to_unsigned (importance, 10, 1, G_MAXINT, &value, NULL))
    *position = (int) value;
}

gboolean
lectern_site_record_files (LecternStore  *store,
                           GPtrArray     *files,
                           GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_site_record_free);
  g_autoptr(GHashTable) known = lectern_store_get_site_positions_or_records (store, FALSE, NULL);
  guint n_files = 0;
  gboolean same = known != NULL;

  /* nothing new to note (a no-op export): no write at all */
  for (guint i = 0; same && i < files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (files, i);
      LecternSiteRecord *was;
      g_autofree char *sha1 = NULL;

      if ((file->kind != LECTERN_SITE_FILE_CARD && file->kind != LECTERN_SITE_FILE_PAGE) ||
          file->contents == NULL)
        continue;
      n_files++;
      was = g_hash_table_lookup (known, file->path);
      sha1 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, file->contents);
      same = was != NULL && g_strcmp0 (was->sha1, sha1) == 0;
    }
  if (same && g_hash_table_size (known) == n_files)
    return TRUE;

  for (guint i = 0; i < files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (files, i);
      g_autofree char *category = NULL;
      int position = -1;

      if ((file->kind != LECTERN_SITE_FILE_CARD && file->kind != LECTERN_SITE_FILE_PAGE) ||
          file->contents == NULL)
        continue;

      if (file->kind == LECTERN_SITE_FILE_PAGE)
        g_ptr_array_add (records, lectern_site_record_new (file->path, file->contents, NULL, -1));
      else
        {
          read_list_and_position (file->contents, &category, &position);
          g_ptr_array_add (records, lectern_site_record_new (file->path, file->contents,
                                                             category != NULL ? category : "", position));
        }
    }

  return lectern_store_set_site_records (store, records, "_projects/", error);
}
