/* test-publish-github.c: publishing straight to GitHub, against a local
 * server that plays GitHub over a real bare git repository
 *
 * Every test checks the branch with real git afterwards: one new commit
 * with exactly the changed files, or the branch as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "lectern-fake-github.h"
#include "lectern-git-blob.h"
#include "lectern-github-publisher.h"
#include "lectern-site-import.h"
#include "lectern-store-cfp.h"
#include "lectern-test-util.h"

#define TOKEN "ghp_test0123456789abcdefTOKEN"

typedef struct
{
  char              *dir;
  char              *git_dir;
  char              *cache;
  char              *workshop;
  LecternStore      *store;
  LecternFakeGithub *github;
  GPtrArray         *steps;
} Fixture;

static guint
count_commits (Fixture *f)
{
  g_autofree char *count = lectern_test_git (f->git_dir, "rev-list", "--count", "main", NULL);

  return (guint) g_ascii_strtoull (count, NULL, 10);
}

static char *
head (Fixture *f)
{
  return lectern_test_git (f->git_dir, "rev-parse", "main", NULL);
}

static void
progress_cb (LecternGithubPublisher *publisher,
             const char             *step,
             Fixture                *f)
{
  g_ptr_array_add (f->steps, g_strdup (step));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = lectern_test_make_tmpdir ("lectern-publish-XXXXXX");
  f->cache = g_build_filename (f->dir, "cache", NULL);
  f->workshop = g_build_filename (f->dir, "es-fomo.lectern", NULL);
  f->steps = g_ptr_array_new_with_free_func (g_free);

  /* the repository: the ES-FoMo 2023 site as its organizers left it */
  f->git_dir = lectern_test_make_site_repository (f->dir);

  f->store = lectern_test_create_demo (f->workshop, "Ann");
  f->github = lectern_fake_github_new (f->git_dir, "es-fomo", "es-fomo.github.io", TOKEN, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->github);
  g_clear_object (&f->store);
  lectern_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->git_dir);
  g_free (f->cache);
  g_free (f->workshop);
  g_ptr_array_unref (f->steps);
}

static LecternGithubPublisher *
publisher_new (Fixture    *f,
               const char *token)
{
  LecternGithubPublisher *publisher =
    lectern_github_publisher_new (f->store, "es-fomo", "es-fomo.github.io", "main", token);

  lectern_github_publisher_set_api_url (publisher, lectern_fake_github_get_url (f->github));
  lectern_github_publisher_set_cache_dir (publisher, f->cache);
  lectern_github_publisher_set_timeout (publisher, 1);
  lectern_github_publisher_set_backoff (publisher, 10, 5);
  g_signal_connect (publisher, "progress", G_CALLBACK (progress_cb), f);

  return publisher;
}

static LecternPublishResult *
publish_full (Fixture              *f,
              const char           *token,
              LecternPublishFlags   flags,
              GError              **error)
{
  g_autoptr(LecternGithubPublisher) publisher = publisher_new (f, token);
  g_autoptr(GAsyncResult) result = NULL;

  lectern_fake_github_reset_requests (f->github);
  lectern_github_publisher_publish_async (publisher, flags, NULL, lectern_test_keep_result, &result);
  g_assert_true (lectern_test_wait_until (result != NULL, 30000));

  return lectern_github_publisher_publish_finish (publisher, result, error);
}

