/* bench-publish.c: what a publish costs, in requests and in time
 *
 * Two tables, in Markdown, for the README:
 *
 * 1. HTTP requests per publish to the fake GitHub (tests/lectern-fake-
 *    github.h), counted by the fake, for the demo workshop published
 *    into the ES-FoMo 2023 site: the first publish, a no-op (with the
 *    page cache warm, and cold, as from a machine that never published),
 *    one person's affiliation changed (an organizer's: one card), 200
 *    speakers added, and 3 people with new photos. Beside each, what
 *    GitHub's Contents API, which takes one file per request, would
 *    need; a formula, not a measurement:
 *
 *      a change: one PUT /repos/O/R/contents/PATH per changed file, plus
 *        one GET of it first (for its sha) per changed file that already
 *        exists on the branch (as `git ls-tree` lists it before the
 *        publish);
 *      a no-op: one GET per file Lectern owns (the files of
 *        lectern_site_render()'s tree), to know that nothing changed.
 *
 * 2. The wall time of a publish, median of ROUNDS rounds, of the demo
 *    workshop and of the 2,000-person benchmark workshop (the one
 *    bench-export.c uses), through each path: the GitHub API (the fake
 *    server on loopback, in this process, on the same main context as
 *    the publisher) and a local clone (`git clone` of a bare repository
 *    over a file path; the publish exports, `git add`s, commits and
 *    pushes). Each round has a new bare repository seeded with the
 *    site, a new cache folder and a new clone; each times the first
 *    publish and a second one with nothing changed.
 *
 * The fake GitHub runs one `git hash-object` process for each file a
 * tree request carries inline, so the first GitHub publish of the
 * 2,000-person workshop (some 2,000 new files) spends most of its time
 * in the fake's git processes, which GitHub's servers do not have. The
 * numbers are left as measured: each round also replays those git
 * processes on their own, and the program prints their time beside the
 * publish's.
 *
 * usage: bench-publish [N_PEOPLE N_SLOTS N_SPONSORS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>
#include <string.h>

#include "lectern-clone-publisher.h"
#include "lectern-fake-github.h"
#include "lectern-github-publisher.h"
#include "lectern-site-render.h"
#include "lectern-test-util.h"

#define ROUNDS 5
#define TOKEN "ghp_bench0123456789abcdefTOKEN"
#define OWNER "es-fomo"
#define REPO "es-fomo.github.io"
#define BRANCH "main"
/* how long one publish may take before the benchmark gives up */
#define WAIT_MS (10 * 60 * 1000)

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-publish: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (const double *values)
{
  double sorted[ROUNDS];

  memcpy (sorted, values, sizeof sorted);
  qsort (sorted, ROUNDS, sizeof (double), compare_doubles);
  return sorted[ROUNDS / 2];
}

