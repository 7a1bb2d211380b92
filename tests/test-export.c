/* test-export.c: the export against a real workshop site
 *
 * The demo workshop (ES-FoMo 2023, as data) is exported into a copy of
 * the real site whose cards were deleted and whose schedule table was
 * removed, and the result is compared with the untouched site.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <yaml.h>

#include "lectern-exporter.h"
#include "lectern-store.h"
#include "lectern-test-util.h"

static const char *card_keys[] = {
  "layout", "title", "description", "img", "redirect", "importance", "category", NULL
};

typedef struct
{
  char         *dir;
  char         *site;
  char         *fixture;
  char         *store_path;
  LecternStore *store;
} Fixture;

/* ------------------------------------------------------------------ */
/* helpers                                                             */

static gint64
mtime_of (const char *dir,
          const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
}

/* The front matter of a card, parsed with libyaml: key -> value (NULL
 * for a null), and the keys in order.
 */
typedef struct
{
  GHashTable *values;
  GPtrArray  *keys;
} Card;

static void
card_free (Card *card)
{
  g_hash_table_unref (card->values);
  g_ptr_array_unref (card->keys);
  g_free (card);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Card, card_free)

static Card *
parse_card (const char *text)
{
  const char *start;
  const char *end;
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_node_t *root;
  Card *card = g_new0 (Card, 1);

  card->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  card->keys = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_str_has_prefix (text, "---\n"));
  start = text + 4;
  end = strstr (start, "\n---");
  g_assert_nonnull (end);

  g_assert_true (yaml_parser_initialize (&parser));
  yaml_parser_set_input_string (&parser, (const unsigned char *) start, end - start + 1);
  g_assert_true (yaml_parser_load (&parser, &doc));
  root = yaml_document_get_root_node (&doc);
  g_assert_nonnull (root);
  g_assert_cmpint (root->type, ==, YAML_MAPPING_NODE);

  for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
       pair < root->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *k = yaml_document_get_node (&doc, pair->key);
      yaml_node_t *v = yaml_document_get_node (&doc, pair->value);
      g_autofree char *key = g_strndup ((const char *) k->data.scalar.value, k->data.scalar.length);
      char *value = NULL;

      g_assert_cmpint (v->type, ==, YAML_SCALAR_NODE);
      /* a plain empty scalar (or ~/null) is YAML's null */
      if (!(v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
            (v->data.scalar.length == 0 ||
             g_strcmp0 ((const char *) v->data.scalar.value, "~") == 0 ||
             g_strcmp0 ((const char *) v->data.scalar.value, "null") == 0)))
        value = g_strndup ((const char *) v->data.scalar.value, v->data.scalar.length);

      /* trailing spaces of plain scalars are not part of the value */
      if (value != NULL && v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
        g_strchomp (value);

      g_ptr_array_add (card->keys, g_strdup (key));
      g_hash_table_insert (card->values, g_steal_pointer (&key), value);
    }

  yaml_document_delete (&doc);
  yaml_parser_delete (&parser);

  return card;
}

static Card *
read_card (const char *site,
           const char *slug)
{
  g_autofree char *relative = g_strdup_printf ("_projects/%s.md", slug);
  g_autofree char *text = lectern_test_read_file (site, relative);

  return parse_card (text);
}

/* The rows of the table under the plan heading (or inside Lectern's
 * markers), whitespace normalized, the blank spacer row left out.
 */
static GPtrArray *
table_rows (const char *page)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr(GRegex) dashes = g_regex_new ("-{3,}", 0, 0, NULL);
  g_autoptr(GRegex) blank = g_regex_new ("^(\\|\\s*)+$", 0, 0, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  gboolean in_plan = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      if (g_str_has_prefix (lines[i], "## "))
        in_plan = strstr (lines[i], "the plan") != NULL;

      if (in_plan && lines[i][0] == '|')
        {
          g_autofree char *a = g_regex_replace_literal (spaces, lines[i], -1, 0, " ", 0, NULL);
          g_autofree char *b = g_regex_replace_literal (dashes, a, -1, 0, "---", 0, NULL);

          if (!g_regex_match (blank, b, 0, NULL))
            g_ptr_array_add (rows, g_strstrip (g_steal_pointer (&b)));
        }
    }

  return rows;
}