static LecternPublishResult *
publish (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  LecternPublishResult *result = publish_full (f, TOKEN, LECTERN_PUBLISH_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* The files the branch's last commit changed, sorted */
static char *
last_commit_files (Fixture *f)
{
  return lectern_test_git (f->git_dir, "diff-tree", "--no-commit-id", "--name-only", "-r", "main", NULL);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
changed_paths (LecternPublishResult *result)
{
  GPtrArray *changes = lectern_publish_result_get_changes (result);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  for (guint i = 0; i < changes->len; i++)
    g_ptr_array_add (paths, ((LecternPublishChange *) g_ptr_array_index (changes, i))->path);
  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);

  return g_strjoinv ("\n", (char **) paths->pdata);
}

/* Each changed file is on the branch byte for byte */
static void
assert_published (Fixture              *f,
                  LecternPublishResult *result)
{
  GPtrArray *changes = lectern_publish_result_get_changes (result);
  g_autofree char *files = last_commit_files (f);
  g_autofree char *expected = changed_paths (result);

  g_assert_cmpstr (files, ==, expected);

  for (guint i = 0; i < changes->len; i++)
    {
      const LecternPublishChange *change = g_ptr_array_index (changes, i);
      g_autofree char *spec = g_strdup_printf ("main:%s", change->path);
      g_autofree char *sha = lectern_test_git (f->git_dir, "rev-parse", spec, NULL);
      g_autofree char *expected_sha = lectern_git_blob_sha1 (change->contents);

      g_assert_cmpstr (sha, ==, expected_sha);
    }
}

/* The demo workshop into the 2023 site: one commit with the files that
 * differ, the organizers' own files untouched; publishing again is
 * nothing, in at most three requests.
 */
static void
test_first_publish (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LecternPublishResult) result = NULL;
  g_autoptr(LecternPublishResult) again = NULL;
  g_autoptr(LecternPublishResult) cold = NULL;
  g_autofree char *before = head (f);
  g_autofree char *parent = NULL, *config_before = NULL, *config_after = NULL;
  g_autofree char *message = NULL;
  guint n_commits = count_commits (f);

  config_before = lectern_test_git (f->git_dir, "rev-parse", "main:_config.yml", NULL);
  result = publish (f);

  g_assert_false (lectern_publish_result_is_nothing (result));
  g_assert_true (lectern_publish_result_get_published (result));
  g_assert_cmpuint (count_commits (f), ==, n_commits + 1);
  parent = lectern_test_git (f->git_dir, "rev-parse", "main^", NULL);
  g_assert_cmpstr (parent, ==, before);
  assert_published (f, result);
  config_after = lectern_test_git (f->git_dir, "rev-parse", "main:_config.yml", NULL);
  g_assert_cmpstr (config_before, ==, config_after);

  /* ref, tree, the home page, the new tree, the commit, the branch */
  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->github), <=, 6);
  g_assert_cmpuint (lectern_publish_result_get_n_requests (result), ==,
                    lectern_fake_github_get_n_requests (f->github));
  message = lectern_test_git (f->git_dir, "log", "-1", "--format=%s", "main", NULL);
  g_assert_cmpstr (message, !=, "");
  g_assert_true (g_str_has_prefix (lectern_publish_result_get_message (result), message));

  /* nothing changed: no commit, two requests (the page is in the cache) */
  again = publish (f);
  g_assert_true (lectern_publish_result_is_nothing (again));
  g_assert_false (lectern_publish_result_get_published (again));
  g_assert_cmpuint (count_commits (f), ==, n_commits + 1);
  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->github), <=, 3);

  /* from a machine that never published: four (the ref, the tree, the
   * home page and the calendar, whose stamps it keeps) */
  g_free (f->cache);
  f->cache = g_build_filename (f->dir, "cache-2", NULL);
  cold = publish (f);
  g_assert_true (lectern_publish_result_is_nothing (cold));
  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->github), ==, 4);
  g_assert_cmpuint (count_commits (f), ==, n_commits + 1);
}

static GBytes *
make_image (int         width,
            guint32     color,
            const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, width);
  g_autofree char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, color);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, NULL, NULL));

  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

static void
add_speaker (Fixture    *f,
             const char *name,
             GBytes     *photo)
{
  g_autoptr(LecternPerson) person = lectern_person_new ();
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(GError) error = NULL;

  lectern_person_set_name (person, name);
  lectern_person_set_affiliation (person, "Example University");
  if (photo != NULL)
    lectern_person_set_photo (person, photo);
  lectern_store_add_person (f->store, person, &error);
  g_assert_no_error (error);
  card = lectern_store_add_card (f->store, person, LECTERN_ROLE_SPEAKER, NULL, &error);
  g_assert_no_error (error);
}

