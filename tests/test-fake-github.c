/* test-fake-github.c: the fake GitHub answers as GitHub does
 *
 * Plain libsoup requests, sent with the async API on the default main
 * context the fake serves on, against a bare repository checked
 * afterwards with git itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "lectern-fake-github.h"
#include "lectern-test-util.h"

#define OWNER "octo"
#define REPO "site"
#define TOKEN "ghp_fake"

#define OLD_POST "---\ntitle: Old\n---\nAn old post.\n"

typedef struct
{
  char *dir;
  char *git_dir;
  char **envp;
  LecternFakeGithub *fake;
  SoupSession *session;
  char *head;       /* main's commit before the test */
} Fixture;

/* Git, to set up and to check */

static GBytes *
git_bytes (Fixture            *f,
           GBytes             *input,
           const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        (input != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : 0));
  g_subprocess_launcher_set_environ (launcher, f->envp);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, input, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  return g_steal_pointer (&output);
}

static char *
git_text (Fixture            *f,
          GBytes             *input,
          const char * const *argv)
{
  g_autoptr(GBytes) output = git_bytes (f, input, argv);
  gsize size;
  const char *data = g_bytes_get_data (output, &size);

  return g_strstrip (size > 0 ? g_strndup (data, size) : g_strdup (""));
}

#define GIT(f, ...) git_text ((f), NULL, (const char * const[]) { "git", __VA_ARGS__, NULL })

static char *
git_hash (Fixture    *f,
          const void *data,
          gsize       size)
{
  g_autoptr(GBytes) input = g_bytes_new (data, size);

  return git_text (f, input, (const char * const[]) { "git", "hash-object", "-w", "--stdin", NULL });
}

static int
count_commits (Fixture *f)
{
  g_autofree char *count = GIT (f, "rev-list", "--count", "main");

  return atoi (count);
}

/* main: _config.yml, index.md and _posts/2024-01-01-old.md */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *files[][2] = {
    { "_config.yml", "title: Test site\n" },
    { "index.md", "---\nlayout: home\n---\nWelcome.\n" },
    { "_posts/2024-01-01-old.md", OLD_POST },
  };
  g_autoptr(GString) records = g_string_new (NULL);
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *init = NULL;

  f->dir = lectern_test_make_tmpdir ("lectern-fake-github-XXXXXX");
  f->git_dir = g_build_filename (f->dir, "site.git", NULL);
  index = g_build_filename (f->dir, "index", NULL);

  f->envp = g_get_environ ();
  f->envp = g_environ_setenv (f->envp, "GIT_DIR", f->git_dir, TRUE);
  f->envp = g_environ_setenv (f->envp, "GIT_INDEX_FILE", index, TRUE);
  f->envp = g_environ_setenv (f->envp, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  f->envp = g_environ_setenv (f->envp, "GIT_CONFIG_GLOBAL", "/dev/null", TRUE);
  f->envp = g_environ_setenv (f->envp, "GIT_AUTHOR_NAME", "Owner", TRUE);
  f->envp = g_environ_setenv (f->envp, "GIT_AUTHOR_EMAIL", "owner@example.com", TRUE);
  f->envp = g_environ_setenv (f->envp, "GIT_COMMITTER_NAME", "Owner", TRUE);
  f->envp = g_environ_setenv (f->envp, "GIT_COMMITTER_EMAIL", "owner@example.com", TRUE);

  init = GIT (f, "init", "--quiet", "--bare", "--initial-branch=main", f->git_dir);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *blob = git_hash (f, files[i][1], strlen (files[i][1]));

      g_string_append_printf (records, "100644 %s\t%s", blob, files[i][0]);
      g_string_append_c (records, '\0');
    }
  input = g_bytes_new (records->str, records->len);
  g_bytes_unref (git_bytes (f, input, (const char * const[]) {
                              "git", "update-index", "-z", "--index-info", NULL }));
  tree = GIT (f, "write-tree");
  f->head = GIT (f, "commit-tree", tree, "-m", "First");
  g_free (GIT (f, "update-ref", "refs/heads/main", f->head));

  f->fake = lectern_fake_github_new (f->git_dir, OWNER, REPO, TOKEN, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (lectern_fake_github_get_url (f->fake), "http://127.0.0.1:"));

  f->session = soup_session_new_with_options ("user-agent", "LecternTest/1.0 ",
                                              "proxy-resolver", NULL,
                                              NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  soup_session_abort (f->session);
  g_clear_object (&f->session);
  if (f->fake != NULL)
    g_assert_finalize_object (f->fake);
  lectern_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->git_dir);
  g_strfreev (f->envp);
  g_free (f->head);
}