static char *
note_line (const char *page)
{
  const char *at = strstr (page, "\n*All times");
  const char *end;

  g_assert_nonnull (at);
  at++;
  end = strchr (at, '\n');

  return g_strndup (at, end - at);
}

static LecternExportResult *
export (Fixture  *f,
        GError  **error)
{
  g_autoptr(LecternExporter) exporter = lectern_exporter_new (f->store, f->site);
  g_autoptr(LecternExportResult) plan = lectern_exporter_plan (exporter, error);

  if (plan == NULL)
    return NULL;

  if (!lectern_exporter_write (exporter, plan, error))
    return NULL;

  return g_steal_pointer (&plan);
}

static gboolean
plan_changes (LecternExportResult *plan,
              const char          *path)
{
  GPtrArray *files = lectern_export_result_get_files (plan);

  for (guint i = 0; i < files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (files, i);

      if (g_strcmp0 (file->path, path) == 0)
        return file->change != LECTERN_EXPORT_UNCHANGED;
    }

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* fixture                                                             */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *page = NULL;
  g_auto(GStrv) lines = NULL;
  GString *stripped = g_string_new (NULL);

  /* a byte-for-byte copy of the real site's data, kept in tests/fixtures */
  f->fixture = lectern_test_fixture_path ("es-fomo-2023");
  f->dir = lectern_test_make_tmpdir ("lectern-export-XXXXXX");
  /* no cards (gone from the copy), no table, no note: the test cannot
   * pass by leaving the fixture in place
   */
  f->site = lectern_test_copy_site (f->dir);

  page = lectern_test_read_file (f->site, LECTERN_SITE_PAGE);
  lines = g_strsplit (page, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (lines[i][0] == '|' || g_str_has_prefix (lines[i], "*All times"))
        continue;
      g_string_append (stripped, lines[i]);
      if (lines[i + 1])
        g_string_append_c (stripped, '\n');
    }
  lectern_test_write_file (f->site, LECTERN_SITE_PAGE, stripped->str);
  g_string_free (stripped, TRUE);

  f->store_path = g_build_filename (f->dir, "es-fomo-2023.lectern", NULL);
  f->store = lectern_test_create_demo (f->store_path, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  lectern_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->site);
  g_free (f->fixture);
  g_free (f->store_path);
}

/* ------------------------------------------------------------------ */
/* tests                                                               */