/* 2000 as "2,000", for the table */
static char *
thousands (int n)
{
  g_autofree char *digits = g_strdup_printf ("%d", ABS (n));
  GString *text = g_string_new (n < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------ */
/* Publishing, both ways                                               */

/* One publish to the fake GitHub, with the page cache in @cache_dir;
 * its wall time in @seconds (from the call to the result).
 */
static LecternPublishResult *
publish_github (LecternStore      *store,
                LecternFakeGithub *github,
                const char        *cache_dir,
                double            *seconds)
{
  g_autoptr(LecternGithubPublisher) publisher =
    lectern_github_publisher_new (store, OWNER, REPO, BRANCH, TOKEN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  LecternPublishResult *published;
  double t0;

  lectern_github_publisher_set_api_url (publisher, lectern_fake_github_get_url (github));
  lectern_github_publisher_set_cache_dir (publisher, cache_dir);
  /* the fake answers a tree of 2,000 files in seconds, not in one */
  lectern_github_publisher_set_timeout (publisher, WAIT_MS / 1000);
  lectern_fake_github_reset_requests (github);

  t0 = now ();
  lectern_github_publisher_publish_async (publisher, LECTERN_PUBLISH_DEFAULT, NULL,
                                          lectern_test_keep_result, &result);
  if (!lectern_test_wait_until (result != NULL, WAIT_MS))
    die ("publishing to the fake GitHub", NULL);
  published = lectern_github_publisher_publish_finish (publisher, result, &error);
  if (seconds != NULL)
    *seconds = now () - t0;
  if (published == NULL)
    die ("publishing to the fake GitHub", error);

  return published;
}

static LecternPublishResult *
publish_clone (LecternStore *store,
               const char   *clone,
               double       *seconds)
{
  g_autoptr(LecternClonePublisher) publisher = lectern_clone_publisher_new (store, clone);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  LecternPublishResult *published;
  double t0;

  t0 = now ();
  lectern_clone_publisher_publish_async (publisher, LECTERN_PUBLISH_DEFAULT, NULL,
                                         lectern_test_keep_result, &result);
  if (!lectern_test_wait_until (result != NULL, WAIT_MS))
    die ("publishing through the clone", NULL);
  published = lectern_clone_publisher_publish_finish (publisher, result, &error);
  if (seconds != NULL)
    *seconds = now () - t0;
  if (published == NULL)
    die ("publishing through the clone", error);

  return published;
}

static LecternFakeGithub *
fake_github_new (const char *git_dir)
{
  g_autoptr(GError) error = NULL;
  LecternFakeGithub *github = lectern_fake_github_new (git_dir, OWNER, REPO, TOKEN, &error);

  if (github == NULL)
    die ("starting the fake GitHub", error);

  return github;
}

/* ------------------------------------------------------------------ */
/* Table 1: requests                                                   */

typedef struct
{
  char  *label;
  guint  n_changed;
  guint  n_ours;
  guint  n_contents;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->label);
}

/* The paths on the branch now, as a set */
static GHashTable *
branch_paths (const char *git_dir)
{
  g_autofree char *listing = lectern_test_git (git_dir, "ls-tree", "-r", "--name-only", BRANCH, NULL);
  g_auto(GStrv) lines = g_strsplit (listing, "\n", -1);
  GHashTable *paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_hash_table_add (paths, g_strdup (lines[i]));

  return paths;
}

/* The files Lectern owns: the rendered site tree's */
static guint
count_owned_files (LecternStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSiteTree) tree = lectern_site_render (store, &error);

  if (tree == NULL)
    die ("rendering the site", error);

  return lectern_site_tree_get_n_files (tree);
}

/* A publish that changes something: ours counted by the fake, the
 * Contents API's by the formula (a PUT per changed file, and a GET
 * before it for each one the branch already has).
 */
static void
add_change_row (GArray            *rows,
                const char        *label,
                LecternStore      *store,
                LecternFakeGithub *github,
                const char        *git_dir,
                const char        *cache_dir)
{
  g_autoptr(GHashTable) existing = branch_paths (git_dir);
  g_autoptr(LecternPublishResult) result = publish_github (store, github, cache_dir, NULL);
  GPtrArray *changes = lectern_publish_result_get_changes (result);
  Row row = { 0, };
  guint n_existing = 0;

  if (!lectern_publish_result_get_published (result))
    die (label, NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      const LecternPublishChange *change = g_ptr_array_index (changes, i);

      if (g_hash_table_contains (existing, change->path))
        n_existing++;
    }

  row.label = g_strdup (label);
  row.n_changed = changes->len;
  row.n_ours = lectern_fake_github_get_n_requests (github);
  row.n_contents = changes->len + n_existing;
  g_array_append_val (rows, row);
}

/* A publish that finds nothing to do: the Contents API would read
 * every file Lectern owns.
 */
static void
add_noop_row (GArray            *rows,
              const char        *label,
              LecternStore      *store,
              LecternFakeGithub *github,
              const char        *cache_dir)
{
  g_autoptr(LecternPublishResult) result = publish_github (store, github, cache_dir, NULL);
  Row row = { 0, };

  if (!lectern_publish_result_is_nothing (result))
    die (label, NULL);

  row.label = g_strdup (label);
  row.n_changed = 0;
  row.n_ours = lectern_fake_github_get_n_requests (github);
  row.n_contents = count_owned_files (store);
  g_array_append_val (rows, row);
}

static GBytes *
make_png (int     width,
          guint32 color)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, width);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, color);
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL))
    die ("making a photo", error);

  return g_bytes_new_take (buffer, size);
}