/* Requests */

static SoupMessage *
new_message (Fixture    *f,
             const char *method,
             const char *path,
             const char *json)
{
  g_autofree char *url = g_strconcat (lectern_fake_github_get_url (f->fake),
                                      "/repos/" OWNER "/" REPO "/", path, NULL);
  SoupMessage *msg = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_headers_replace (headers, "Authorization", "Bearer " TOKEN);
  soup_message_headers_replace (headers, "Accept", "application/vnd.github+json");
  soup_message_headers_replace (headers, "X-GitHub-Api-Version", "2022-11-28");
  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }

  return msg;
}

/* Sends @msg on @session, spinning the default main context, where the
 * fake serves, until the answer is in.
 */
static GBytes *
send_on (SoupSession  *session,
         SoupMessage  *msg,
         GError      **error)
{
  GAsyncResult *result = NULL;
  GBytes *body;

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL,
                                    lectern_test_keep_result, &result);
  g_assert_true (lectern_test_wait_until (result != NULL, 5000));
  body = soup_session_send_and_read_finish (session, result, error);
  g_object_unref (result);

  return body;
}

/* The answer to METHOD PATH (under /repos/OWNER/REPO/) with @json, which
 * must have @status; its body parsed.
 */
static JsonNode *
call (Fixture    *f,
      const char *method,
      const char *path,
      const char *json,
      guint       status)
{
  g_autoptr(SoupMessage) msg = new_message (f, method, path, json);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = send_on (f->session, msg, &error);
  const char *type;

  g_assert_no_error (error);
  if (soup_message_get_status (msg) != status)
    g_error ("%s %s: %u, not %u: %.*s", method, path, soup_message_get_status (msg), status,
             (int) g_bytes_get_size (body), (const char *) g_bytes_get_data (body, NULL));

  type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  g_assert_cmpstr (type, ==, "application/json");

  return json_from_string (g_bytes_get_data (body, NULL) != NULL ?
                           g_bytes_get_data (body, NULL) : "", &error);
}

/* The node at @path in @root: members and [indices], e.g. "tree.sha",
 * "parents[0].sha"; asserted to be there.
 */
static JsonNode *
node_at (JsonNode   *root,
         const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *bracket = strchr (parts[i], '[');

      if (bracket != NULL)
        *bracket = '\0';
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);
      if (bracket != NULL)
        {
          guint index = (guint) g_ascii_strtoull (bracket + 1, NULL, 10);

          g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
          g_assert_cmpuint (index, <, json_array_get_length (json_node_get_array (node)));
          node = json_array_get_element (json_node_get_array (node), index);
        }
    }

  return node;
}

static const char *
string_at (JsonNode   *root,
           const char *path)
{
  return json_node_get_string (node_at (root, path));
}

static gint64
int_at (JsonNode   *root,
        const char *path)
{
  return json_node_get_int (node_at (root, path));
}

/* {"message", "documentation_url", "status"} as the fixture @name has */
static void
assert_body_is_fixture (JsonNode   *root,
                        const char *name)
{
  g_autofree char *text = lectern_fake_github_fixture (name);
  g_autoptr(JsonNode) fixture = NULL;

  g_assert_nonnull (text);
  fixture = json_from_string (text, NULL);
  g_assert_nonnull (fixture);
  g_assert_true (json_node_equal (root, fixture));
}

/* The tree entry for @path in a GET git/trees answer */
static JsonObject *
find_entry (JsonNode   *root,
            const char *path)
{
  JsonArray *tree = json_object_get_array_member (json_node_get_object (root), "tree");

  for (guint i = 0; i < json_array_get_length (tree); i++)
    {
      JsonObject *entry = json_array_get_object_element (tree, i);

      if (g_str_equal (json_object_get_string_member (entry, "path"), path))
        return entry;
    }

  return NULL;
}