/* Photos travel as blobs of their own and arrive byte for byte; text
 * files, however many, in the one tree request.
 */
static void
test_images_and_many_files (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(LecternPublishResult) first = publish (f);
  g_autoptr(LecternPublishResult) result = NULL;
  g_autoptr(LecternPublishResult) many = NULL;
  g_autoptr(GBytes) photo1 = make_image (500, 0x3366ccff, "jpeg");
  g_autoptr(GBytes) photo2 = make_image (600, 0xcc6633ff, "png");
  GPtrArray *changes;
  guint n_images = 0;
  guint n_commits;

  add_speaker (f, "Ann Example", photo1);
  add_speaker (f, "Bo Example", photo2);
  n_commits = count_commits (f);
  result = publish (f);
  assert_published (f, result);
  g_assert_cmpuint (count_commits (f), ==, n_commits + 1);

  changes = lectern_publish_result_get_changes (result);
  for (guint i = 0; i < changes->len; i++)
    {
      const LecternPublishChange *change = g_ptr_array_index (changes, i);
      g_autofree char *spec = NULL;
      g_autofree char *type = NULL;

      if (change->kind != LECTERN_SITE_FILE_IMAGE)
        continue;
      n_images++;
      spec = g_strdup_printf ("main:%s", change->path);
      type = lectern_test_git (f->git_dir, "cat-file", "-t", spec, NULL);
      g_assert_cmpstr (type, ==, "blob");
    }
  g_assert_cmpuint (n_images, ==, 2);
  /* ref, tree, two blobs, tree, commit, branch */
  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->github), ==, 5 + n_images);

  /* 200 cards at once: still one tree request */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Speaker Number%03u", i);

      add_speaker (f, name, NULL);
    }
  n_commits = count_commits (f);
  many = publish (f);
  g_assert_cmpuint (lectern_publish_result_get_changes (many)->len, >=, 200);
  assert_published (f, many);
  g_assert_cmpuint (count_commits (f), ==, n_commits + 1);
  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->github), <=, 6);
  g_assert_nonnull (strstr (lectern_publish_result_get_message (many), "Speakers: added"));
}

/* Someone pushes between our read and our update: the commit is built
 * again on theirs, and their file stays.
 */
static void
test_branch_moved (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LecternPublishResult) result = NULL;
  g_autofree char *intruder = NULL, *parent = NULL, *listing = NULL;
  guint n_commits = count_commits (f);

  lectern_fake_github_add_fault (f->github, LECTERN_FAKE_FAULT_MOVE_BRANCH, "PATCH",
                                 "git/refs/heads/", 1, 0, NULL, NULL, 0);
  result = publish (f);

  /* theirs, then ours on top */
  g_assert_cmpuint (count_commits (f), ==, n_commits + 2);
  assert_published (f, result);
  parent = lectern_test_git (f->git_dir, "log", "-1", "--format=%s", "main^", NULL);
  g_assert_cmpstr (parent, !=, "");
  listing = lectern_test_git (f->git_dir, "ls-tree", "--name-only", "main", NULL);
  g_assert_nonnull (strstr (listing, "intruder-"));
  intruder = lectern_test_git (f->git_dir, "rev-list", "--count", "main^", NULL);
  g_assert_cmpuint (g_ascii_strtoull (intruder, NULL, 10), ==, n_commits + 1);
}

/* The branch moves every time: give up after a few rounds, theirs kept */
static void
test_branch_keeps_moving (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternPublishResult) result = NULL;
  g_autofree char *listing = NULL;
  guint n_commits = count_commits (f);

  lectern_fake_github_add_fault (f->github, LECTERN_FAKE_FAULT_MOVE_BRANCH, "PATCH",
                                 "git/refs/heads/", 10, 0, NULL, NULL, 0);
  result = publish_full (f, TOKEN, LECTERN_PUBLISH_DEFAULT, &error);
  g_assert_null (result);
  g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_MOVED);

  /* only theirs: four rounds, four intruders */
  g_assert_cmpuint (count_commits (f), ==, n_commits + 4);
  listing = lectern_test_git (f->git_dir, "log", "--format=%s", "main", NULL);
  g_assert_null (strstr (listing, "Schedule"));
}