/* Every card of the real site, regenerated. */
static void
test_cards (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autofree char *fixture_projects = g_build_filename (f->fixture, "_projects", NULL);
  g_autoptr(GDir) dir = g_dir_open (fixture_projects, 0, NULL);
  g_autoptr(GPtrArray) slugs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;

  plan = export (f, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".md"))
      g_ptr_array_add (slugs, g_strndup (name, strlen (name) - 3));
  g_assert_cmpuint (slugs->len, ==, 22);

  for (guint i = 0; i < slugs->len; i++)
    {
      const char *slug = g_ptr_array_index (slugs, i);
      g_autoptr(Card) want = read_card (f->fixture, slug);
      g_autoptr(Card) got = read_card (f->site, slug);
      g_autofree char *unique = NULL;

      /* the 7 keys, in the site's order */
      g_assert_cmpuint (got->keys->len, ==, 7);
      for (guint k = 0; card_keys[k]; k++)
        g_assert_cmpstr (g_ptr_array_index (got->keys, k), ==, card_keys[k]);

      for (guint k = 0; card_keys[k]; k++)
        {
          if (g_str_equal (card_keys[k], "importance"))
            continue;
          if (g_strcmp0 (g_hash_table_lookup (want->values, card_keys[k]),
                         g_hash_table_lookup (got->values, card_keys[k])) != 0)
            g_error ("%s: %s is “%s”, the site has “%s”", slug, card_keys[k],
                     (char *) g_hash_table_lookup (got->values, card_keys[k]),
                     (char *) g_hash_table_lookup (want->values, card_keys[k]));
        }

      /* importance unique per category */
      unique = g_strdup_printf ("%s/%s", (char *) g_hash_table_lookup (got->values, "category"),
                                (char *) g_hash_table_lookup (got->values, "importance"));
      g_assert_false (g_hash_table_contains (seen, unique));
      g_hash_table_add (seen, g_steal_pointer (&unique));
    }

  /* the order respects the site's: a before b there -> a before b here */
  for (guint i = 0; i < slugs->len; i++)
    for (guint j = 0; j < slugs->len; j++)
      {
        g_autoptr(Card) wa = read_card (f->fixture, g_ptr_array_index (slugs, i));
        g_autoptr(Card) wb = read_card (f->fixture, g_ptr_array_index (slugs, j));
        g_autoptr(Card) ga = NULL;
        g_autoptr(Card) gb = NULL;

        if (g_strcmp0 (g_hash_table_lookup (wa->values, "category"),
                       g_hash_table_lookup (wb->values, "category")) != 0)
          continue;
        if (atoi (g_hash_table_lookup (wa->values, "importance")) >=
            atoi (g_hash_table_lookup (wb->values, "importance")))
          continue;

        ga = read_card (f->site, g_ptr_array_index (slugs, i));
        gb = read_card (f->site, g_ptr_array_index (slugs, j));
        if (atoi (g_hash_table_lookup (ga->values, "importance")) >=
            atoi (g_hash_table_lookup (gb->values, "importance")))
          g_error ("%s comes before %s on the site, but not in the export",
                   (char *) g_ptr_array_index (slugs, i), (char *) g_ptr_array_index (slugs, j));
      }

  /* the export wrote exactly the 22 cards, no more */
  {
    g_autofree char *projects = g_build_filename (f->site, "_projects", NULL);
    g_autoptr(GDir) out = g_dir_open (projects, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (out))
      n++;
    g_assert_cmpuint (n, ==, 22);
  }
}

/* The schedule table, row by row, and the note above it. */
static void
test_schedule_table (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autofree char *want_page = lectern_test_read_file (f->fixture, LECTERN_SITE_PAGE);
  g_autofree char *got_page = NULL;
  g_autoptr(GPtrArray) want = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autofree char *want_note = NULL;
  g_autofree char *got_note = NULL;
  const char *want_tail;
  const char *got_tail;
  const char *heading;

  plan = export (f, &error);
  g_assert_no_error (error);
  got_page = lectern_test_read_file (f->site, LECTERN_SITE_PAGE);

  want = table_rows (want_page);
  got = table_rows (got_page);
  g_assert_cmpuint (want->len, >, 20);

  for (guint i = 0; i < MIN (want->len, got->len); i++)
    if (g_strcmp0 (g_ptr_array_index (want, i), g_ptr_array_index (got, i)) != 0)
      g_error ("row %u differs:\n  site:   %s\n  export: %s", i,
               (char *) g_ptr_array_index (want, i), (char *) g_ptr_array_index (got, i));
  g_assert_cmpuint (got->len, ==, want->len);

  want_note = note_line (want_page);
  got_note = note_line (got_page);
  g_assert_cmpstr (got_note, ==, want_note);

  /* markers, each set off by blank lines; the table is not glued to them */
  g_assert_nonnull (strstr (got_page, "\n\n" LECTERN_SCHEDULE_BEGIN_MARKER "\n\n*All times"));
  g_assert_nonnull (strstr (got_page, "|\n\n" LECTERN_SCHEDULE_END_MARKER "\n\n<br>"));

  /* nothing else in the page changed */
  heading = strstr (want_page, "## 📆 the plan\n");
  g_assert_nonnull (heading);
  g_assert_cmpint (strncmp (got_page, want_page, heading - want_page + strlen ("## 📆 the plan\n")), ==, 0);
  want_tail = strstr (want_page, "\n<br>\n\n## 🦾 the pitch");
  got_tail = strstr (got_page, "\n<br>\n\n## 🦾 the pitch");
  g_assert_nonnull (want_tail);
  g_assert_nonnull (got_tail);
  g_assert_cmpstr (got_tail, ==, want_tail);
}