/* A commit on main's head, through the API: its sha */
static char *
make_commit (Fixture    *f,
             const char *parent,
             const char *path,
             const char *content)
{
  g_autofree char *tree_body = NULL;
  g_autofree char *commit_body = NULL;
  g_autofree char *parents = NULL;
  g_autoptr(JsonNode) commit = NULL;
  g_autoptr(JsonNode) tree = NULL;
  g_autoptr(JsonNode) parent_commit = NULL;
  g_autofree char *commit_path = NULL;

  commit_path = g_strconcat ("git/commits/", parent != NULL ? parent : f->head, NULL);
  parent_commit = call (f, "GET", commit_path, NULL, 200);
  tree_body = g_strdup_printf ("{\"base_tree\":\"%s\",\"tree\":[{\"path\":\"%s\",\"mode\":\"100644\","
                               "\"type\":\"blob\",\"content\":\"%s\"}]}",
                               string_at (parent_commit, "tree.sha"), path, content);
  tree = call (f, "POST", "git/trees", tree_body, 201);
  parents = parent != NULL ? g_strdup_printf ("\"%s\"", parent) : g_strdup ("");
  commit_body = g_strdup_printf ("{\"message\":\"Add %s\",\"tree\":\"%s\",\"parents\":[%s]}",
                                 path, string_at (tree, "sha"), parents);
  commit = call (f, "POST", "git/commits", commit_body, 201);

  return g_strdup (string_at (commit, "sha"));
}

/* Tests */

/* What the publisher does, step by step, and git sees one new commit
 * with exactly the files sent.
 */