/* A protected branch is left alone; published as a pull request instead */
static void
test_protected (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternPublishResult) refused = NULL;
  g_autoptr(LecternPublishResult) result = NULL;
  g_autofree char *before = head (f);
  g_autofree char *after = NULL, *pr_head = NULL, *spec = NULL, *parent = NULL;
  GPtrArray *pulls;

  lectern_fake_github_protect_branch (f->github, "main");
  refused = publish_full (f, TOKEN, LECTERN_PUBLISH_DEFAULT, &error);
  g_assert_null (refused);
  g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_PROTECTED);
  g_assert_nonnull (strstr (error->message, "pull request"));
  after = head (f);
  g_assert_cmpstr (before, ==, after);

  result = publish_full (f, TOKEN, LECTERN_PUBLISH_PULL_REQUEST, NULL);
  g_assert_nonnull (result);
  g_assert_nonnull (lectern_publish_result_get_pull_request_url (result));
  g_clear_pointer (&after, g_free);
  after = head (f);
  g_assert_cmpstr (before, ==, after);

  spec = g_strdup_printf ("refs/heads/%s", lectern_publish_result_get_pull_request_branch (result));
  pr_head = lectern_test_git (f->git_dir, "rev-parse", spec, NULL);
  g_assert_cmpstr (pr_head, ==, lectern_publish_result_get_commit_sha (result));
  g_free (spec);
  spec = g_strdup_printf ("%s^", pr_head);
  parent = lectern_test_git (f->git_dir, "rev-parse", spec, NULL);
  g_assert_cmpstr (parent, ==, before);

  pulls = lectern_fake_github_get_pulls (f->github);
  g_assert_cmpuint (pulls->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (pulls, 0), "->main: ") ||
                 strstr (g_ptr_array_index (pulls, 0), "->main: ") != NULL);
}

/* A fault at one step: (request prefix, method) */
typedef struct
{
  const char *method;
  const char *prefix;
} Step;

static const Step steps[] = {
  { "GET", "git/ref/" },
  { "GET", "git/trees" },
  { "GET", "git/blobs" },
  { "POST", "git/blobs" },
  { "POST", "git/trees" },
  { "POST", "git/commits" },
  { "PATCH", "git/refs/heads/" },
};

static void
add_photo_change (Fixture *f)
{
  g_autoptr(GBytes) photo = make_image (450, 0x22aa44ff, "png");

  add_speaker (f, "Cy Example", photo);
}

/* A server error or a dropped connection, once at any step: retried,
 * and the branch ends fully updated, with one commit.
 */
static void
test_transient_faults (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { LecternFakeFaultKind kind; guint status; guint delay; } faults[] = {
    { LECTERN_FAKE_FAULT_STATUS, 500, 0 },
    { LECTERN_FAKE_FAULT_STATUS, 502, 0 },
    { LECTERN_FAKE_FAULT_RESET, 0, 0 },
    { LECTERN_FAKE_FAULT_SLOW, 0, 1600 },
  };

  add_photo_change (f);

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    for (guint k = 0; k < G_N_ELEMENTS (faults); k++)
      {
        g_autoptr(LecternPublishResult) result = NULL;
        g_autofree char *name = g_strdup_printf ("Step%u Fault%u", s, k);
        g_autoptr(GBytes) photo = make_image (420 + s, 0x112233ff + (s << 8) + k, "png");
        guint n_commits;

        /* something new each round, with a photo (for the blob step);
         * a new cache, so the home page is read (for that step) */
        add_speaker (f, name, photo);
        g_free (f->cache);
        f->cache = g_strdup_printf ("%s/cache-%u-%u", f->dir, s, k);
        n_commits = count_commits (f);
        lectern_fake_github_add_fault (f->github, faults[k].kind, steps[s].method, steps[s].prefix,
                                       1, faults[k].status, NULL, NULL, faults[k].delay);
        result = publish (f);
        if (g_test_verbose ())
          g_printerr ("%s %s fault %u: %u requests\n", steps[s].method, steps[s].prefix, k,
                      lectern_fake_github_get_n_requests (f->github));
        g_assert_true (lectern_publish_result_get_published (result));
        g_assert_cmpuint (count_commits (f), ==, n_commits + 1);
        assert_published (f, result);
      }
}

