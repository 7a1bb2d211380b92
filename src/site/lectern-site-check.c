/* lectern-site-check.c: what is wrong with the site's copy of Lectern's files
 *
 * `lectern check --site` (and so the pre-commit hook) refuses a site
 * whose Lectern-owned files do not say what the workshop file says.
 * "differs" alone does not tell an organizer what to fix, so each file
 * that differs is looked at as Jekyll would read it, and the fault is
 * named: a card whose front matter is not YAML (Jekyll drops it), an
 * importance tied with another card of its category (they render in a
 * random order), an img that names a picture the site does not have,
 * a key changed by hand; the schedule table between Lectern's markers
 * or _data/schedule.yml out of step with the workshop file, with the
 * first line that differs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site-check"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>
#include <yaml.h>

#include "lectern-site-check.h"
#include "lectern-site-diff.h"
#include "lectern-store-site.h"
#include "lectern-site-page.h"

/* a long line is cut, so that a problem stays one readable line */
#define MAX_SHOWN 72

typedef struct
{
  char     *key;
  char     *value;   /* NULL: not a scalar */
  gboolean  plain;   /* not quoted: a number is read as a number */
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->key);
  g_free (entry->value);
  g_free (entry);
}

/* A card of the site, as far as the order of cards goes. */
typedef struct
{
  char *path;
  char *category;
  char *importance;
} CardFacts;

static void
card_facts_free (CardFacts *facts)
{
  g_free (facts->path);
  g_free (facts->category);
  g_free (facts->importance);
  g_free (facts);
}

typedef struct
{
  LecternSiteFolder *site;
  GPtrArray         *problems;   /* char * */
  GPtrArray         *cards;      /* CardFacts, read when first needed */
} Check;

static void add_problem (Check *check, const char *path, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* "_projects/tri.md differs from the workshop file: …" */
static void
add_problem (Check      *check,
             const char *path,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (check->problems, g_strdup_printf (_("%s differs from the workshop file: %s"), path, what));
}

static char *
shown (const char *text)
{
  g_autofree char *line = g_strndup (text, strcspn (text, "\r\n"));

  if (g_utf8_strlen (line, -1) <= MAX_SHOWN)
    return g_steal_pointer (&line);

  *g_utf8_offset_to_pointer (line, MAX_SHOWN - 1) = '\0';
  return g_strconcat (line, "…", NULL);
}

static char *
bytes_to_text (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_utf8_make_valid (data ? data : "", size);
}

/* ------------------------------------------------------------------ */
/* Front matter, as Jekyll finds it                                    */

static gboolean
is_fence (const char *line,
          gboolean    closing)
{
  const char *rest;

  if (g_str_has_prefix (line, "---"))
    rest = line + 3;
  else if (closing && g_str_has_prefix (line, "..."))
    rest = line + 3;
  else
    return FALSE;

  for (; *rest != '\0'; rest++)
    if (*rest != ' ' && *rest != '\t' && *rest != '\r')
      return FALSE;

  return TRUE;
}

/* Where what libyaml could not read starts (0 for the first line):
 * the start of the construct it was in (an unclosed "[" on the title's
 * line), else where it stopped.
 */
static gsize
error_line (yaml_parser_t *parser)
{
  return parser->context != NULL ? parser->context_mark.line : parser->problem_mark.line;
}

/* The keys of a card's front matter, in order; NULL and *fault (a
 * sentence ending in what Jekyll does with it) when Jekyll cannot read
 * them.
 */
static GPtrArray *
read_front_matter (const char  *text,
                   char       **fault)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) yaml = g_string_new (NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_node_t *root;
  gboolean mapping;
  guint end = 0;

  if (lines[0] == NULL || !is_fence (lines[0], FALSE))
    {
      *fault = g_strdup (_("it does not begin with a “---” line, so Jekyll finds no front matter and shows no card"));
      return NULL;
    }

  for (guint i = 1; lines[i] != NULL && end == 0; i++)
    {
      if (is_fence (lines[i], TRUE))
        end = i;
      else
        g_string_append_printf (yaml, "%s\n", lines[i]);
    }

  if (end == 0)
    {
      *fault = g_strdup (_("its front matter has no closing “---” line, so Jekyll shows no card"));
      return NULL;
    }

  if (!yaml_parser_initialize (&parser))
    g_error ("libyaml could not start a parser (out of memory)");
  yaml_parser_set_input_string (&parser, (const unsigned char *) yaml->str, yaml->len);

  if (!yaml_parser_load (&parser, &doc))
    {
      /* the front matter starts on the file's second line */
      *fault = g_strdup_printf (_("its front matter is not valid YAML (line %lu: %s), so Jekyll cannot build the card"),
                                (unsigned long) error_line (&parser) + 2,
                                parser.problem ? parser.problem : _("unreadable"));
      yaml_parser_delete (&parser);
      return NULL;
    }

  root = yaml_document_get_root_node (&doc);
  mapping = root != NULL && root->type == YAML_MAPPING_NODE;
  if (!mapping)
    *fault = g_strdup (_("its front matter is not a list of “key: value” lines, so Jekyll cannot build the card"));
  else
    for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
         pair < root->data.mapping.pairs.top; pair++)
      {
        yaml_node_t *k = yaml_document_get_node (&doc, pair->key);
        yaml_node_t *v = yaml_document_get_node (&doc, pair->value);
        Entry *entry;

        if (k == NULL || k->type != YAML_SCALAR_NODE)
          continue;

        entry = g_new0 (Entry, 1);
        entry->key = g_strndup ((const char *) k->data.scalar.value, k->data.scalar.length);
        if (v != NULL && v->type == YAML_SCALAR_NODE)
          {
            entry->value = g_strndup ((const char *) v->data.scalar.value, v->data.scalar.length);
            entry->plain = v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
          }
        g_ptr_array_add (entries, entry);
      }

  yaml_document_delete (&doc);
  yaml_parser_delete (&parser);

  return mapping ? g_steal_pointer (&entries) : NULL;
}