static void
test_publish (Fixture       *f,
              gconstpointer  data)
{
  guchar image[200];
  g_autofree char *image_base64 = NULL;
  g_autofree char *image_sha = NULL;
  g_autofree char *blob_body = NULL;
  g_autofree char *tree_body = NULL;
  g_autofree char *commit_body = NULL;
  g_autofree char *patch_body = NULL;
  g_autofree char *trees_path = NULL;
  g_autofree char *commit_path = NULL;
  g_autofree char *expected_log = NULL;
  g_autofree char *expected_request = NULL;
  g_autofree char *blob_path = NULL;
  g_autofree char *html_url = NULL;
  g_autofree char *post = NULL;
  g_autofree char *log = NULL;
  g_autofree char *old_post = NULL;
  g_autofree char *decoded_text = NULL;
  g_autoptr(GBytes) stored_image = NULL;
  g_autoptr(JsonNode) ref = NULL;
  g_autoptr(JsonNode) commit = NULL;
  g_autoptr(JsonNode) listing = NULL;
  g_autoptr(JsonNode) blob = NULL;
  g_autoptr(JsonNode) uploaded = NULL;
  g_autoptr(JsonNode) tree = NULL;
  g_autoptr(JsonNode) new_commit = NULL;
  g_autoptr(JsonNode) moved = NULL;
  g_autoptr(JsonNode) image_blob = NULL;
  JsonObject *entry;
  const char *tree_sha;
  const char *new_sha;
  const char *content;
  guchar *decoded;
  gsize size;
  int before = count_commits (f);

  for (guint i = 0; i < sizeof image; i++)
    image[i] = (guchar) (i * 7);   /* NULs and bytes that are not UTF-8 */

  /* 1: the head */
  ref = call (f, "GET", "git/ref/heads/main", NULL, 200);
  g_assert_cmpstr (string_at (ref, "ref"), ==, "refs/heads/main");
  g_assert_cmpstr (string_at (ref, "object.sha"), ==, f->head);
  g_assert_cmpstr (string_at (ref, "object.type"), ==, "commit");

  /* 2: its tree */
  commit_path = g_strconcat ("git/commits/", f->head, NULL);
  commit = call (f, "GET", commit_path, NULL, 200);
  tree_sha = string_at (commit, "tree.sha");
  g_assert_cmpstr (string_at (commit, "message"), ==, "First\n");
  g_assert_cmpstr (string_at (commit, "author.name"), ==, "Owner");

  /* 3: the listing, asked for by the commit's sha */
  trees_path = g_strdup_printf ("git/trees/%s?recursive=1", f->head);
  listing = call (f, "GET", trees_path, NULL, 200);
  g_assert_cmpstr (string_at (listing, "sha"), ==, tree_sha);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (listing), "truncated"));
  entry = find_entry (listing, "_posts");
  g_assert_nonnull (entry);
  g_assert_cmpstr (json_object_get_string_member (entry, "type"), ==, "tree");
  g_assert_cmpstr (json_object_get_string_member (entry, "mode"), ==, "040000");
  g_assert_false (json_object_has_member (entry, "size"));
  entry = find_entry (listing, "_posts/2024-01-01-old.md");
  g_assert_nonnull (entry);
  g_assert_cmpstr (json_object_get_string_member (entry, "type"), ==, "blob");
  g_assert_cmpstr (json_object_get_string_member (entry, "mode"), ==, "100644");
  g_assert_cmpint (json_object_get_int_member (entry, "size"), ==, strlen (OLD_POST));
  old_post = GIT (f, "rev-parse", "main:_posts/2024-01-01-old.md");
  g_assert_cmpstr (json_object_get_string_member (entry, "sha"), ==, old_post);
  g_assert_nonnull (find_entry (listing, "index.md"));

  /* a blob reads back as base64 */
  blob_path = g_strconcat ("git/blobs/", old_post, NULL);
  blob = call (f, "GET", blob_path, NULL, 200);
  g_assert_cmpstr (string_at (blob, "encoding"), ==, "base64");
  decoded = g_base64_decode (string_at (blob, "content"), &size);
  decoded_text = g_strndup ((char *) decoded, size);
  g_free (decoded);
  g_assert_cmpstr (decoded_text, ==, OLD_POST);

  /* 4: a binary file as a blob */
  image_base64 = g_base64_encode (image, sizeof image);
  blob_body = g_strdup_printf ("{\"content\":\"%s\",\"encoding\":\"base64\"}", image_base64);
  uploaded = call (f, "POST", "git/blobs", blob_body, 201);
  image_sha = git_hash (f, image, sizeof image);
  g_assert_cmpstr (string_at (uploaded, "sha"), ==, image_sha);

  /* 5: a tree: a new text inline, the image by sha, the old post gone */
  tree_body = g_strdup_printf ("{\"base_tree\":\"%s\",\"tree\":["
                               "{\"path\":\"_posts/2024-05-01-trip.md\",\"mode\":\"100644\",\"type\":\"blob\","
                               "\"content\":\"---\\ntitle: Trip \\u00e9t\\u00e9\\n---\\n\"},"
                               "{\"path\":\"assets/img/trip.png\",\"mode\":\"100644\",\"type\":\"blob\","
                               "\"sha\":\"%s\"},"
                               "{\"path\":\"_posts/2024-01-01-old.md\",\"mode\":\"100644\",\"type\":\"blob\","
                               "\"sha\":null}]}",
                               tree_sha, image_sha);
  tree = call (f, "POST", "git/trees", tree_body, 201);
  g_assert_cmpstr (string_at (tree, "sha"), !=, tree_sha);

  /* 6: the commit */
  commit_body = g_strdup_printf ("{\"message\":\"Publish the programme\",\"tree\":\"%s\","
                                 "\"parents\":[\"%s\"],"
                                 "\"author\":{\"name\":\"Ada Organiser\",\"email\":\"ada@example.com\","
                                 "\"date\":\"2024-05-01T12:00:00Z\"}}",
                                 string_at (tree, "sha"), f->head);
  new_commit = call (f, "POST", "git/commits", commit_body, 201);
  new_sha = string_at (new_commit, "sha");
  html_url = g_strdup_printf ("https://github.com/" OWNER "/" REPO "/commit/%s", new_sha);
  g_assert_cmpstr (string_at (new_commit, "html_url"), ==, html_url);
  g_assert_cmpstr (string_at (new_commit, "tree.sha"), ==, string_at (tree, "sha"));
  g_assert_cmpstr (string_at (new_commit, "parents[0].sha"), ==, f->head);
  g_assert_cmpstr (string_at (new_commit, "author.date"), ==, "2024-05-01T12:00:00Z");
  g_assert_cmpstr (string_at (new_commit, "committer.name"), ==, "Ada Organiser");

  /* 7: the branch moves */
  g_assert_cmpint (count_commits (f), ==, before);
  patch_body = g_strdup_printf ("{\"sha\":\"%s\",\"force\":false}", new_sha);
  moved = call (f, "PATCH", "git/refs/heads/main", patch_body, 200);
  g_assert_cmpstr (string_at (moved, "ref"), ==, "refs/heads/main");
  g_assert_cmpstr (string_at (moved, "object.sha"), ==, new_sha);

  /* what git sees */
  g_assert_cmpint (count_commits (f), ==, before + 1);
  post = GIT (f, "cat-file", "-p", "main:_posts/2024-05-01-trip.md");
  g_assert_cmpstr (post, ==, "---\ntitle: Trip été\n---");   /* GIT() strips the end */
  stored_image = git_bytes (f, NULL, (const char * const[]) {
                              "git", "cat-file", "-p", "main:assets/img/trip.png", NULL });
  g_assert_cmpmem (g_bytes_get_data (stored_image, NULL), g_bytes_get_size (stored_image),
                   image, sizeof image);
  log = GIT (f, "log", "-1", "--format=%P %an <%ae> %s", "main");
  expected_log = g_strdup_printf ("%s Ada Organiser <ada@example.com> Publish the programme", f->head);
  g_assert_cmpstr (log, ==, expected_log);
  g_free (GIT (f, "cat-file", "-e", "main:_config.yml"));
  {
    g_autofree char *listed = GIT (f, "ls-tree", "-r", "--name-only", "main");

    g_assert_null (strstr (listed, "2024-01-01-old.md"));
    g_assert_nonnull (strstr (listed, "index.md"));
  }

  /* the image reads back through the API, base64 in lines of 60 */
  g_free (blob_path);
  blob_path = g_strconcat ("git/blobs/", image_sha, NULL);
  image_blob = call (f, "GET", blob_path, NULL, 200);
  g_assert_cmpint (int_at (image_blob, "size"), ==, sizeof image);
  content = string_at (image_blob, "content");
  g_assert_nonnull (strchr (content, '\n'));
  g_assert_cmpint (strchr (content, '\n') - content, ==, 60);
  decoded = g_base64_decode (content, &size);
  g_assert_cmpmem (decoded, size, image, sizeof image);
  g_free (decoded);

  /* a tree listing by branch name too */
  g_clear_pointer (&listing, json_node_unref);
  listing = call (f, "GET", "git/trees/main?recursive=1", NULL, 200);
  g_assert_nonnull (find_entry (listing, "assets/img/trip.png"));

  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->fake), ==, 10);
  g_assert_cmpstr (g_ptr_array_index (lectern_fake_github_get_requests (f->fake), 0), ==,
                   "GET /repos/" OWNER "/" REPO "/git/ref/heads/main");
  expected_request = g_strdup_printf ("GET /repos/" OWNER "/" REPO "/git/trees/%s", f->head);
  g_assert_cmpstr (g_ptr_array_index (lectern_fake_github_get_requests (f->fake), 2), ==,
                   expected_request);
}