static void
add_speaker (LecternStore *store,
             const char   *name,
             GBytes       *photo)
{
  g_autoptr(LecternPerson) person = lectern_person_new ();
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(GError) error = NULL;

  lectern_person_set_name (person, name);
  lectern_person_set_affiliation (person, "Example University");
  if (photo != NULL)
    lectern_person_set_photo (person, photo);
  if (!lectern_store_add_person (store, person, &error))
    die ("adding a speaker", error);
  card = lectern_store_add_card (store, person, LECTERN_ROLE_SPEAKER, NULL, &error);
  if (card == NULL)
    die ("adding a speaker's card", error);
}

/* An organizer's: one with no talk, whose affiliation is on their card
 * only (a speaker's is also on the home page and in the schedule).
 */
static void
change_affiliation (LecternStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternPerson) person = lectern_test_find_person (store, "Julien Launay");

  lectern_person_set_affiliation (person, "Institute of Benchmarks");
  if (!lectern_store_update_person (store, person, &error))
    die ("changing an affiliation", error);
}

static void
requests_table (const char *dir)
{
  g_autofree char *base = g_build_filename (dir, "requests", NULL);
  g_autofree char *workshop = g_build_filename (base, "demo.lectern", NULL);
  g_autofree char *cache = g_build_filename (base, "cache", NULL);
  g_autofree char *cold_cache = g_build_filename (base, "cache-cold", NULL);
  g_autofree char *git_dir = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternFakeGithub) github = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  guint n_owned;

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  g_mkdir_with_parents (base, 0755);
  git_dir = lectern_test_make_site_repository (base);
  store = lectern_test_create_demo (workshop, "Bench");
  github = fake_github_new (git_dir);

  add_change_row (rows, "First publish of the demo into the 2023 site", store, github, git_dir, cache);
  n_owned = count_owned_files (store);
  add_noop_row (rows, "No-op, page cache warm", store, github, cache);
  add_noop_row (rows, "No-op, cold cache (never published from here)", store, github, cold_cache);

  change_affiliation (store);
  add_change_row (rows, "One person's affiliation changed (an organizer)", store, github, git_dir, cache);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bench Speaker%03u", i);

      add_speaker (store, name, NULL);
    }
  add_change_row (rows, "200 speakers added", store, github, git_dir, cache);

  /* colors far apart: photos that came out the same after the site's
   * conversion would be one blob, uploaded once */
  for (guint i = 0; i < 3; i++)
    {
      static const guint32 colors[] = { 0xcc3333ff, 0x33cc33ff, 0x3333ccff };
      static const char * const names[] = { "Ada Photo", "Ben Photo", "Cleo Photo" };
      g_autoptr(GBytes) photo = make_png (64, colors[i]);

      add_speaker (store, names[i], photo);
    }
  add_change_row (rows, "3 people with new photos", store, github, git_dir, cache);

  g_print ("### HTTP requests per publish\n\n");
  g_print ("The demo workshop (ES-FoMo 2023) published into the 2023 site, one step after\n"
           "the other; Lectern's requests counted by the fake GitHub. The Contents API\n"
           "column is a formula, not a measurement: for a change, one\n"
           "`PUT /repos/O/R/contents/PATH` per changed file plus one `GET` (for its sha)\n"
           "per changed file the branch already has; for a no-op, one `GET` per file\n"
           "Lectern owns (the %u files of the demo's site tree), to find nothing changed.\n"
           "Each of those PUTs is also a commit of its own.\n\n", n_owned);
  g_print ("| Publish | Files changed | Lectern (Git Database API) | Contents API, a file per request |\n");
  g_print ("|---|---:|---:|---:|\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      g_print ("| %s | %u | %u | %u |\n", row->label, row->n_changed, row->n_ours, row->n_contents);
    }
  g_print ("\n");

  g_clear_object (&github);
}

/* ------------------------------------------------------------------ */
/* Table 2: wall time                                                  */

typedef struct
{
  const char   *name;
  LecternStore *store;
  guint         n_files;                 /* the first publish's changes */
  guint         n_text;                  /* of which not images */
  double        github[ROUNDS], github_noop[ROUNDS];
  double        clone[ROUNDS], clone_noop[ROUNDS];
  double        hash_objects[ROUNDS];    /* the fake's git processes, replayed */
} Timing;

static void
count_text_changes (LecternPublishResult *result,
                    Timing               *timing)
{
  GPtrArray *changes = lectern_publish_result_get_changes (result);

  timing->n_files = changes->len;
  timing->n_text = 0;
  for (guint i = 0; i < changes->len; i++)
    if (((const LecternPublishChange *) g_ptr_array_index (changes, i))->kind != LECTERN_SITE_FILE_IMAGE)
      timing->n_text++;
}