static Entry *
lookup (GPtrArray  *entries,
        const char *key)
{
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->key, key))
        return entry;
    }

  return NULL;
}

/* A whole number, as Jekyll's sort compares them. */
static gboolean
read_importance (Entry  *entry,
                 gint64 *value)
{
  return entry != NULL && entry->value != NULL && entry->plain &&
         g_ascii_string_to_signed (entry->value, 10, G_MININT64, G_MAXINT64, value, NULL);
}

/* ------------------------------------------------------------------ */
/* Cards                                                               */

static GPtrArray *
get_cards (Check *check)
{
  g_autoptr(GPtrArray) names = NULL;

  if (check->cards != NULL)
    return check->cards;

  check->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) card_facts_free);
  names = lectern_site_folder_list (check->site, "_projects", NULL);

  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *fault = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) entries = NULL;
      Entry *category;
      Entry *importance;
      CardFacts *facts;

      if (!g_str_has_suffix (name, ".md") || lectern_site_is_temporary_name (name))
        continue;

      path = g_strconcat ("_projects/", name, NULL);
      if (!(bytes = lectern_site_folder_read (check->site, path, NULL)))
        continue;
      text = bytes_to_text (bytes);
      if (!(entries = read_front_matter (text, &fault)))
        continue;

      category = lookup (entries, "category");
      importance = lookup (entries, "importance");
      if (category == NULL || category->value == NULL || importance == NULL || importance->value == NULL)
        continue;

      facts = g_new0 (CardFacts, 1);
      facts->path = g_steal_pointer (&path);
      facts->category = g_strdup (category->value);
      facts->importance = g_strdup (importance->value);
      g_ptr_array_add (check->cards, facts);
    }

  return check->cards;
}

/* The other cards of @category with the same importance: "a.md, b.md",
 * or NULL.
 */
static char *
find_ties (Check      *check,
           const char *path,
           const char *category,
           gint64      importance)
{
  GPtrArray *cards = get_cards (check);
  g_autoptr(GString) ties = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    {
      CardFacts *other = g_ptr_array_index (cards, i);
      gint64 value;

      if (g_str_equal (other->path, path) || !g_str_equal (other->category, category) ||
          !g_ascii_string_to_signed (other->importance, 10, G_MININT64, G_MAXINT64, &value, NULL) ||
          value != importance)
        continue;

      if (ties->len > 0)
        g_string_append (ties, ", ");
      g_string_append (ties, other->path);
    }

  return ties->len > 0 ? g_string_free (g_steal_pointer (&ties), FALSE) : NULL;
}