/* Server errors that do not stop: the branch as it was, and words */
static void
test_lasting_faults (Fixture       *f,
                     gconstpointer  data)
{
  add_photo_change (f);

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LecternPublishResult) result = NULL;
      g_autofree char *before = head (f);
      g_autofree char *after = NULL;

      g_free (f->cache);
      f->cache = g_strdup_printf ("%s/cache-lasting-%u", f->dir, s);
      lectern_fake_github_add_fault (f->github, LECTERN_FAKE_FAULT_STATUS, steps[s].method,
                                     steps[s].prefix, 4, 502, NULL, NULL, 0);
      result = publish_full (f, TOKEN, LECTERN_PUBLISH_DEFAULT, &error);
      g_assert_null (result);
      g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_SERVER);
      after = head (f);
      g_assert_cmpstr (before, ==, after);
      if (strcmp (steps[s].method, "PATCH") != 0)
        g_assert_nonnull (strstr (error->message, "Nothing was published"));
    }

  /* a connection that is dropped every time */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LecternPublishResult) result = NULL;
    g_autofree char *before = head (f);
    g_autofree char *after = NULL;

    lectern_fake_github_add_fault (f->github, LECTERN_FAKE_FAULT_RESET, "POST", "git/trees",
                                   4, 0, NULL, NULL, 0);
    result = publish_full (f, TOKEN, LECTERN_PUBLISH_DEFAULT, &error);
    g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_NETWORK);
    after = head (f);
    g_assert_cmpstr (before, ==, after);
  }

  /* an answer slower than the timeout, every time */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LecternPublishResult) result = NULL;
    g_autofree char *before = head (f);
    g_autofree char *after = NULL;

    lectern_fake_github_add_fault (f->github, LECTERN_FAKE_FAULT_SLOW, "POST", "git/commits",
                                   4, 0, NULL, NULL, 1600);
    result = publish_full (f, TOKEN, LECTERN_PUBLISH_DEFAULT, &error);
    g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_NETWORK);
    after = head (f);
    g_assert_cmpstr (before, ==, after);
  }
}

