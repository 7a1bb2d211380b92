/* test-site-diff.c: what an export changes, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-exporter.h"
#include "lectern-site-adapt.h"
#include "lectern-site-diff.h"
#include "lectern-test-util.h"

static GBytes *
text (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

#define CARD(title, importance, category, end) \
  "---\nlayout: page\ntitle: " title "\ndescription: MIT\nimg: assets/img/a.jpg\nredirect: https://a.org\n" \
  "importance: " importance "\ncategory: " category "\n---" end

static char *
describe (const char          *old,
          const char          *now,
          LecternSiteFileKind  kind)
{
  g_autoptr(GBytes) before = old != NULL ? text (old) : NULL;
  g_autoptr(GBytes) after = text (now);

  return lectern_site_describe_change (kind == LECTERN_SITE_FILE_PAGE ? "_pages/about.md" : "_projects/a.md",
                                       kind, before, after);
}

static void
test_describe (void)
{
  g_autofree char *moved = describe (CARD ("<b>Ann</b>", "3", "speaker", "\n"), CARD ("<b>Ann</b>", "7", "speaker", "\n"),
                                     LECTERN_SITE_FILE_CARD);
  g_autofree char *hidden = describe (CARD ("<b>Ann</b>", "3", "speaker", "\n"), CARD ("<b>Ann</b>", "1", "none", "\n"),
                                      LECTERN_SITE_FILE_CARD);
  g_autofree char *renamed = describe (CARD ("<b>Ann</b>", "3", "speaker", "\n"), CARD ("<b>Anne</b>", "3", "speaker", "\n"),
                                       LECTERN_SITE_FILE_CARD);
  g_autofree char *newline = describe (CARD ("<b>Ann</b>", "3", "speaker", ""), CARD ("<b>Ann</b>", "3", "speaker", "\n"),
                                       LECTERN_SITE_FILE_CARD);
  g_autofree char *fresh = describe (NULL, CARD ("<b>Ann</b>", "3", "speaker", "\n"), LECTERN_SITE_FILE_CARD);
  g_autofree char *page = describe ("a\nb\nc\n", "a\nB\nc\nd\n", LECTERN_SITE_FILE_PAGE);
  g_autoptr(GHashTable) front = NULL;
  g_autoptr(GBytes) card = text (CARD ("<b>Ann</b> <br> Lee", "3", "speaker", "\nBody.\n"));

  g_assert_cmpstr (moved, ==, "position 3 → 7");
  g_assert_cmpstr (hidden, ==, "position 3 → 1, list speaker → none");
  g_assert_cmpstr (renamed, ==, "name");
  g_assert_true (g_str_has_prefix (newline, "Formatting only"));
  g_assert_cmpstr (fresh, ==, "New card");
  g_assert_cmpstr (page, ==, "The schedule: 2 lines change");
  {
    g_autoptr(GBytes) before = text ("a\nb\n");
    g_autoptr(GBytes) after = text ("a\nB\n");
    g_autofree char *call = lectern_site_describe_change ("_pages/call.md", LECTERN_SITE_FILE_PAGE, before, after);

    /* the call page has no schedule */
    g_assert_cmpstr (call, ==, "1 line changes");
  }

  front = lectern_site_read_front_matter (card);
  g_assert_nonnull (front);
  g_assert_cmpstr (g_hash_table_lookup (front, "title"), ==, "<b>Ann</b> <br> Lee");
  g_assert_cmpstr (g_hash_table_lookup (front, "importance"), ==, "3");
}

/* The real ES-FoMo 2023 site and the demo with one new speaker: the
 * renumbering is one sentence with its reason (the site had ties), each
 * card says what changes, and a card that means the same is kept.
 */