/* An unchanged workshop writes nothing: same bytes, same mtimes. */
static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) first = NULL;
  g_autoptr(LecternExportResult) second = NULL;
  g_autoptr(GArray) mtimes = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* a card the organizers wrote by hand, which Lectern does not own */
  lectern_test_write_file (f->site, "_projects/handmade.md",
                           "---\nlayout: page\ntitle: hand\ncategory: speaker\n---");

  first = export (f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lectern_export_result_count_changes (first), ==, lectern_export_result_get_files (first)->len);

  for (guint i = 0; i < lectern_export_result_get_files (first)->len; i++)
    {
      gint64 t = mtime_of (f->site, ((LecternExportFile *) g_ptr_array_index (lectern_export_result_get_files (first), i))->path);

      g_array_append_val (mtimes, t);
    }

  g_usleep (20000);
  second = export (f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lectern_export_result_get_files (second)->len, ==, lectern_export_result_get_files (first)->len);
  g_assert_cmpuint (lectern_export_result_count_changes (second), ==, 0);

  for (guint i = 0; i < lectern_export_result_get_files (second)->len; i++)
    g_assert_cmpint (mtime_of (f->site, ((LecternExportFile *) g_ptr_array_index (lectern_export_result_get_files (second), i))->path),
                     ==, g_array_index (mtimes, gint64, i));

  {
    g_autofree char *hand = lectern_test_read_file (f->site, "_projects/handmade.md");

    g_assert_cmpstr (hand, ==, "---\nlayout: page\ntitle: hand\ncategory: speaker\n---");
  }
}

static LecternSlot *
find_slot (LecternStore *store,
           const char   *title)
{
  g_autoptr(GListModel) slots = lectern_store_list_slots (store, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (slots, i);

      if (g_strcmp0 (lectern_slot_get_title (slot), title) == 0)
        return g_steal_pointer (&slot);
    }

  g_error ("no slot “%s”", title);
  return NULL;
}

/* Rename a speaker and move a slot: the card and the cells follow. */
static void
test_mutation (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) first = NULL;
  g_autoptr(LecternExportResult) second = NULL;
  g_autoptr(LecternPerson) tim = NULL;
  g_autoptr(LecternSlot) posters = NULL;
  g_autoptr(Card) card = NULL;
  g_autofree char *page = NULL;

  first = export (f, &error);
  g_assert_no_error (error);

  tim = lectern_test_find_person (f->store, "Tim Dettmers");
  lectern_person_set_name (tim, "Timothy Dettmers");
  lectern_person_set_first_name (tim, "Timothy");
  lectern_store_update_person (f->store, tim, &error);
  g_assert_no_error (error);

  posters = find_slot (f->store, "Poster Session");
  g_assert_cmpint (lectern_slot_get_start (posters), ==, 13 * 60);
  lectern_slot_set_start (posters, 13 * 60 + 5);
  lectern_store_update_slot (f->store, posters, &error);
  g_assert_no_error (error);

  second = export (f, &error);
  g_assert_no_error (error);
  /* the card, the page, the data; the calendar and the apps' files */
  g_assert_cmpuint (lectern_export_result_count_changes (second), ==, 6);
  g_assert_true (plan_changes (second, "_projects/tim.md"));
  g_assert_true (plan_changes (second, LECTERN_SITE_PAGE));
  g_assert_true (plan_changes (second, LECTERN_SITE_SCHEDULE_DATA));
  g_assert_true (plan_changes (second, "assets/schedule/schedule.ics"));
  g_assert_true (plan_changes (second, "assets/schedule/schedule.xml"));
  g_assert_true (plan_changes (second, "assets/schedule/schedule.json"));

  card = read_card (f->site, "tim");
  g_assert_cmpstr (g_hash_table_lookup (card->values, "title"), ==, "<b>Timothy</b> <br> Dettmers");

  page = lectern_test_read_file (f->site, LECTERN_SITE_PAGE);
  g_assert_nonnull (strstr (page, "| Timothy Dettmers <br> *(University of Washington)* |"));
  g_assert_null (strstr (page, "Tim Dettmers"));
  g_assert_nonnull (strstr (page, "| 1:05pm | 🧑‍🎓 **Poster Session** |"));
  g_assert_null (strstr (page, "| 1:00pm |"));
}