/* 401, 403 and 404, in GitHub's recorded words, explained */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *before = head (f);
  /* GitHub's words for a token without the permission (publish-api.md
   * §2.2; no recording of a 403 exists in @octokit/fixtures) */
  const char *forbidden = "{\"message\":\"Resource not accessible by personal access token\","
                          "\"documentation_url\":\"https://docs.github.com/rest/git/refs#update-a-reference\","
                          "\"status\":\"403\"}";
  g_autofree char *validation = lectern_fake_github_fixture ("validation-failed.json");
  g_autofree char *not_found = lectern_fake_github_fixture ("not-found.json");
  struct {
    guint status;
    const char *body;
    const char *headers;
    LecternPublishError code;
    const char *words;
  } cases[] = {
    { 403, forbidden, "x-accepted-github-permissions: contents=read", LECTERN_PUBLISH_ERROR_FORBIDDEN, "Contents: write on es-fomo/es-fomo.github.io" },
    { 404, not_found, NULL, LECTERN_PUBLISH_ERROR_NOT_FOUND, "es-fomo/es-fomo.github.io" },
    /* the rate limit for hours: not waited for */
    { 403, NULL, "x-ratelimit-remaining: 0\nx-ratelimit-reset: 4102444800", LECTERN_PUBLISH_ERROR_RATE_LIMITED, "rate limit" },
  };

  g_assert_nonnull (validation);
  g_assert_nonnull (not_found);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LecternPublishResult) result = NULL;
      g_autofree char *after = NULL;

      lectern_fake_github_add_fault (f->github, LECTERN_FAKE_FAULT_STATUS, NULL, "git/ref/", 1,
                                     cases[i].status, cases[i].body, cases[i].headers, 0);
      result = publish_full (f, TOKEN, LECTERN_PUBLISH_DEFAULT, &error);
      g_assert_null (result);
      g_assert_error (error, LECTERN_PUBLISH_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].words));
      after = head (f);
      g_assert_cmpstr (before, ==, after);
    }

  /* a 422 GitHub recorded, at the tree: refused in its words */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LecternPublishResult) result = NULL;
    g_autofree char *after = NULL;

    lectern_fake_github_add_fault (f->github, LECTERN_FAKE_FAULT_STATUS, "POST", "git/trees", 1,
                                   422, validation, NULL, 0);
    result = publish_full (f, TOKEN, LECTERN_PUBLISH_DEFAULT, &error);
    g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_SERVER);
    g_assert_nonnull (strstr (error->message, "Validation Failed"));
    g_assert_nonnull (strstr (error->message, "Nothing was published"));
    after = head (f);
    g_assert_cmpstr (before, ==, after);
  }

  /* a wrong token: the server's own 401 */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LecternPublishResult) result = publish_full (f, "ghp_wrong", LECTERN_PUBLISH_DEFAULT, &error);

    g_assert_null (result);
    g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_UNAUTHORIZED);
    g_assert_nonnull (strstr (error->message, "Bad credentials"));
    g_assert_null (strstr (error->message, "ghp_wrong"));
  }

  /* no token at all */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LecternPublishResult) result = publish_full (f, "", LECTERN_PUBLISH_DEFAULT, &error);

    g_assert_error (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_NO_TOKEN);
  }
}

/* Rate limits that end soon are waited out, as GitHub says */
static void
test_rate_limits (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *reset = g_strdup_printf ("x-ratelimit-remaining: 0\nx-ratelimit-reset: %"
                                            G_GINT64_FORMAT,
                                            g_get_real_time () / G_USEC_PER_SEC + 1);
  g_autoptr(LecternPublishResult) result = NULL;
  guint n_commits = count_commits (f);
  gboolean waited = FALSE;

  lectern_fake_github_add_fault (f->github, LECTERN_FAKE_FAULT_STATUS, "GET", "git/ref/", 1,
                                 429, NULL, "retry-after: 1", 0);
  lectern_fake_github_add_fault (f->github, LECTERN_FAKE_FAULT_STATUS, "POST", "git/trees", 1,
                                 403, NULL, reset, 0);
  result = publish (f);
  g_assert_true (lectern_publish_result_get_published (result));
  g_assert_cmpuint (count_commits (f), ==, n_commits + 1);
  assert_published (f, result);

  for (guint i = 0; i < f->steps->len; i++)
    waited |= strstr (g_ptr_array_index (f->steps, i), "rate limit") != NULL;
  g_assert_true (waited);
}

/* A 409 while moving the branch, because it moved: built again */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(LecternPublishResult) result = NULL;
  guint n_commits = count_commits (f);

  /* someone pushes after our read; GitHub answers the update with 409 */
  lectern_fake_github_add_fault (f->github, LECTERN_FAKE_FAULT_MOVE_BRANCH, "POST",
                                 "git/commits", 1, 0, NULL, NULL, 0);
  lectern_fake_github_add_fault (f->github, LECTERN_FAKE_FAULT_STATUS, "PATCH",
                                 "git/refs/heads/", 1, 409, NULL, NULL, 0);
  result = publish (f);
  g_assert_true (lectern_publish_result_get_published (result));
  g_assert_cmpuint (count_commits (f), ==, n_commits + 2);
  assert_published (f, result);
}

