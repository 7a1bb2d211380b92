/* test-site-import.c: a workshop's cards read from its real site
 *
 * The ES-FoMo 2023 site's 22 cards become 21 people and a sponsor, its
 * home page the event's details and a day of 19 slots; an export of
 * them into an emptied copy gives the same cards and the same schedule
 * table, row for row; the 2025 site likewise; a person
 * with two cards is one person; a card that cannot be read stops the
 * import, naming it, and nothing is imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lectern-exporter.h"
#include "lectern-site-diff.h"
#include "lectern-site-import.h"
#include "lectern-site-markdown.h"
#include "lectern-test-util.h"

typedef LecternTestSite Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *fixture = lectern_test_fixture_path ("es-fomo-2023");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = lectern_test_make_tmpdir ("lectern-import-XXXXXX");
  f->site = g_build_filename (f->dir, "site", NULL);
  lectern_test_copy_tree (fixture, f->site);
  path = g_build_filename (f->dir, "w.lectern", NULL);
  f->store = lectern_store_create (path, NULL, &error);
  g_assert_no_error (error);
}

static guint
count (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  g_object_unref (model);
  return n;
}

static GBytes *
read_card (const char *site,
           const char *slug)
{
  g_autofree char *file = g_strdup_printf ("%s.md", slug);
  g_autofree char *path = g_build_filename (site, "_projects", file, NULL);
  char *text = NULL;
  gsize len;

  if (!g_file_get_contents (path, &text, &len, NULL))
    return NULL;
  return g_bytes_new_take (text, len);
}

/* The rows of a page's tables, cells trimmed, "a|b|c"; separator rows
 * and empty rows left out */
static GPtrArray *
table_rows (const char *site)
{
  g_autofree char *path = g_build_filename (site, "_pages", "about.md", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) cells = NULL;
      gboolean empty = TRUE;

      if (lines[i][0] != '|')
        continue;
      cells = lectern_markdown_split_cells (lines[i]);
      if (lectern_markdown_is_separator (cells))
        continue;
      for (guint c = 0; c < cells->len; c++)
        empty = empty && *(char *) g_ptr_array_index (cells, c) == '\0';
      if (empty)
        continue;
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_strjoinv ("|", (char **) cells->pdata));
    }

  return rows;
}

static guint
count_notes (GPtrArray  *notes,
             const char *part)
{
  guint n = 0;

  for (guint i = 0; i < notes->len; i++)
    if (strstr (g_ptr_array_index (notes, i), part) != NULL)
      n++;
  return n;
}

/* "layout title description …": a card's keys, in their order */
static char *
key_order (GBytes *card)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (card, NULL), g_bytes_get_size (card));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *order = g_string_new (NULL);

  for (guint i = 1; lines[i] != NULL && !g_str_has_prefix (lines[i], "---"); i++)
    {
      const char *colon = strchr (lines[i], ':');

      if (colon != NULL && lines[i][0] != ' ')
        g_string_append_printf (order, "%.*s ", (int) (colon - lines[i]), lines[i]);
    }
  return g_string_free (order, FALSE);
}

/* The cards of @site and of @copy: the same files, key for key, in the
 * same order (but for a title's trailing spaces). Returns how many. */