/* A page with no place for the schedule: a clear error, nothing written. */
static void
test_no_place (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autofree char *page = lectern_test_read_file (f->site, LECTERN_SITE_PAGE);
  g_autofree char *without = NULL;
  g_autofree char *projects = g_build_filename (f->site, "_projects", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *half = NULL;

  without = g_strdup (page);
  memcpy (strstr (without, "## 📆 the plan"), "## 📆 the plot", strlen ("## 📆 the plot"));
  lectern_test_write_file (f->site, LECTERN_SITE_PAGE, without);

  plan = export (f, &error);
  g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_PLACE);
  g_assert_nonnull (strstr (error->message, "## 📆 the plan"));
  g_assert_null (plan);
  g_clear_error (&error);

  dir = g_dir_open (projects, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
  {
    g_autofree char *after = lectern_test_read_file (f->site, LECTERN_SITE_PAGE);

    g_assert_cmpstr (after, ==, without);
  }

  /* one marker without the other */
  half = g_strconcat (page, "\n" LECTERN_SCHEDULE_END_MARKER "\n", NULL);
  lectern_test_write_file (f->site, LECTERN_SITE_PAGE, half);
  plan = export (f, &error);
  g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE);
  g_assert_null (plan);
}

static GBytes *
make_image (int      width,
            int      height,
            gboolean alpha,
            const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);
  g_autofree char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, NULL, NULL));

  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

static void
assert_image (const char *site,
              const char *relative,
              int         side)
{
  g_autofree char *path = g_build_filename (site, relative, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, side);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, side);
}

/* New photos and logos: square, 400..800 px, lowercase extension. */
static void
test_images (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autoptr(LecternExportResult) again = NULL;
  g_autoptr(LecternPerson) ann = lectern_person_new ();
  g_autoptr(LecternPerson) bo = lectern_person_new ();
  g_autoptr(LecternCard) ann_card = NULL;
  g_autoptr(LecternCard) ann_card2 = NULL;
  g_autoptr(LecternCard) bo_card = NULL;
  g_autoptr(LecternSponsor) acme = lectern_sponsor_new ();
  g_autoptr(GBytes) photo = make_image (1200, 900, FALSE, "jpeg");
  g_autoptr(GBytes) small = make_image (120, 200, FALSE, "png");
  g_autoptr(GBytes) logo = make_image (1000, 300, TRUE, "png");
  g_autoptr(Card) c1 = NULL;
  g_autoptr(Card) c2 = NULL;
  g_autoptr(Card) c3 = NULL;
  g_autoptr(Card) c4 = NULL;

  lectern_person_set_name (ann, "Ann Example");
  lectern_person_set_photo (ann, photo);
  lectern_store_add_person (f->store, ann, &error);
  g_assert_no_error (error);
  ann_card = lectern_store_add_card (f->store, ann, LECTERN_ROLE_SPEAKER, NULL, &error);
  g_assert_no_error (error);
  ann_card2 = lectern_store_add_card (f->store, ann, LECTERN_ROLE_ORGANIZER, NULL, &error);
  g_assert_no_error (error);

  lectern_person_set_name (bo, "Bo Tiny");
  lectern_person_set_photo (bo, small);
  lectern_store_add_person (f->store, bo, &error);
  g_assert_no_error (error);
  bo_card = lectern_store_add_card (f->store, bo, LECTERN_ROLE_PANELIST, NULL, &error);
  g_assert_no_error (error);

  lectern_sponsor_set_name (acme, "Acme Compute");
  lectern_sponsor_set_logo (acme, logo);
  lectern_sponsor_set_url (acme, "https://acme.example");
  lectern_store_add_sponsor (f->store, acme, &error);
  g_assert_no_error (error);

  plan = export (f, &error);
  g_assert_no_error (error);

  assert_image (f->site, "assets/img/ann.jpg", 800);
  assert_image (f->site, "assets/img/bo.jpg", 400);
  assert_image (f->site, "assets/img/acme_compute.png", 400);

  /* one person, two cards, one image */
  c1 = read_card (f->site, lectern_card_get_slug (ann_card));
  c2 = read_card (f->site, lectern_card_get_slug (ann_card2));
  g_assert_cmpstr (g_hash_table_lookup (c1->values, "img"), ==, "assets/img/ann.jpg");
  g_assert_cmpstr (g_hash_table_lookup (c2->values, "img"), ==, "assets/img/ann.jpg");
  c3 = read_card (f->site, "acme_compute");
  g_assert_cmpstr (g_hash_table_lookup (c3->values, "img"), ==, "assets/img/acme_compute.png");
  g_assert_cmpstr (g_hash_table_lookup (c3->values, "category"), ==, "sponsor");
  g_assert_cmpstr (g_hash_table_lookup (c3->values, "importance"), ==, "2");

  /* a person with no image at all has no img key */
  {
    g_autoptr(LecternPerson) cy = lectern_person_new ();
    g_autoptr(LecternCard) cy_card = NULL;
    g_autoptr(LecternExportResult) third = NULL;

    lectern_person_set_name (cy, "Cy Nophoto");
    lectern_store_add_person (f->store, cy, &error);
    g_assert_no_error (error);
    cy_card = lectern_store_add_card (f->store, cy, LECTERN_ROLE_ORGANIZER, NULL, &error);
    g_assert_no_error (error);
    third = export (f, &error);
    g_assert_no_error (error);
    c4 = read_card (f->site, lectern_card_get_slug (cy_card));
    g_assert_false (g_hash_table_contains (c4->values, "img"));
    g_assert_cmpuint (c4->keys->len, ==, 6);
  }

  /* images are deterministic: nothing to rewrite */
  again = export (f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lectern_export_result_count_changes (again), ==, 0);
}