static void
cancel_on_step (LecternGithubPublisher *publisher,
                const char             *step,
                GCancellable           *cancellable)
{
  if (g_str_has_prefix (step, "Writing the commit"))
    g_cancellable_cancel (cancellable);
}

/* Cancelled mid-way: said so, and the branch as it was */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LecternGithubPublisher) publisher = publisher_new (f, TOKEN);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LecternPublishResult) published = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = head (f);
  g_autofree char *after = NULL;

  /* a slow answer to the commit, cancelled while it is awaited */
  lectern_fake_github_add_fault (f->github, LECTERN_FAKE_FAULT_SLOW, "POST", "git/commits",
                                 1, 0, NULL, NULL, 500);
  g_signal_connect (publisher, "progress", G_CALLBACK (cancel_on_step), cancellable);
  lectern_github_publisher_publish_async (publisher, LECTERN_PUBLISH_DEFAULT, cancellable,
                                          lectern_test_keep_result, &result);
  g_assert_true (lectern_test_wait_until (result != NULL, 30000));
  published = lectern_github_publisher_publish_finish (publisher, result, &error);
  g_assert_null (published);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* the slow answer arrives after; nothing follows it */
  g_assert_false (lectern_test_wait_until (FALSE, 1000));
  after = head (f);
  g_assert_cmpstr (before, ==, after);
}

/* HTTPS to GitHub needs a TLS backend at run time (glib-networking) */
static void
test_tls (void)
{
  g_assert_true (g_tls_backend_supports_tls (g_tls_backend_get_default ()));
}

/* The dry run lists what would change and changes nothing */
static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LecternPublishResult) result = NULL;
  g_autofree char *before = head (f);
  g_autofree char *after = NULL;

  result = publish_full (f, TOKEN, LECTERN_PUBLISH_DRY_RUN, NULL);
  g_assert_nonnull (result);
  g_assert_false (lectern_publish_result_is_nothing (result));
  g_assert_false (lectern_publish_result_get_published (result));
  after = head (f);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->github), <=, 3);
}

/* A site imported into a new workshop file and published at once: the
 * commit changes the home page (Lectern's markers) and adds
 * _data/schedule.yml and the program's files, and no card, without a
 * request more */