/* Whether img names a picture the site does not have (a link to
 * another site is not looked at).
 */
static gboolean
image_is_missing (Check      *check,
                  const char *img)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = img;

  if (img == NULL || img[0] == '\0' || strstr (img, "://") != NULL || g_str_has_prefix (img, "//"))
    return FALSE;

  while (*path == '/')
    path++;

  bytes = lectern_site_folder_read (check->site, path, &error);
  return bytes == NULL && g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
check_card (Check      *check,
            const char *path,
            const char *have_text,
            const char *want_text)
{
  g_autoptr(GPtrArray) have = NULL;
  g_autoptr(GPtrArray) want = NULL;
  g_autofree char *fault = NULL;
  g_autofree char *ties = NULL;
  guint before = check->problems->len;
  Entry *category;
  gint64 importance = 0;
  gint64 number;

  if (!(have = read_front_matter (have_text, &fault)))
    {
      add_problem (check, path, "%s", fault);
      return;
    }
  if (!(want = read_front_matter (want_text, &fault)))
    {
      g_warning ("Lectern’s own card %s cannot be read: %s", path, fault);
      g_ptr_array_add (check->problems, g_strdup_printf (_("%s differs from the workshop file"), path));
      return;
    }

  /* a tie the workshop file keeps too (the site's own, from before
   * Lectern) is not this card's fault */
  category = lookup (have, "category");
  if (category != NULL && category->value != NULL && !g_str_equal (category->value, "none") &&
      read_importance (lookup (have, "importance"), &importance) &&
      !(read_importance (lookup (want, "importance"), &number) && number == importance))
    ties = find_ties (check, path, category->value, importance);

  for (guint i = 0; i < want->len; i++)
    {
      Entry *w = g_ptr_array_index (want, i);
      Entry *h = lookup (have, w->key);
      g_autofree char *want_shown = shown (w->value ? w->value : "");
      g_autofree char *have_shown = NULL;

      if (h == NULL)
        {
          add_problem (check, path, _("“%s” is missing (the workshop file has “%s”)"), w->key, want_shown);
          continue;
        }

      /* quotes around a text change nothing; around a number, they do */
      if (g_strcmp0 (h->value, w->value) == 0 &&
          (h->plain == w->plain || !g_str_equal (w->key, "importance")))
        continue;

      have_shown = shown (h->value ? h->value : "");

      if (g_str_equal (w->key, "img") && image_is_missing (check, h->value))
        add_problem (check, path, _("img is “%s”, which the site does not have: the card would show a broken picture (the workshop file has “%s”)"),
                     have_shown, want_shown);
      else if (g_str_equal (w->key, "importance") && !read_importance (h, &number))
        add_problem (check, path, _("importance is “%s”, which is not a plain whole number: Jekyll cannot sort the cards by it (the workshop file has %s)"),
                     have_shown, want_shown);
      else if (g_str_equal (w->key, "importance") && ties != NULL)
        continue;   /* said below */
      else
        add_problem (check, path, _("%s is “%s” here, “%s” in the workshop file"), w->key, have_shown, want_shown);
    }

  for (guint i = 0; i < have->len; i++)
    {
      Entry *h = g_ptr_array_index (have, i);
      g_autofree char *have_shown = NULL;

      if (lookup (want, h->key) != NULL)
        continue;

      have_shown = shown (h->value ? h->value : "");
      if (g_str_equal (h->key, "img") && image_is_missing (check, h->value))
        add_problem (check, path, _("img is “%s”, which the site does not have: the card would show a broken picture"),
                     have_shown);
      else
        add_problem (check, path, _("it has “%s: %s”, which the workshop file does not"), h->key, have_shown);
    }

  if (ties != NULL)
    add_problem (check, path, _("importance %" G_GINT64_FORMAT " is also that of %s in the category “%s”: tied cards are shown in a random order (the workshop file gives each card its own)"),
                 importance, ties, category->value);

  if (check->problems->len == before)
    g_ptr_array_add (check->problems,
                     g_strdup_printf (_("%s differs from the workshop file (in its layout, or in the text after the front matter): export the site again, or make the change in Lectern"),
                                      path));
}