/* Text the site would misread is written so that it reads literally. */
static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  static const char *names[] = {
    "Ann: the #1 <script>alert(1)</script>",
    "{{ site.title }} {% raw %} 'quoted' \"double\"",
    "yes",
    "2023-07-29",
    "1e3",
    "null",
    "🔥 Ünïcødé | pipe",
    "שלום עליכם",
    "line\nbreak",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LecternPerson) p = lectern_person_new ();
      LecternCard *card;

      lectern_person_set_name (p, names[i]);
      lectern_person_set_first_name (p, names[i]);
      lectern_person_set_family_name (p, "X");
      lectern_person_set_affiliation (p, names[i]);
      lectern_person_set_homepage (p, names[i]);
      lectern_store_add_person (f->store, p, &error);
      g_assert_no_error (error);
      card = lectern_store_add_card (f->store, p, LECTERN_ROLE_SPEAKER, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (lectern_slug_is_valid (lectern_card_get_slug (card)));
      g_ptr_array_add (cards, card);
    }

  plan = export (f, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < cards->len; i++)
    {
      LecternCard *card = g_ptr_array_index (cards, i);
      g_autoptr(Card) got = read_card (f->site, lectern_card_get_slug (card));
      const char *description = g_hash_table_lookup (got->values, "description");
      const char *redirect = g_hash_table_lookup (got->values, "redirect");

      /* YAML gives back the string: never null, a bool, a date, a number */
      g_assert_nonnull (description);
      g_assert_nonnull (redirect);
      g_assert_cmpstr (redirect, ==, names[i]);
      /* HTML-significant characters arrive as entities */
      g_assert_null (strchr (description, '<'));
      g_assert_null (strstr (description, "{{"));
      g_assert_null (strchr (description, '\n'));
    }
}