/* Deleting a path the tree does not hold is refused */
static void
test_delete_missing (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *tree_sha = GIT (f, "rev-parse", "main^{tree}");
  g_autofree char *body = g_strdup_printf ("{\"base_tree\":\"%s\",\"tree\":[{\"path\":\"nothing.md\","
                                           "\"mode\":\"100644\",\"type\":\"blob\",\"sha\":null}]}",
                                           tree_sha);
  g_autoptr(JsonNode) refused = call (f, "POST", "git/trees", body, 422);

  g_assert_cmpstr (string_at (refused, "message"), ==, "Validation Failed");
}

/* A PATCH that is not a fast forward: GitHub's 422, the branch stays */
static void
test_not_fast_forward (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *root = make_commit (f, NULL, "other.md", "x");
  g_autofree char *body = g_strdup_printf ("{\"sha\":\"%s\",\"force\":false}", root);
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) refused = call (f, "PATCH", "git/refs/heads/main", body, 422);

  assert_body_is_fixture (refused, "not-fast-forward.json");
  after = GIT (f, "rev-parse", "main");
  g_assert_cmpstr (after, ==, f->head);
}

/* Someone pushes between the client's reading and its PATCH */
static void
test_move_branch (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *child = make_commit (f, f->head, "new.md", "new");
  g_autofree char *body = g_strdup_printf ("{\"sha\":\"%s\"}", child);
  g_autofree char *intruder = NULL;
  g_autofree char *parent = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) ref = NULL;

  lectern_fake_github_add_fault (f->fake, LECTERN_FAKE_FAULT_MOVE_BRANCH, "PATCH",
                                 "git/refs/heads/", 1, 0, NULL, NULL, 0);
  refused = call (f, "PATCH", "git/refs/heads/main", body, 422);
  g_assert_cmpstr (string_at (refused, "message"), ==, "Update is not a fast forward");

  intruder = GIT (f, "cat-file", "-p", "main:intruder-1.txt");
  g_assert_nonnull (intruder);
  parent = GIT (f, "rev-parse", "main^");
  g_assert_cmpstr (parent, ==, f->head);
  ref = call (f, "GET", "git/ref/heads/main", NULL, 200);
  g_assert_cmpstr (string_at (ref, "object.sha"), !=, f->head);
}