/* The part of the fake's work that GitHub's servers do not have: one
 * `git hash-object -w --stdin` for each text file the tree request
 * carried, replayed here as the fake runs it (GSubprocess, the text on
 * a pipe, in the same repository), one after the other; its seconds.
 */
static double
replay_hash_objects (const char           *git_dir,
                     LecternPublishResult *result)
{
  GPtrArray *changes = lectern_publish_result_get_changes (result);
  double t0 = now ();

  for (guint i = 0; i < changes->len; i++)
    {
      const LecternPublishChange *change = g_ptr_array_index (changes, i);
      const char *argv[] = { "git", "hash-object", "-w", "--stdin", NULL };
      g_autoptr(GSubprocessLauncher) launcher = NULL;
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GBytes) output = NULL;
      g_autoptr(GError) error = NULL;

      if (change->kind == LECTERN_SITE_FILE_IMAGE)
        continue;

      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                            G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                            G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_subprocess_launcher_set_cwd (launcher, git_dir);
      process = g_subprocess_launcher_spawnv (launcher, argv, &error);
      if (process == NULL ||
          !g_subprocess_communicate (process, change->contents, NULL, &output, NULL, &error))
        die ("git hash-object", error);
    }

  return now () - t0;
}

static void
time_round (Timing     *timing,
            const char *dir,
            int         round)
{
  g_autofree char *base = g_strdup_printf ("%s/%s-%d", dir, timing->name, round);
  g_autofree char *github_dir = g_build_filename (base, "github", NULL);
  g_autofree char *clone_dir = g_build_filename (base, "clone", NULL);
  g_autofree char *cache = g_build_filename (github_dir, "cache", NULL);
  g_autofree char *clone = g_build_filename (clone_dir, "work", NULL);
  g_autofree char *git_dir = NULL;
  g_autofree char *bare = NULL;

  g_mkdir_with_parents (github_dir, 0755);
  g_mkdir_with_parents (clone_dir, 0755);

  /* the GitHub API: a new repository behind a new fake, a new cache */
  git_dir = lectern_test_make_site_repository (github_dir);
  {
    g_autoptr(LecternFakeGithub) github = fake_github_new (git_dir);
    g_autoptr(LecternPublishResult) first = NULL;
    g_autoptr(LecternPublishResult) again = NULL;

    first = publish_github (timing->store, github, cache, &timing->github[round]);
    if (!lectern_publish_result_get_published (first))
      die ("the first publish to the fake GitHub published nothing", NULL);
    count_text_changes (first, timing);
    again = publish_github (timing->store, github, cache, &timing->github_noop[round]);
    if (!lectern_publish_result_is_nothing (again))
      die ("the second publish to the fake GitHub was not a no-op", NULL);
    timing->hash_objects[round] = replay_hash_objects (git_dir, first);
  }

  /* a local clone: a new repository, a new clone of it */
  bare = lectern_test_make_site_repository (clone_dir);
  g_free (lectern_test_git (clone_dir, "clone", "-q", bare, clone, NULL));
  {
    g_autoptr(LecternPublishResult) first = NULL;
    g_autoptr(LecternPublishResult) again = NULL;

    first = publish_clone (timing->store, clone, &timing->clone[round]);
    if (!lectern_publish_result_get_published (first))
      die ("the first publish through the clone published nothing", NULL);
    again = publish_clone (timing->store, clone, &timing->clone_noop[round]);
    if (!lectern_publish_result_is_nothing (again))
      die ("the second publish through the clone was not a no-op", NULL);
  }

  lectern_test_rm_rf (base);
}