/* _data/schedule.yml: the same schedule, as data. */
static void
test_schedule_data (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autofree char *text = NULL;
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_node_t *root;
  guint n_slots = 0;
  g_autoptr(GListModel) slots = NULL;

  plan = export (f, &error);
  g_assert_no_error (error);

  text = lectern_test_read_file (f->site, LECTERN_SITE_SCHEDULE_DATA);
  g_assert_nonnull (strstr (text, "title: Using Megatron to Train Large Language Models\n"));
  g_assert_nonnull (strstr (text, "session_emoji: 🔥"));
  g_assert_null (strstr (text, "\\U"));

  g_assert_true (yaml_parser_initialize (&parser));
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, strlen (text));
  g_assert_true (yaml_parser_load (&parser, &doc));
  root = yaml_document_get_root_node (&doc);
  g_assert_cmpint (root->type, ==, YAML_MAPPING_NODE);

  for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
       pair < root->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *k = yaml_document_get_node (&doc, pair->key);
      yaml_node_t *days = yaml_document_get_node (&doc, pair->value);

      if (g_strcmp0 ((const char *) k->data.scalar.value, "days") != 0)
        continue;

      for (yaml_node_item_t *d = days->data.sequence.items.start; d < days->data.sequence.items.top; d++)
        {
          yaml_node_t *day = yaml_document_get_node (&doc, *d);

          for (yaml_node_pair_t *dp = day->data.mapping.pairs.start; dp < day->data.mapping.pairs.top; dp++)
            {
              yaml_node_t *dk = yaml_document_get_node (&doc, dp->key);
              yaml_node_t *dv = yaml_document_get_node (&doc, dp->value);

              if (g_strcmp0 ((const char *) dk->data.scalar.value, "slots") == 0)
                n_slots += dv->data.sequence.items.top - dv->data.sequence.items.start;
            }
        }
    }

  yaml_document_delete (&doc);
  yaml_parser_delete (&parser);

  slots = lectern_store_list_slots (f->store, 0, NULL);
  g_assert_cmpuint (n_slots, ==, g_list_model_get_n_items (slots));
  g_assert_cmpuint (n_slots, ==, 19);
}

/* Off the main thread, on a connection of its own; the toast's summary. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExporter) exporter = lectern_exporter_new (f->store, f->site);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LecternExportResult) preview = NULL;
  g_autoptr(LecternExportResult) written = NULL;
  g_autoptr(LecternExportResult) again = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *after = NULL;
  g_autoptr(LecternPerson) tri = NULL;

  lectern_exporter_plan_async (exporter, NULL, lectern_test_keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  preview = lectern_exporter_plan_finish (exporter, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lectern_export_result_count_changes (preview), ==, lectern_export_result_get_files (preview)->len);
  g_clear_object (&result);

  /* the preview wrote nothing */
  {
    g_autofree char *projects = g_build_filename (f->site, "_projects", NULL);
    g_autoptr(GDir) dir = g_dir_open (projects, 0, NULL);

    g_assert_null (g_dir_read_name (dir));
  }

  summary = lectern_export_result_summarize (preview);
  g_assert_cmpstr (summary, ==, "22 cards added, schedule updated");

  lectern_exporter_export_async (exporter, NULL, lectern_test_keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  written = lectern_exporter_export_finish (exporter, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  tri = lectern_test_find_person (f->store, "Tri Dao");
  lectern_person_set_affiliation (tri, "Together AI, Princeton University");
  lectern_store_update_person (f->store, tri, &error);
  g_assert_no_error (error);

  lectern_exporter_export_async (exporter, NULL, lectern_test_keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  again = lectern_exporter_export_finish (exporter, result, &error);
  g_assert_no_error (error);
  after = lectern_export_result_summarize (again);
  g_assert_cmpstr (after, ==, "1 card updated, schedule unchanged");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/export/cards", test_cards);
  ADD ("/export/schedule-table", test_schedule_table);
  ADD ("/export/idempotent", test_idempotent);
  ADD ("/export/mutation", test_mutation);
  ADD ("/export/no-place", test_no_place);
  ADD ("/export/images", test_images);
  ADD ("/export/hostile", test_hostile);
  ADD ("/export/schedule-data", test_schedule_data);
  ADD ("/export/async", test_async);

  return g_test_run ();
}