/* ------------------------------------------------------------------ */
/* The schedule                                                        */

/* The first line where @have and @want differ, as a sentence: "line 52
 * reads “…” where the workshop file has “…”"; NULL when they do not.
 * @first is the line number of their first lines.
 */
static char *
describe_first_difference (const char *have,
                           const char *want,
                           guint       first)
{
  g_auto(GStrv) a = g_strsplit (have, "\n", -1);
  g_auto(GStrv) b = g_strsplit (want, "\n", -1);
  guint i = 0;

  while (a[i] != NULL && b[i] != NULL && g_str_equal (a[i], b[i]))
    i++;

  if (a[i] == NULL && b[i] == NULL)
    return NULL;

  {
    g_autofree char *have_line = a[i] ? shown (a[i]) : NULL;
    g_autofree char *want_line = b[i] ? shown (b[i]) : NULL;

    if (a[i] == NULL)
      return g_strdup_printf (_("it ends at line %u, where the workshop file goes on with “%s”"),
                              first + i, want_line);
    if (b[i] == NULL)
      return g_strdup_printf (_("line %u reads “%s”, past the end of the workshop file’s"),
                              first + i, have_line);

    return g_strdup_printf (_("line %u reads “%s” where the workshop file has “%s”"),
                            first + i, have_line, want_line);
  }
}

/* Lectern's blocks, and what each is, in messages */
static const struct
{
  const char *name;
  const char *what;
} blocks[] = {
  { "schedule", N_("the schedule") },
  { "cfp-announcement", N_("the call’s announcement") },
  { "cfp-dates", N_("the call’s dates") },
  { "cfp-topics", N_("the call’s topics") },
};

static void
check_page (Check      *check,
            const char *path,
            const char *have_text,
            const char *want_text)
{
  gboolean any_here = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      g_autofree char *have = NULL;
      g_autofree char *want = NULL;
      g_autofree char *difference = NULL;
      guint have_first = 0;
      guint want_first = 0;

      have = lectern_site_page_find_block (have_text, blocks[i].name, &have_first);
      want = lectern_site_page_find_block (want_text, blocks[i].name, &want_first);
      any_here |= have != NULL;

      if (want == NULL)
        continue;
      if (have == NULL)
        {
          /* Translators: %s is what the block is, e.g. "the schedule" */
          add_problem (check, path, _("it does not have %s from Lectern yet (no Lectern markers): export the site to write it"),
                       _(blocks[i].what));
          return;
        }
      if ((difference = describe_first_difference (have, want, have_first)))
        {
          /* Translators: the first %s is what the block is, e.g. "the schedule" */
          add_problem (check, path, _("in %s between Lectern’s markers, %s. Change it in Lectern, then export the site again"),
                       _(blocks[i].what), difference);
          return;
        }
    }

  if (!any_here)
    {
      add_problem (check, path, _("it has no schedule from Lectern yet (no Lectern markers): export the site to write it"));
      return;
    }

  g_ptr_array_add (check->problems,
                   g_strdup_printf (_("%s differs from the workshop file around Lectern’s markers (a blank line must set them off, or kramdown does not render the table): export the site again"),
                                    path));
}

static void
check_data (Check      *check,
            const char *path,
            const char *have,
            const char *want)
{
  g_autofree char *difference = NULL;
  yaml_parser_t parser;
  yaml_document_t doc;

  if (!yaml_parser_initialize (&parser))
    g_error ("libyaml could not start a parser (out of memory)");
  yaml_parser_set_input_string (&parser, (const unsigned char *) have, strlen (have));
  if (!yaml_parser_load (&parser, &doc))
    {
      add_problem (check, path, _("it is not valid YAML (line %lu: %s), so the site cannot read it"),
                   (unsigned long) error_line (&parser) + 1,
                   parser.problem ? parser.problem : _("unreadable"));
      yaml_parser_delete (&parser);
      return;
    }
  yaml_document_delete (&doc);
  yaml_parser_delete (&parser);

  if ((difference = describe_first_difference (have, want, 1)))
    add_problem (check, path, _("its schedule is out of step: %s. Change the schedule in Lectern, then export the site again"),
                 difference);
  else
    g_ptr_array_add (check->problems,
                     g_strdup_printf (_("%s differs from the workshop file: export the site again"), path));
}