static guint
assert_same_cards (const char *site,
                   const char *copy)
{
  g_autofree char *projects = g_build_filename (site, "_projects", NULL);
  g_autoptr(GPtrArray) originals = g_ptr_array_new_with_free_func (g_free);

  {
    g_autoptr(GDir) dir = g_dir_open (projects, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_ptr_array_add (originals, g_strndup (name, strlen (name) - 3));
  }

  for (guint i = 0; i < originals->len; i++)
    {
      const char *slug = g_ptr_array_index (originals, i);
      g_autoptr(GBytes) before = read_card (site, slug);
      g_autoptr(GBytes) after = read_card (copy, slug);
      g_autoptr(GHashTable) was = lectern_site_read_front_matter (before);
      g_autoptr(GHashTable) now = NULL;
      static const char *keys[] = { "layout", "description", "img", "redirect", "importance", "category" };
      g_autofree char *title_was = NULL, *title_now = NULL;

      if (after == NULL)
        g_error ("_projects/%s.md was not exported", slug);
      now = lectern_site_read_front_matter (after);
      g_assert_nonnull (now);
      g_assert_cmpuint (g_hash_table_size (was), ==, g_hash_table_size (now));
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_cmpstr (g_hash_table_lookup (was, keys[k]), ==, g_hash_table_lookup (now, keys[k]));

      title_was = g_strchomp (g_strdup (g_hash_table_lookup (was, "title")));
      title_now = g_strchomp (g_strdup (g_hash_table_lookup (now, "title")));
      g_assert_cmpstr (title_was, ==, title_now);

      /* and in the same order */
      {
        g_autofree char *order_was = key_order (before);
        g_autofree char *order_now = key_order (after);

        g_assert_cmpstr (order_was, ==, order_now);
      }
    }

  return originals->len;
}

static void
test_real_site (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(LecternPerson) tri = NULL;
  g_autoptr(LecternExporter) exporter = NULL;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autofree char *copy = NULL;
  LecternSiteImportCounts counts;

  g_assert_true (lectern_site_import (f->store, f->site, &counts, &notes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.cards, ==, 21);
  g_assert_cmpuint (counts.people, ==, 21);
  g_assert_cmpuint (counts.sponsors, ==, 1);
  g_assert_cmpuint (counts.days, ==, 1);
  g_assert_cmpuint (counts.slots, ==, 19);
  g_assert_cmpuint (counts.schedule_people, ==, 4);
  /* the contributed talks' authors have no card */
  g_assert_cmpuint (count (lectern_store_list_people (f->store, NULL)), ==, 25);
  g_assert_cmpuint (count (lectern_store_list_cards (f->store, -1, NULL)), ==, 21);
  g_assert_cmpuint (count (lectern_store_list_sponsors (f->store, NULL)), ==, 1);
  /* the fixture has no image files: each one said, none fatal */
  g_assert_cmpuint (count_notes (notes, "The image "), ==, 22);
  g_assert_cmpuint (count_notes (notes, "Yi Wu, Sadhika Malladi, Antoine Simoulin, Daniele Paliotta"), ==, 1);
  /* the page does not say the date; it says so */
  g_assert_cmpuint (count_notes (notes, "does not give the workshop’s date"), ==, 1);
  g_assert_cmpuint (count_notes (notes, "“HST, UTC-10” was read as Pacific/Honolulu"), ==, 1);

  {
    g_autoptr(LecternEvent) event = lectern_store_get_event (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (lectern_event_get_name (event), ==, "Efficient Systems for Foundation Models");
    g_assert_cmpstr (lectern_event_get_short_name (event), ==, "ES-FoMo");
    g_assert_cmpstr (lectern_event_get_conference (event), ==, "ICML 2023");
    g_assert_cmpint (lectern_event_get_year (event), ==, 2023);
    g_assert_cmpstr (lectern_event_get_timezone (event), ==, "Pacific/Honolulu");
    g_assert_cmpstr (lectern_event_get_room (event), ==, "Ballroom A (floor L4)");
    g_assert_cmpstr (lectern_event_get_room_map_url (event), ==, "https://map.concept3d.com/?id=1107#!m/242756");
    g_assert_cmpstr (lectern_event_get_venue (event), ==, "the convention center");
    g_assert_cmpstr (lectern_event_get_contact_email (event), ==, "esfomo.workshop@gmail.com");
    g_assert_cmpstr (lectern_event_get_openreview_url (event), ==,
                     "https://openreview.net/group?id=ICML.cc/2023/Workshop/ES-FoMO");
    g_assert_cmpstr (lectern_event_get_site_url (event), ==, "https://es-fomo.com");
    g_assert_cmpstr (lectern_event_get_plan_heading (event), ==, "## 📆 the plan");
  }

  tri = lectern_test_find_person (f->store, "Tri Dao");
  g_assert_nonnull (tri);
  g_assert_cmpstr (lectern_person_get_first_name (tri), ==, "Tri");
  g_assert_cmpstr (lectern_person_get_family_name (tri), ==, "Dao");
  g_assert_cmpstr (lectern_person_get_image_path (tri), ==, "assets/img/tri.jpeg");
  g_assert_true (lectern_store_can_undo (f->store));

  /* exported into an emptied copy: the same cards, key for key (the
   * positions the site had tied too, from the record of the site) */
  copy = lectern_test_copy_site (f->dir);
  exporter = lectern_exporter_new (f->store, copy);
  plan = lectern_exporter_plan (exporter, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_exporter_write (exporter, plan, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (assert_same_cards (f->site, copy), ==, 22);

  /* the schedule table: the same rows, cell for cell */
  {
    g_autoptr(GPtrArray) rows_was = table_rows (f->site);
    g_autoptr(GPtrArray) rows_now = table_rows (copy);

    g_assert_cmpuint (rows_was->len, ==, 30);
    g_assert_cmpuint (rows_now->len, ==, rows_was->len);
    for (guint i = 0; i < rows_was->len; i++)
      g_assert_cmpstr (g_ptr_array_index (rows_now, i), ==, g_ptr_array_index (rows_was, i));
  }

  /* one undo step takes all of it back */
  g_assert_true (lectern_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (lectern_store_list_people (f->store, NULL)), ==, 0);
  g_assert_cmpuint (count (lectern_store_list_days (f->store, NULL)), ==, 0);
}

static char *
read_text (const char *site,
           const char *path)
{
  g_autofree char *full = g_build_filename (site, path, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (full, &text, NULL, NULL));
  return text;
}

/* The lines of @after are those of @before, in order, plus lines that
 * are blank or Lectern's markers only */
static void
assert_only_markers_added (const char *before,
                           const char *after)
{
  g_auto(GStrv) was = g_strsplit (before, "\n", -1);
  g_auto(GStrv) now = g_strsplit (after, "\n", -1);
  guint i = 0, j = 0, added = 0;

  while (now[j] != NULL)
    {
      if (was[i] != NULL && strcmp (was[i], now[j]) == 0)
        i++, j++;
      else
        {
          g_autofree char *line = g_strstrip (g_strdup (now[j]));

          if (*line != '\0' && !g_str_has_prefix (now[j], "<!-- lectern:schedule:"))
            g_error ("line %u of the page is new and not a marker: %s", j + 1, now[j]);
          added += !g_str_has_prefix (now[j], "<!-- lectern:schedule:") ? 0 : 1;
          j++;
        }
    }
  g_assert_null (was[i]);
  g_assert_cmpuint (added, ==, 2);
}

/* Each card of @cards (path -> text) is as it was, byte for byte */
static void
assert_cards_unchanged (const char *site,
                        GHashTable *cards)
{
  GHashTableIter iter;
  gpointer path, text;

  g_hash_table_iter_init (&iter, cards);
  while (g_hash_table_iter_next (&iter, &path, &text))
    {
      g_autofree char *now = read_text (site, path);

      g_assert_cmpstr (now, ==, text);
    }
}

/* Adopting a site changes only what means something different: the
 * import and an export at once change no card, and the home page gains
 * Lectern's two markers only; one speaker more changes that card only;
 * put first, the speakers after her change their importance line only.
 */
static void
test_adopt (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(LecternPerson) lea = NULL;
  g_autoptr(LecternCard) card = NULL;
  g_autofree char *page_before = read_text (f->site, "_pages/about.md");
  g_autofree char *page_after = NULL;
  g_autofree char *schedule_data = NULL;
  g_autofree char *projects = g_build_filename (f->site, "_projects", NULL);
  g_autoptr(GDir) dir = g_dir_open (projects, 0, NULL);
  LecternSiteImportCounts counts;
  const char *name;
  guint n_changed = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_strconcat ("_projects/", name, NULL);

      g_hash_table_insert (cards, g_strdup (path), read_text (f->site, path));
    }
  g_assert_cmpuint (g_hash_table_size (cards), ==, 22);

  g_assert_true (lectern_site_import (f->store, f->site, &counts, NULL, &error));
  g_assert_no_error (error);
  lectern_test_export (f->store, f->site);

  /* no card changed, byte for byte */
  assert_cards_unchanged (f->site, cards);
  page_after = read_text (f->site, "_pages/about.md");
  assert_only_markers_added (page_before, page_after);
  schedule_data = read_text (f->site, "_data/schedule.yml");
  g_assert_nonnull (strstr (schedule_data, "Using Megatron to Train Large Language Models"));

  /* one speaker more: that card, and nothing else */
  lea = lectern_test_add_person (f->store, "Léa Dubois", "Inria");
  card = lectern_store_add_card (f->store, lea, LECTERN_ROLE_SPEAKER, "lea", &error);
  g_assert_no_error (error);
  lectern_test_export (f->store, f->site);
  assert_cards_unchanged (f->site, cards);
  {
    g_free (page_before);
    page_before = read_text (f->site, "_pages/about.md");
    g_assert_cmpstr (page_before, ==, page_after);
  }
  {
    g_autofree char *lea_card = read_text (f->site, "_projects/lea.md");

    g_assert_nonnull (strstr (lea_card, "importance: 4\n"));
  }

  /* put first: the speakers after her change their importance line only */
  g_assert_true (lectern_store_move_card (f->store, card, 0, &error));
  g_assert_no_error (error);
  lectern_test_export (f->store, f->site);
  {
    GHashTableIter iter;
    gpointer path, text;

    g_hash_table_iter_init (&iter, cards);
    while (g_hash_table_iter_next (&iter, &path, &text))
      {
        g_autofree char *now = read_text (f->site, path);
        g_auto(GStrv) was_lines = g_strsplit (text, "\n", -1);
        g_auto(GStrv) now_lines = g_strsplit (now, "\n", -1);
        guint differ = 0;

        if (strcmp (now, text) == 0)
          continue;
        n_changed++;
        g_assert_cmpuint (g_strv_length (was_lines), ==, g_strv_length (now_lines));
        for (guint l = 0; was_lines[l] != NULL; l++)
          if (strcmp (was_lines[l], now_lines[l]) != 0)
            {
              differ++;
              g_assert_true (g_str_has_prefix (now_lines[l], "importance: "));
            }
        g_assert_cmpuint (differ, ==, 1);
        g_assert_nonnull (strstr (text, "category: speaker"));
      }
  }
  g_assert_cmpuint (n_changed, ==, 7);
}

/* The 2025 site: its cards, and a schedule in another style; the time
 * zone written "PT" is the one of the city the page names */
static void
test_2025_site (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *fixture = lectern_test_fixture_path ("es-fomo-2025");
  g_autofree char *site = g_build_filename (f->dir, "site-2025", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(LecternEvent) event = NULL;
  LecternSiteImportCounts counts;

  lectern_test_copy_tree (fixture, site);
  g_assert_true (lectern_site_import (f->store, site, &counts, &notes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.cards + counts.sponsors, ==, 27);
  g_assert_cmpuint (counts.slots, ==, 18);

  event = lectern_store_get_event (f->store, &error);
  g_assert_cmpstr (lectern_event_get_timezone (event), ==, "America/Vancouver");
  g_assert_cmpstr (lectern_event_get_room (event), ==, "East Exhibition Hall A");
  g_assert_cmpstr (lectern_event_get_conference (event), ==, "ICML 2025");
  g_assert_cmpstr (lectern_event_get_openreview_url (event), ==,
                   "https://openreview.net/group?id=ICML.cc/2025/Workshop/ES-FoMo-III");
  g_assert_cmpuint (count_notes (notes, "“PT” was read as America/Vancouver"), ==, 1);
  g_assert_cmpuint (count_notes (notes, "does not give the venue"), ==, 1);

  /* its cards, exported into an emptied copy: the same, key for key */
  {
    g_autofree char *copy = g_build_filename (f->dir, "copy-2025", NULL);
    g_autofree char *projects = g_build_filename (copy, "_projects", NULL);
    g_autoptr(LecternExporter) exporter = NULL;
    g_autoptr(LecternExportResult) plan = NULL;

    lectern_test_copy_tree (fixture, copy);
    lectern_test_rm_rf (projects);
    g_assert_cmpint (g_mkdir (projects, 0755), ==, 0);
    exporter = lectern_exporter_new (f->store, copy);
    plan = lectern_exporter_plan (exporter, &error);
    g_assert_no_error (error);
    g_assert_true (lectern_exporter_write (exporter, plan, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (assert_same_cards (site, copy), ==, 27);
  }
}

/* A home page that is not text: named, and nothing imported */
static void
test_broken_page (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LecternSiteImportCounts counts;

  lectern_test_write_file (f->site, "_pages/about.md", "---\ntitle: x\n---\n| 9:00am | \xff\xfe |\n");
  g_assert_false (lectern_site_import (f->store, f->site, &counts, NULL, &error));
  g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE);
  g_assert_nonnull (strstr (error->message, "_pages/about.md"));
  g_assert_cmpuint (count (lectern_store_list_people (f->store, NULL)), ==, 0);
  g_assert_false (lectern_store_can_undo (f->store));
}

/* One person with two cards, for two roles */
static void
test_two_cards (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternPerson) dylan = NULL;
  LecternSiteImportCounts counts;

  lectern_test_write_file (f->site, "_projects/dylan_speaker.md",
                           "---\nlayout: page\ntitle: <b>Dylan</b> <br> Patel \ndescription: SemiAnalysis\n"
                           "img: assets/img/dylan.jpg\nredirect: https://twitter.com/dylan522p\n"
                           "importance: 8\ncategory: speaker\n---");
  g_assert_true (lectern_site_import (f->store, f->site, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.cards, ==, 22);
  g_assert_cmpuint (counts.people, ==, 21);
  dylan = lectern_test_find_person (f->store, "Dylan Patel");
  g_assert_nonnull (dylan);
  g_assert_cmpuint (count (lectern_store_list_cards (f->store, LECTERN_ROLE_SPEAKER, NULL)), ==, 8);
  g_assert_cmpuint (count (lectern_store_list_cards (f->store, LECTERN_ROLE_PANELIST, NULL)), ==, 7);
}

/* A card saved in the wrong encoding: repaired, and said */
static void
test_mis_encoded_card (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(LecternPerson) lea = NULL;
  LecternSiteImportCounts counts;

  lectern_test_write_file (f->site, "_projects/lea.md",
                           "---\nlayout: page\ntitle: <b>LÃ©a</b> <br> Dubois\ndescription: UniversitÃ© Paris\n"
                           "img:\nredirect:\nimportance: 9\ncategory: speaker\n---");
  g_assert_true (lectern_site_import (f->store, f->site, &counts, &notes, &error));
  g_assert_no_error (error);
  lea = lectern_test_find_person (f->store, "Léa Dubois");
  g_assert_nonnull (lea);
  g_assert_cmpstr (lectern_person_get_affiliation (lea), ==, "Université Paris");
  g_assert_cmpuint (count_notes (notes, "_projects/lea.md, line 3: “Ã©” was text saved in the wrong encoding"), ==, 1);
  g_assert_cmpuint (count_notes (notes, "_projects/lea.md, line 4: "), ==, 1);
}

/* A card that cannot be read: named, and nothing imported */
static void
test_broken_card (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LecternSiteImportCounts counts;

  lectern_test_write_file (f->site, "_projects/zz_broken.md", "---\ntitle: [unclosed\n---\n");
  g_assert_false (lectern_site_import (f->store, f->site, &counts, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "_projects/zz_broken.md"));
  g_assert_cmpuint (count (lectern_store_list_people (f->store, NULL)), ==, 0);
  g_assert_cmpuint (count (lectern_store_list_sponsors (f->store, NULL)), ==, 0);
  g_assert_cmpuint (counts.cards, ==, 0);
}

/* Malformed input of every kind: a clear error naming the file and the
 * line, no crash, and nothing imported */
static void
assert_refused (Fixture    *f,
                const char *file,
                const char *contents,
                gssize      length,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->site, file, NULL);
  LecternSiteImportCounts counts;

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_false (lectern_site_import (f->store, f->site, &counts, NULL, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
  g_assert_cmpuint (count (lectern_store_list_people (f->store, NULL)), ==, 0);
  g_assert_cmpuint (count (lectern_store_list_days (f->store, NULL)), ==, 0);
  g_assert_false (lectern_store_can_undo (f->store));
  g_unlink (path);
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GString) deep = g_string_new ("---\nlayout: page\ntitle: ");
  g_autoptr(GString) bomb = g_string_new ("---\nlayout: page\ntitle: <b>Bo</b> <br> Mb\n");
  g_autofree char *page_path = g_build_filename (f->site, "_pages", "about.md", NULL);
  g_autofree char *page = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *outside = g_build_filename (f->dir, "outside.md", NULL);
  g_autofree char *link = g_build_filename (f->site, "_projects", "zz_link.md", NULL);
  LecternSiteImportCounts counts;
  static const char garbage[] = "---\ntitle: x\n---\n\x89PNG\r\n\x1a\n\xff\xfe\x00\x01";

  assert_refused (f, "_projects/zz.md", "---\nlayout: page\ntitle: Unclosed\n", -1,
                  "_projects/zz.md, line 1: the front matter is never closed");
  /* found by the fuzz target: an empty front matter once made the reader loop */
  assert_refused (f, "_projects/zz.md", "---\n---\nlayout: page\n", -1,
                  "_projects/zz.md, line 2: no keys and values");
  assert_refused (f, "_projects/zz.md", "no front matter at all\n", -1,
                  "_projects/zz.md, line 1: no front matter");
  assert_refused (f, "_projects/zz.md", garbage, sizeof garbage - 1,
                  "_projects/zz.md, line 4: not UTF-8 text");
  assert_refused (f, "_projects/zz.md", "---\nlayout: page\ntitle: \"unclosed\n---\n", -1,
                  "_projects/zz.md, line ");

  /* 100,000 lists deep */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "\n---\n");
  assert_refused (f, "_projects/zz.md", deep->str, deep->len, "_projects/zz.md, line 3: values nested too deeply");

  /* a 10 MB cell in the schedule */
  g_assert_true (g_file_get_contents (page_path, &page, NULL, NULL));
  huge = g_malloc (10 * 1024 * 1024 + 1);
  memset (huge, 'a', 10 * 1024 * 1024);
  huge[10 * 1024 * 1024] = '\0';
  {
    g_autofree char *with = g_strdup_printf ("%s\n| 9:00am | %s | |\n", page, huge);

    assert_refused (f, "_pages/about.md", with, -1, "_pages/about.md, line 174: a table row of 10485775 bytes");
    g_assert_true (g_file_set_contents (page_path, page, -1, NULL));
  }

  /* a card that is a link to a file outside the site */
  g_assert_true (g_file_set_contents (outside, "---\ntitle: Outside\n---\n", -1, NULL));
  g_assert_cmpint (symlink (outside, link), ==, 0);
  g_assert_false (lectern_site_import (f->store, f->site, &counts, NULL, &error));
  g_assert_nonnull (strstr (error->message, "zz_link.md"));
  g_assert_cmpuint (count (lectern_store_list_people (f->store, NULL)), ==, 0);
  g_unlink (link);
  g_clear_error (&error);

  /* an alias bomb: aliases are not expanded, the card is read at once */
  g_string_append (bomb, "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
  for (char c = 'b'; c <= 'z'; c++)
    g_string_append_printf (bomb, "%c: &%c [*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c]\n", c, c,
                            c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
  g_string_append (bomb, "importance: 30\ncategory: speaker\nimg: assets/img/bomb.jpg\n---\n");
  lectern_test_write_file (f->site, "_projects/zz_bomb.md", bomb->str);
  /* and its image is not an image */
  lectern_test_write_file (f->site, "assets/img/bomb.jpg", "<html>not a photo</html>");
  g_assert_true (lectern_site_import (f->store, f->site, &counts, &notes, &error));
  g_assert_no_error (error);
  g_assert_nonnull (lectern_test_find_person (f->store, "Bo Mb"));
  g_assert_cmpuint (count_notes (notes, "The image assets/img/bomb.jpg is not an image"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lectern_test_keep_quark_block ();

  g_test_add ("/site-import/real-site", Fixture, NULL, fixture_set_up, test_real_site, lectern_test_site_tear_down);
  g_test_add ("/site-import/adopt", Fixture, NULL, fixture_set_up, test_adopt, lectern_test_site_tear_down);
  g_test_add ("/site-import/2025-site", Fixture, NULL, fixture_set_up, test_2025_site, lectern_test_site_tear_down);
  g_test_add ("/site-import/broken-page", Fixture, NULL, fixture_set_up, test_broken_page, lectern_test_site_tear_down);
  g_test_add ("/site-import/mis-encoded-card", Fixture, NULL, fixture_set_up, test_mis_encoded_card, lectern_test_site_tear_down);
  g_test_add ("/site-import/malformed", Fixture, NULL, fixture_set_up, test_malformed, lectern_test_site_tear_down);
  g_test_add ("/site-import/two-cards", Fixture, NULL, fixture_set_up, test_two_cards, lectern_test_site_tear_down);
  g_test_add ("/site-import/broken-card", Fixture, NULL, fixture_set_up, test_broken_card, lectern_test_site_tear_down);

  return g_test_run ();
}