/* A protected branch: refused with GitHub's words; the client's way
 * round it, a branch and a pull request, works
 */
static void
test_protected (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *child = make_commit (f, f->head, "new.md", "new");
  g_autofree char *patch_body = g_strdup_printf ("{\"sha\":\"%s\",\"force\":false}", child);
  g_autofree char *ref_body = g_strdup_printf ("{\"ref\":\"refs/heads/publish/1\",\"sha\":\"%s\"}",
                                               child);
  g_autofree char *branch = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) pull = NULL;
  GPtrArray *pulls;

  lectern_fake_github_protect_branch (f->fake, "main");
  refused = call (f, "PATCH", "git/refs/heads/main", patch_body, 422);
  assert_body_is_fixture (refused, "protected-branch.json");
  after = GIT (f, "rev-parse", "main");
  g_assert_cmpstr (after, ==, f->head);

  created = call (f, "POST", "git/refs", ref_body, 201);
  g_assert_cmpstr (string_at (created, "ref"), ==, "refs/heads/publish/1");
  g_assert_cmpstr (string_at (created, "object.sha"), ==, child);
  branch = GIT (f, "rev-parse", "publish/1");
  g_assert_cmpstr (branch, ==, child);
  again = call (f, "POST", "git/refs", ref_body, 422);
  g_assert_cmpstr (string_at (again, "message"), ==, "Reference already exists");

  pull = call (f, "POST", "pulls",
               "{\"title\":\"Publish the programme\",\"head\":\"publish/1\",\"base\":\"main\","
               "\"body\":\"From Lectern\"}", 201);
  g_assert_cmpint (int_at (pull, "number"), ==, 1);
  g_assert_cmpstr (string_at (pull, "html_url"), ==, "https://github.com/" OWNER "/" REPO "/pull/1");
  pulls = lectern_fake_github_get_pulls (f->fake);
  g_assert_cmpuint (pulls->len, ==, 1);
  g_assert_cmpstr (pulls->pdata[0], ==, "publish/1->main: Publish the programme");
}