/* ------------------------------------------------------------------ */

/* What `lectern check --site` reports, one sentence each: every file
 * Lectern owns that is missing from the site, or differs from what the
 * workshop file says, with what is wrong with it; and each temporary
 * file an interrupted export left.
 */
/* A card the site has in other bytes than Lectern last wrote there (or
 * read there, importing): someone edited it by hand since. Says what. */
static void
check_hand_edit (Check              *check,
                 LecternExportFile  *file,
                 GBytes             *current,
                 GHashTable         *records)
{
  LecternSiteRecord *record = records != NULL ? g_hash_table_lookup (records, file->path) : NULL;
  g_autofree char *sha1 = NULL;
  g_autofree char *what = NULL;

  if (record == NULL || record->contents == NULL)
    return;
  sha1 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, current);
  if (g_strcmp0 (sha1, record->sha1) == 0)
    return;

  what = lectern_site_describe_change (file->path, file->kind, record->contents, current);
  g_ptr_array_add (check->problems,
                   g_strdup_printf (_("%s was edited by hand since Lectern last wrote it (%s): make the change "
                                      "in Lectern, or take it with lectern import, then export again"),
                                    file->path, what));
}

/**
 * lectern_site_check_plan:
 * @records: (nullable): the workshop file's record of the site
 *   (lectern_store_get_site_records()), to tell hand edits
 */
GPtrArray *
lectern_site_check_plan (LecternSiteFolder   *site,
                         LecternExportResult *plan,
                         GHashTable          *records)
{
  Check check = { site, g_ptr_array_new_with_free_func (g_free), NULL };
  GPtrArray *files;
  GPtrArray *leftovers;

  g_return_val_if_fail (LECTERN_IS_SITE_FOLDER (site), check.problems);
  g_return_val_if_fail (LECTERN_IS_EXPORT_RESULT (plan), check.problems);

  files = lectern_export_result_get_files (plan);
  for (guint i = 0; i < files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (files, i);
      g_autoptr(GBytes) current = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *have = NULL;
      g_autofree char *want = NULL;

      if (file->change == LECTERN_EXPORT_UNCHANGED)
        continue;

      if (file->change == LECTERN_EXPORT_NEW)
        {
          g_ptr_array_add (check.problems, g_strdup_printf (_("%s is missing from the site"), file->path));
          continue;
        }

      current = lectern_site_folder_read (site, file->path, &error);
      if (current == NULL)
        {
          g_ptr_array_add (check.problems, g_strdup (error->message));
          continue;
        }

      have = bytes_to_text (current);
      want = bytes_to_text (file->contents);

      switch (file->kind)
        {
        case LECTERN_SITE_FILE_CARD:
          check_hand_edit (&check, file, current, records);
          check_card (&check, file->path, have, want);
          break;

        case LECTERN_SITE_FILE_PAGE:
          check_page (&check, file->path, have, want);
          break;

        case LECTERN_SITE_FILE_DATA:
          check_data (&check, file->path, have, want);
          break;

        case LECTERN_SITE_FILE_IMAGE:
        default:
          g_ptr_array_add (check.problems, g_strdup_printf (_("%s differs from the workshop file"), file->path));
          break;
        }
    }

  leftovers = lectern_export_result_get_leftovers (plan);
  for (guint i = 0; i < leftovers->len; i++)
    g_ptr_array_add (check.problems,
                     g_strdup_printf (_("%s is a temporary file left by an interrupted export; the next export removes it"),
                                      (const char *) g_ptr_array_index (leftovers, i)));

  g_clear_pointer (&check.cards, g_ptr_array_unref);
  return check.problems;
}