static void
test_adopted_site (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *fixture = lectern_test_fixture_path ("es-fomo-2023");
  g_autofree char *full = g_build_filename (f->dir, "full-site", NULL);
  g_autofree char *git_dir = g_build_filename (f->dir, "full.git", NULL);
  g_autofree char *path = g_build_filename (f->dir, "adopted.lectern", NULL);
  g_autofree char *changed = NULL;
  g_autoptr(LecternPublishResult) result = NULL;
  g_autoptr(GError) error = NULL;
  LecternSiteImportCounts counts;

  lectern_test_copy_tree (fixture, full);
  g_free (lectern_test_git (f->dir, "init", "-q", "--bare", "-b", "main", git_dir, NULL));
  g_free (lectern_test_git (full, "init", "-q", "-b", "main", NULL));
  g_free (lectern_test_git (full, "add", "-A", NULL));
  g_free (lectern_test_git (full, "commit", "-q", "-m", "The whole site", NULL));
  g_free (lectern_test_git (full, "push", "-q", git_dir, "main", NULL));

  g_clear_object (&f->github);
  g_clear_object (&f->store);
  g_free (f->git_dir);
  f->git_dir = g_steal_pointer (&git_dir);
  f->github = lectern_fake_github_new (f->git_dir, "es-fomo", "es-fomo.github.io", TOKEN, &error);
  g_assert_no_error (error);
  f->store = lectern_store_create (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_site_import (f->store, full, &counts, NULL, &error));
  g_assert_no_error (error);

  result = publish (f);
  g_assert_true (lectern_publish_result_get_published (result));
  changed = lectern_test_git (f->git_dir, "diff", "--name-only", "main^", "main", NULL);
  g_assert_cmpstr (changed, ==, "_data/schedule.yml\n_pages/about.md\nassets/schedule/schedule.ics\n"
                                "assets/schedule/schedule.json\nassets/schedule/schedule.xml");
  /* ref, tree, the home page, the new tree, the commit, the branch */
  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->github), <=, 6);

  /* the call, shown: its page (read from the branch for the site's own
   * text around Lectern's lists), its data and the calendar change */
  {
    g_autoptr(LecternCfp) cfp = lectern_store_get_cfp (f->store, &error);
    g_autoptr(LecternPublishResult) again = NULL;
    g_autofree char *call = NULL;
    g_autofree char *moved = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (lectern_cfp_get_submission_url (cfp), ==, "https://openreview.net/group?id=ICML.cc/2023/Workshop/ES-FoMO");
    lectern_cfp_set_published (cfp, TRUE);
    g_assert_true (lectern_store_update_cfp (f->store, cfp, &error));
    g_assert_no_error (error);

    again = publish (f);
    g_assert_true (lectern_publish_result_get_published (again));
    moved = lectern_test_git (f->git_dir, "diff", "--name-only", "main^", "main", NULL);
    g_assert_cmpstr (moved, ==, "_data/cfp.yml\n_pages/call.md\nassets/schedule/schedule.ics");
    call = lectern_test_git (f->git_dir, "show", "main:_pages/call.md", NULL);
    g_assert_nonnull (strstr (call, "<!-- lectern:cfp-dates:begin"));
    g_assert_nonnull (strstr (call, "* Camera-ready deadline: **`2023/07/07`**\n"));
    /* the page's own text is still there */
    g_assert_nonnull (strstr (call, "ES-FoMo 2023 was a blast!"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lectern_test_keep_quark_block ();
  g_setenv ("GIT_AUTHOR_NAME", "Site Organizer", TRUE);
  g_setenv ("GIT_AUTHOR_EMAIL", "organizer@example.org", TRUE);
  g_setenv ("GIT_COMMITTER_NAME", "Site Organizer", TRUE);
  g_setenv ("GIT_COMMITTER_EMAIL", "organizer@example.org", TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("https_proxy");
  g_unsetenv ("all_proxy");

  g_test_add_func ("/publish-github/tls", test_tls);
  g_test_add ("/publish-github/first", Fixture, NULL, fixture_set_up, test_first_publish, fixture_tear_down);
  g_test_add ("/publish-github/adopted-site", Fixture, NULL, fixture_set_up, test_adopted_site, fixture_tear_down);
  g_test_add ("/publish-github/images-and-many", Fixture, NULL, fixture_set_up, test_images_and_many_files, fixture_tear_down);
  g_test_add ("/publish-github/dry-run", Fixture, NULL, fixture_set_up, test_dry_run, fixture_tear_down);
  g_test_add ("/publish-github/branch-moved", Fixture, NULL, fixture_set_up, test_branch_moved, fixture_tear_down);
  g_test_add ("/publish-github/branch-keeps-moving", Fixture, NULL, fixture_set_up, test_branch_keeps_moving, fixture_tear_down);
  g_test_add ("/publish-github/conflict", Fixture, NULL, fixture_set_up, test_conflict, fixture_tear_down);
  g_test_add ("/publish-github/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/publish-github/protected", Fixture, NULL, fixture_set_up, test_protected, fixture_tear_down);
  g_test_add ("/publish-github/transient-faults", Fixture, NULL, fixture_set_up, test_transient_faults, fixture_tear_down);
  g_test_add ("/publish-github/lasting-faults", Fixture, NULL, fixture_set_up, test_lasting_faults, fixture_tear_down);
  g_test_add ("/publish-github/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/publish-github/rate-limits", Fixture, NULL, fixture_set_up, test_rate_limits, fixture_tear_down);

  return g_test_run ();
}