static void
time_table (const char *dir,
            int         n_people,
            int         n_slots,
            int         n_sponsors)
{
  g_autofree char *demo_path = g_build_filename (dir, "demo.lectern", NULL);
  g_autofree char *big_path = g_build_filename (dir, "big.lectern", NULL);
  g_autofree char *big_name = NULL;
  g_autofree char *people = thousands (n_people);
  g_autofree char *slots = thousands (n_slots);
  g_autofree char *sponsors = thousands (n_sponsors);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) demo = lectern_test_create_demo (demo_path, "Bench");
  g_autoptr(LecternStore) big = lectern_test_create_big (big_path, n_people, n_slots, n_sponsors, &error);
  Timing timings[2] = { { 0, }, { 0, } };
  g_autofree char *n_text = NULL;

  if (big == NULL)
    die ("making the big workshop", error);

  timings[0].name = "demo";
  timings[0].store = demo;
  timings[1].name = "big";
  timings[1].store = big;

  for (int r = 0; r < ROUNDS; r++)
    for (guint w = 0; w < G_N_ELEMENTS (timings); w++)
      time_round (&timings[w], dir, r);

  n_text = thousands ((int) timings[1].n_text);

  big_name = g_strdup_printf ("Benchmark: %s people, %s slots, %s sponsors", people, slots, sponsors);

  g_print ("### Publish wall time\n\n");
  g_print ("Seconds, median of %d rounds; each round a new bare repository seeded with the\n"
           "2023 site, a new page cache and a new clone. GitHub API: the fake GitHub on\n"
           "loopback, in the same process. Local clone: a `git clone` of a bare repository\n"
           "over a file path; the publish exports, `git add`s, commits and pushes. No-op: a\n"
           "second publish, nothing changed.\n\n", ROUNDS);
  g_print ("| Workshop | Files published | Path | Publish | No-op publish |\n");
  g_print ("|---|---:|---|---:|---:|\n");
  for (guint w = 0; w < G_N_ELEMENTS (timings); w++)
    {
      const Timing *t = &timings[w];
      const char *label = w == 0 ? "Demo (ES-FoMo 2023)" : big_name;
      g_autofree char *n_files = thousands ((int) t->n_files);

      g_print ("| %s | %s | GitHub API | %.3f | %.3f |\n", label, n_files,
               median (t->github), median (t->github_noop));
      g_print ("| %s | %s | Local clone | %.3f | %.3f |\n", label, n_files,
               median (t->clone), median (t->clone_noop));
    }
  g_print ("\n");
  g_print ("The fake GitHub runs one `git hash-object` process for each text file a tree\n"
           "request carries, which GitHub's servers do not. Replayed alone, the %s runs of\n"
           "the %s-person workshop's first publish take %.3f s (median of %d rounds) of its\n"
           "%.3f s through the GitHub API: that time is the fake's, not Lectern's.\n",
           n_text, people, median (timings[1].hash_objects), ROUNDS, median (timings[1].github));
}

int
main (int    argc,
      char **argv)
{
  int n_people = argc > 3 ? atoi (argv[1]) : 2000;
  int n_slots = argc > 3 ? atoi (argv[2]) : 1500;
  int n_sponsors = argc > 3 ? atoi (argv[3]) : 100;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lectern-bench-publish-XXXXXX", &error);
  double t0 = now ();

  if (dir == NULL)
    die ("making a temporary folder", error);

  /* the site fixture, wherever the program is run from */
  if (g_getenv ("LECTERN_FIXTURES") == NULL)
    g_setenv ("LECTERN_FIXTURES", LECTERN_FIXTURES_DIR, TRUE);

  /* git as the tests have it, whatever the machine's configuration */
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_setenv ("GIT_CONFIG_GLOBAL", "/dev/null", TRUE);
  g_setenv ("GIT_AUTHOR_NAME", "Site Organizer", TRUE);
  g_setenv ("GIT_AUTHOR_EMAIL", "organizer@example.org", TRUE);
  g_setenv ("GIT_COMMITTER_NAME", "Site Organizer", TRUE);
  g_setenv ("GIT_COMMITTER_EMAIL", "organizer@example.org", TRUE);
  g_setenv ("GIT_CEILING_DIRECTORIES", g_get_tmp_dir (), TRUE);
  g_unsetenv ("GIT_DIR");
  g_unsetenv ("GIT_WORK_TREE");
  g_unsetenv ("GIT_INDEX_FILE");
  /* the fake is on loopback: no proxy in between */
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("https_proxy");
  g_unsetenv ("all_proxy");

  requests_table (dir);
  time_table (dir, n_people, n_slots, n_sponsors);

  g_print ("\n(bench-publish ran for %.0f s)\n", now () - t0);

  if (g_getenv ("LECTERN_BENCH_KEEP") != NULL)
    {
      g_print ("kept: %s\n", dir);
      return 0;
    }

  lectern_test_rm_rf (dir);

  return 0;
}