static void
test_explain_real_site (void)
{
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-site-diff-XXXXXX");
  g_autofree char *fixture = lectern_test_fixture_path ("es-fomo-2023");
  g_autofree char *site = g_build_filename (dir, "site", NULL);
  g_autofree char *path = g_build_filename (dir, "w.lectern", NULL);
  g_autoptr(LecternStore) store = lectern_test_create_demo (path, NULL);
  g_autoptr(LecternPerson) lea = lectern_test_add_person (store, "Léa Dubois", "Inria");
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(LecternExporter) exporter = NULL;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autoptr(GError) error = NULL;
  const char *why;
  guint n = 0;
  GPtrArray *files;

  card = lectern_store_add_card (store, lea, LECTERN_ROLE_SPEAKER, NULL, &error);
  g_assert_no_error (error);
  lectern_test_copy_tree (fixture, site);

  exporter = lectern_exporter_new (store, site);
  plan = lectern_exporter_plan (exporter, &error);
  g_assert_no_error (error);

  why = lectern_export_result_get_renumbering (plan, &n);
  g_assert_nonnull (why);
  /* the workshop file never met this site: its positions are 1..N, and
   * the site's ties are numbered again */
  g_assert_cmpuint (n, >=, 10);
  g_assert_nonnull (strstr (why, "had the same position"));

  files = lectern_export_result_get_files (plan);
  for (guint i = 0; i < files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (files, i);

      if (file->change == LECTERN_EXPORT_UNCHANGED)
        continue;
      g_assert_nonnull (file->reason);
      if (g_str_equal (file->path, "_projects/lea.md"))
        g_assert_cmpstr (file->reason, ==, "New card");
      if (g_str_equal (file->path, "_projects/ce.md"))
        g_assert_cmpstr (file->reason, ==, "position 1 → 2");
      /* deepak.md says the same in the site's formatting: kept as it is */
      g_assert_cmpstr (file->path, !=, "_projects/deepak.md");
      g_assert_false (g_str_has_prefix (file->reason, "Formatting only"));
    }

  lectern_test_rm_rf (dir);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static char *
adapted (const char *rendered,
         const char *current)
{
  g_autoptr(GBytes) r = text_bytes (rendered);
  g_autoptr(GBytes) c = text_bytes (current);
  g_autoptr(GBytes) out = lectern_site_adapt_card (r, c);

  return g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
}

/* A card in the site's own formatting: kept when it means the same,
 * patched line by line when it does not */
static void
test_adapt_card (void)
{
  const char *mine = "---\nlayout: page\ntitle: <b>Tri</b> <br> Dao\ndescription: Together\n"
                     "img: assets/img/tri.jpeg\nredirect: https://tridao.me\nimportance: 2\ncategory: speaker\n---\n";
  const char *theirs = "---\nlayout: page\ntitle: <b>Tri</b> <br> Dao \ncategory: speaker\ndescription: Together\n"
                       "img: assets/img/tri.jpeg\nredirect: https://tridao.me\nimportance: 2\nhidden: true\n---";
  g_autofree char *same = adapted (mine, theirs);
  g_autofree char *moved = NULL;
  g_autofree char *other = NULL;
  g_autofree char *crlf = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *no_img = NULL;
  g_autofree char *garbled = NULL;
  g_autoptr(GString) changed = g_string_new (mine);

  /* the same meaning: the site's bytes (trailing space, order, its own key, no final newline) */
  g_assert_cmpstr (same, ==, theirs);

  /* a new position: that line only */
  g_string_replace (changed, "importance: 2", "importance: 5", 1);
  moved = adapted (changed->str, theirs);
  g_assert_cmpstr (moved, ==, "---\nlayout: page\ntitle: <b>Tri</b> <br> Dao \ncategory: speaker\ndescription: Together\n"
                              "img: assets/img/tri.jpeg\nredirect: https://tridao.me\nimportance: 5\nhidden: true\n---");

  /* a new affiliation, in a file with Windows line ends */
  g_string_replace (changed, "importance: 5", "importance: 2", 1);
  g_string_replace (changed, "description: Together", "description: Princeton", 1);
  crlf = adapted (changed->str, "---\r\nlayout: page\r\ntitle: <b>Tri</b> <br> Dao\r\ndescription: Together\r\n"
                                "img: assets/img/tri.jpeg\r\nredirect: https://tridao.me\r\nimportance: 2\r\n"
                                "category: speaker\r\n---\r\n");
  g_assert_cmpstr (crlf, ==, "---\r\nlayout: page\r\ntitle: <b>Tri</b> <br> Dao\r\ndescription: Princeton\r\n"
                             "img: assets/img/tri.jpeg\r\nredirect: https://tridao.me\r\nimportance: 2\r\n"
                             "category: speaker\r\n---\r\n");

  /* a folded value that changes: its continuation lines go with it */
  folded = adapted (changed->str, "---\nlayout: page\ntitle: <b>Tri</b> <br> Dao\ndescription: >\n  Together\n"
                                  "img: assets/img/tri.jpeg\nredirect: https://tridao.me\nimportance: 2\n"
                                  "category: speaker\n---\n");
  g_assert_cmpstr (folded, ==, "---\nlayout: page\ntitle: <b>Tri</b> <br> Dao\ndescription: Princeton\n"
                               "img: assets/img/tri.jpeg\nredirect: https://tridao.me\nimportance: 2\n"
                               "category: speaker\n---\n");

  /* Lectern writes no img when there is none: the site's line goes */
  no_img = adapted ("---\nlayout: page\ntitle: <b>Tri</b> <br> Dao\ndescription: Together\n"
                    "redirect: https://tridao.me\nimportance: 2\ncategory: speaker\n---\n", theirs);
  g_assert_null (strstr (no_img, "img:"));
  g_assert_nonnull (strstr (no_img, "hidden: true\n---"));

  /* a site card missing keys gets Lectern's, in Lectern's order, before its end */
  other = adapted (mine, "---\ntitle: <b>Tri</b> <br> Dao\n---\nbody text\n");
  g_assert_cmpstr (other, ==, "---\ntitle: <b>Tri</b> <br> Dao\nlayout: page\ndescription: Together\n"
                              "img: assets/img/tri.jpeg\nredirect: https://tridao.me\nimportance: 2\n"
                              "category: speaker\n---\nbody text\n");

  /* what cannot be patched is written as Lectern renders it */
  garbled = adapted (mine, "not a card\n");
  g_assert_cmpstr (garbled, ==, mine);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lectern_test_keep_quark_block ();

  g_test_add_func ("/site-diff/describe", test_describe);
  g_test_add_func ("/site-diff/explain-real-site", test_explain_real_site);
  g_test_add_func ("/site-diff/adapt-card", test_adapt_card);

  return g_test_run ();
}