/* A status fault, with its headers, once; then the normal answer */
static void
test_status_fault (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SoupMessage) limited = new_message (f, "GET", "git/ref/heads/main", NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) ref = NULL;
  g_autoptr(JsonNode) failed = NULL;
  g_autofree char *validation = lectern_fake_github_fixture ("validation-failed.json");
  SoupMessageHeaders *headers;
  GPtrArray *requests;

  lectern_fake_github_add_fault (f->fake, LECTERN_FAKE_FAULT_STATUS, "GET", "git/ref/", 1,
                                 429, NULL, "retry-after: 1\nx-ratelimit-remaining: 0", 0);
  lectern_fake_github_add_fault (f->fake, LECTERN_FAKE_FAULT_STATUS, "POST", "git/trees", 1,
                                 422, validation, NULL, 0);

  body = send_on (f->session, limited, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (limited), ==, 429);
  headers = soup_message_get_response_headers (limited);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "retry-after"), ==, "1");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "x-ratelimit-remaining"), ==, "0");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "x-ratelimit-limit"), ==, "5000");
  root = json_from_string (g_bytes_get_data (body, NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (string_at (root, "message"), ==, "Too Many Requests");

  /* only a POST to git/trees meets the other; the GET goes through */
  ref = call (f, "GET", "git/ref/heads/main", NULL, 200);
  g_assert_cmpstr (string_at (ref, "object.sha"), ==, f->head);
  failed = call (f, "POST", "git/trees", "{}", 422);
  assert_body_is_fixture (failed, "validation-failed.json");

  requests = lectern_fake_github_get_requests (f->fake);
  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->fake), ==, 3);
  g_assert_cmpstr (requests->pdata[2], ==, "POST /repos/" OWNER "/" REPO "/git/trees");
  lectern_fake_github_reset_requests (f->fake);
  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->fake), ==, 0);
  g_assert_cmpuint (lectern_fake_github_get_requests (f->fake)->len, ==, 0);
}

/* A connection closed without an answer is the client's error; the
 * next request is answered
 */
static void
test_reset (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SoupMessage) msg = new_message (f, "POST", "git/blobs", "{\"content\":\"x\"}");
  g_autoptr(SoupMessage) get = new_message (f, "GET", "git/ref/heads/main", NULL);
  g_autoptr(SoupMessage) get_again = new_message (f, "GET", "git/ref/heads/main", NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) ref = NULL;

  lectern_fake_github_add_fault (f->fake, LECTERN_FAKE_FAULT_RESET, "POST", "git/blobs", 1,
                                 0, NULL, NULL, 0);
  body = send_on (f->session, msg, &error);
  g_assert_null (body);
  /* "Connection terminated unexpectedly" */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
  g_clear_error (&error);

  ref = call (f, "GET", "git/ref/heads/main", NULL, 200);
  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->fake), ==, 2);

  /* libsoup sends a GET again by itself, once, when a connection it
   * had used before closes without an answer: one reset goes unseen
   */
  lectern_fake_github_add_fault (f->fake, LECTERN_FAKE_FAULT_RESET, "GET", "git/ref/", 1,
                                 0, NULL, NULL, 0);
  body = send_on (f->session, get, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (get), ==, 200);
  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->fake), ==, 4);
  g_clear_pointer (&body, g_bytes_unref);

  lectern_fake_github_add_fault (f->fake, LECTERN_FAKE_FAULT_RESET, "GET", "git/ref/", 2,
                                 0, NULL, NULL, 0);
  body = send_on (f->session, get_again, &error);
  g_assert_null (body);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->fake), ==, 6);
}

/* A slow answer comes, late; one the client gave up on is dropped,
 * and so is one still held back when the fake goes
 */
static void
test_slow (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SoupMessage) abandoned = new_message (f, "GET", "git/ref/heads/main", NULL);
  g_autoptr(SoupMessage) pending = new_message (f, "GET", "git/ref/heads/main", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) pending_result = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) ref = NULL;
  gint64 start = g_get_monotonic_time ();

  lectern_fake_github_add_fault (f->fake, LECTERN_FAKE_FAULT_SLOW, NULL, NULL, 1,
                                 0, NULL, NULL, 300);
  ref = call (f, "GET", "git/ref/heads/main", NULL, 200);
  g_assert_cmpstr (string_at (ref, "object.sha"), ==, f->head);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * G_TIME_SPAN_MILLISECOND);

  /* answered, late, to a client gone */
  lectern_fake_github_add_fault (f->fake, LECTERN_FAKE_FAULT_SLOW, NULL, NULL, 1,
                                 0, NULL, NULL, 200);
  lectern_fake_github_add_fault (f->fake, LECTERN_FAKE_FAULT_SLOW, NULL, NULL, 1,
                                 0, NULL, NULL, 60 * 1000);
  soup_session_send_and_read_async (f->session, abandoned, G_PRIORITY_DEFAULT, cancellable,
                                    lectern_test_keep_result, &result);
  g_assert_true (lectern_test_wait_until (lectern_fake_github_get_n_requests (f->fake) == 2, 2000));
  g_cancellable_cancel (cancellable);
  g_assert_true (lectern_test_wait_until (result != NULL, 2000));
  body = soup_session_send_and_read_finish (f->session, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  start = g_get_monotonic_time ();
  lectern_test_wait_until (g_get_monotonic_time () - start > 400 * G_TIME_SPAN_MILLISECOND, 1000);

  /* still held back at the tear-down: the fake goes first */
  g_cancellable_reset (cancellable);
  soup_session_send_and_read_async (f->session, pending, G_PRIORITY_DEFAULT, cancellable,
                                    lectern_test_keep_result, &pending_result);
  g_assert_true (lectern_test_wait_until (lectern_fake_github_get_n_requests (f->fake) == 3, 2000));
  g_clear_object (&f->fake);
  g_cancellable_cancel (cancellable);
  g_assert_true (lectern_test_wait_until (pending_result != NULL, 2000));
}

/* The token, the User-Agent, the API version, the repository */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SoupSession) anonymous = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(SoupMessage) wrong = new_message (f, "GET", "git/ref/heads/main", NULL);
  g_autoptr(SoupMessage) scheme = new_message (f, "GET", "git/ref/heads/main", NULL);
  g_autoptr(SoupMessage) no_agent = new_message (f, "GET", "git/ref/heads/main", NULL);
  g_autoptr(SoupMessage) no_version = new_message (f, "GET", "git/ref/heads/main", NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) missing = NULL;
  g_autoptr(JsonNode) other = NULL;
  SoupMessageHeaders *headers;

  soup_message_headers_replace (soup_message_get_request_headers (wrong),
                                "Authorization", "Bearer ghp_wrong");
  body = send_on (f->session, wrong, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (wrong), ==, 401);
  root = json_from_string (g_bytes_get_data (body, NULL), &error);
  g_assert_no_error (error);
  assert_body_is_fixture (root, "unauthorized.json");
  headers = soup_message_get_response_headers (wrong);
  g_assert_nonnull (soup_message_headers_get_one (headers, "x-github-request-id"));
  g_assert_nonnull (soup_message_headers_get_one (headers, "x-ratelimit-reset"));
  g_assert_cmpstr (soup_message_headers_get_one (headers, "x-ratelimit-used"), ==, "1");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "x-ratelimit-resource"), ==, "core");
  g_clear_pointer (&body, g_bytes_unref);

  soup_message_headers_replace (soup_message_get_request_headers (scheme),
                                "Authorization", "token " TOKEN);
  body = send_on (f->session, scheme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (scheme), ==, 200);
  g_clear_pointer (&body, g_bytes_unref);

  body = send_on (anonymous, no_agent, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (no_agent), ==, 403);
  g_clear_pointer (&body, g_bytes_unref);
  soup_session_abort (anonymous);

  soup_message_headers_remove (soup_message_get_request_headers (no_version), "X-GitHub-Api-Version");
  body = send_on (f->session, no_version, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (no_version), ==, 400);
  g_clear_pointer (&body, g_bytes_unref);

  missing = call (f, "GET", "git/ref/heads/nothing", NULL, 404);
  g_assert_cmpstr (string_at (missing, "message"), ==, "Not Found");

  {
    g_autofree char *url = g_strconcat (lectern_fake_github_get_url (f->fake),
                                        "/repos/" OWNER "/elsewhere/git/ref/heads/main", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", "Bearer " TOKEN);
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-GitHub-Api-Version", "2022-11-28");
    body = send_on (f->session, msg, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 404);
    g_clear_pointer (&body, g_bytes_unref);
  }

  other = call (f, "GET", "git/commits/0123456789012345678901234567890123456789", NULL, 404);
  g_assert_cmpuint (lectern_fake_github_get_n_requests (f->fake), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/fake-github/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("publish", test_publish);
  ADD ("delete-missing", test_delete_missing);
  ADD ("not-fast-forward", test_not_fast_forward);
  ADD ("move-branch", test_move_branch);
  ADD ("protected", test_protected);
  ADD ("status-fault", test_status_fault);
  ADD ("reset", test_reset);
  ADD ("slow", test_slow);
  ADD ("refusals", test_refusals);

#undef ADD

  return g_test_run ();
}
