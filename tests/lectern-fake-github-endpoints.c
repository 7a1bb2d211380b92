/* lectern-fake-github-endpoints.c: the fake GitHub's endpoints
 *
 * The repository, and the Git Database endpoints (refs, commits, trees,
 * blobs) read and written with git plumbing; pull requests are only
 * recorded. See lectern-fake-github.h for the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-fake-github-private.h"

/* GitHub wraps a blob's base64 content at 60 characters a line */
#define BASE64_LINE 60

#define DEFAULT_NAME "Fake GitHub"
#define DEFAULT_EMAIL "fake@example.com"

#define DOC_REFS "https://docs.github.com/rest/git/refs"
#define DOC_TREES "https://docs.github.com/rest/git/trees#create-a-tree"
#define DOC_COMMITS "https://docs.github.com/rest/git/commits#create-a-commit"
#define DOC_BLOBS "https://docs.github.com/rest/git/blobs#create-a-blob"
#define DOC_PULLS "https://docs.github.com/rest/pulls/pulls#create-a-pull-request"

/* Objects as GitHub shows them */

static void
build_ref (LecternFakeGithub *self,
           JsonBuilder       *builder,
           const char        *ref,
           const char        *sha)
{
  g_autofree char *ref_url = _lectern_fake_github_api_url (self, "git/%s", ref);
  g_autofree char *commit_url = _lectern_fake_github_api_url (self, "git/commits/%s", sha);
  g_autofree char *node_id = g_base64_encode ((const guchar *) ref, strlen (ref));

  json_builder_begin_object (builder);
  _lectern_fake_github_add_string_member (builder, "ref", ref);
  _lectern_fake_github_add_string_member (builder, "node_id", node_id);
  _lectern_fake_github_add_string_member (builder, "url", ref_url);
  json_builder_set_member_name (builder, "object");
  json_builder_begin_object (builder);
  _lectern_fake_github_add_string_member (builder, "sha", sha);
  _lectern_fake_github_add_string_member (builder, "type", "commit");
  _lectern_fake_github_add_string_member (builder, "url", commit_url);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* An ident line's "NAME <EMAIL> SECONDS ZONE" as {name, email, date} */
static void
build_ident (JsonBuilder *builder,
             const char  *ident)
{
  const char *open = strrchr (ident, '<');
  const char *close = strrchr (ident, '>');
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *date = NULL;

  if (open != NULL && close != NULL && close > open)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (g_ascii_strtoll (close + 1, NULL, 10));

      name = g_strstrip (g_strndup (ident, open - ident));
      email = g_strndup (open + 1, close - open - 1);
      date = when != NULL ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ") : NULL;
    }

  json_builder_begin_object (builder);
  _lectern_fake_github_add_string_member (builder, "name", name != NULL ? name : "");
  _lectern_fake_github_add_string_member (builder, "email", email != NULL ? email : "");
  _lectern_fake_github_add_string_member (builder, "date", date != NULL ? date : "");
  json_builder_end_object (builder);
}

/* GET git/commits/SHA's answer, also POST git/commits' */
static JsonBuilder *
build_commit (LecternFakeGithub  *self,
              const char         *sha,
              GError            **error)
{
  const char *argv[] = { "git", "cat-file", "commit", sha, NULL };
  g_autoptr(GBytes) output = _lectern_fake_github_git_run (self, NULL, argv, NULL, NULL, error);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) parents = g_ptr_array_new ();
  g_autofree char *text = NULL;
  g_autofree char *url = NULL;
  g_autofree char *html_url = NULL;
  g_auto(GStrv) lines = NULL;
  const char *tree = NULL;
  const char *author = NULL;
  const char *committer = NULL;
  const char *message;
  char *end;

  if (output == NULL)
    return NULL;

  text = _lectern_fake_github_bytes_text (output);
  end = strstr (text, "\n\n");
  message = end != NULL ? end + 2 : "";
  if (end != NULL)
    *end = '\0';

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "tree "))
        tree = lines[i] + 5;
      else if (g_str_has_prefix (lines[i], "parent "))
        g_ptr_array_add (parents, lines[i] + 7);
      else if (g_str_has_prefix (lines[i], "author "))
        author = lines[i] + 7;
      else if (g_str_has_prefix (lines[i], "committer "))
        committer = lines[i] + 10;
    }

  url = _lectern_fake_github_api_url (self, "git/commits/%s", sha);
  html_url = g_strdup_printf ("https://github.com/%s/%s/commit/%s", self->owner, self->repo, sha);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  _lectern_fake_github_add_string_member (builder, "sha", sha);
  _lectern_fake_github_add_string_member (builder, "url", url);
  _lectern_fake_github_add_string_member (builder, "html_url", html_url);
  json_builder_set_member_name (builder, "author");
  build_ident (builder, author != NULL ? author : "");
  json_builder_set_member_name (builder, "committer");
  build_ident (builder, committer != NULL ? committer : "");
  json_builder_set_member_name (builder, "tree");
  json_builder_begin_object (builder);
  {
    g_autofree char *tree_url = _lectern_fake_github_api_url (self, "git/trees/%s",
                                                              tree != NULL ? tree : "");

    _lectern_fake_github_add_string_member (builder, "sha", tree != NULL ? tree : "");
    _lectern_fake_github_add_string_member (builder, "url", tree_url);
  }
  json_builder_end_object (builder);
  _lectern_fake_github_add_string_member (builder, "message", message);
  json_builder_set_member_name (builder, "parents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < parents->len; i++)
    {
      const char *parent = parents->pdata[i];
      g_autofree char *parent_url = _lectern_fake_github_api_url (self, "git/commits/%s", parent);
      g_autofree char *parent_html = g_strdup_printf ("https://github.com/%s/%s/commit/%s",
                                                      self->owner, self->repo, parent);

      json_builder_begin_object (builder);
      _lectern_fake_github_add_string_member (builder, "sha", parent);
      _lectern_fake_github_add_string_member (builder, "url", parent_url);
      _lectern_fake_github_add_string_member (builder, "html_url", parent_html);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "verification");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "verified");
  json_builder_add_boolean_value (builder, FALSE);
  _lectern_fake_github_add_string_member (builder, "reason", "unsigned");
  json_builder_set_member_name (builder, "signature");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "payload");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return g_steal_pointer (&builder);
}

/* Reading */

void
_lectern_fake_github_get_ref (LecternFakeGithub *self,
                              SoupServerMessage *msg,
                              const char        *branch)
{
  g_autofree char *ref = g_strconcat ("refs/heads/", branch, NULL);
  g_autofree char *sha = _lectern_fake_github_is_plain_name (branch)
                         ? _lectern_fake_github_git_resolve (self, ref, NULL) : NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  if (sha == NULL)
    {
      _lectern_fake_github_reply_error (msg, SOUP_STATUS_NOT_FOUND, "Not Found",
                                        DOC_REFS "#get-a-reference");
      return;
    }

  builder = json_builder_new ();
  build_ref (self, builder, ref, sha);
  _lectern_fake_github_reply_json (msg, SOUP_STATUS_OK, builder);
}

void
_lectern_fake_github_get_commit (LecternFakeGithub *self,
                                 SoupServerMessage *msg,
                                 const char        *sha)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  if (!_lectern_fake_github_git_is_type (self, sha, "commit"))
    {
      _lectern_fake_github_reply_error (msg, SOUP_STATUS_NOT_FOUND, "Not Found", DOC_REST);
      return;
    }

  builder = build_commit (self, sha, &error);
  if (builder == NULL)
    _lectern_fake_github_reply_internal_error (msg, error);
  else
    _lectern_fake_github_reply_json (msg, SOUP_STATUS_OK, builder);
}

/* @name may be a tree, a commit or a branch, as GitHub allows; the
 * listing is `ls-tree -l` ("MODE TYPE SHA SIZE\tPATH" each, SIZE padded,
 * "-" for what is not a blob).
 */
void
_lectern_fake_github_get_tree (LecternFakeGithub *self,
                               SoupServerMessage *msg,
                               const char        *name,
                               gboolean           recursive)
{
  g_autofree char *tree = _lectern_fake_github_git_resolve (self, name, "tree");
  g_autofree char *url = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  const char *data;
  gsize size;

  if (tree == NULL)
    {
      _lectern_fake_github_reply_error (msg, SOUP_STATUS_NOT_FOUND, "Not Found", DOC_REST);
      return;
    }

  if (recursive)
    {
      const char *argv[] = { "git", "ls-tree", "-r", "-t", "-l", "-z", tree, NULL };

      output = _lectern_fake_github_git_run (self, NULL, argv, NULL, NULL, &error);
    }
  else
    {
      const char *argv[] = { "git", "ls-tree", "-l", "-z", tree, NULL };

      output = _lectern_fake_github_git_run (self, NULL, argv, NULL, NULL, &error);
    }
  if (output == NULL)
    {
      _lectern_fake_github_reply_internal_error (msg, error);
      return;
    }

  url = _lectern_fake_github_api_url (self, "git/trees/%s", tree);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  _lectern_fake_github_add_string_member (builder, "sha", tree);
  _lectern_fake_github_add_string_member (builder, "url", url);
  json_builder_set_member_name (builder, "tree");
  json_builder_begin_array (builder);

  data = g_bytes_get_data (output, &size);
  for (gsize at = 0; at < size; at += strlen (data + at) + 1)
    {
      g_autofree char *record = g_strndup (data + at, size - at);
      char *tab = strchr (record, '\t');
      g_auto(GStrv) fields = NULL;
      const char *field[4];
      guint n = 0;

      if (tab == NULL)
        continue;
      *tab = '\0';

      /* MODE TYPE SHA SIZE, the size padded with spaces */
      fields = g_strsplit (record, " ", -1);
      for (guint i = 0; fields[i] != NULL && n < 4; i++)
        if (fields[i][0] != '\0')
          field[n++] = fields[i];
      if (n < 4)
        continue;

      json_builder_begin_object (builder);
      _lectern_fake_github_add_string_member (builder, "path", tab + 1);
      _lectern_fake_github_add_string_member (builder, "mode", field[0]);
      _lectern_fake_github_add_string_member (builder, "type", field[1]);
      _lectern_fake_github_add_string_member (builder, "sha", field[2]);
      if (g_str_equal (field[1], "blob"))
        {
          g_autofree char *blob_url = _lectern_fake_github_api_url (self, "git/blobs/%s", field[2]);

          json_builder_set_member_name (builder, "size");
          json_builder_add_int_value (builder, g_ascii_strtoll (field[3], NULL, 10));
          _lectern_fake_github_add_string_member (builder, "url", blob_url);
        }
      else if (g_str_equal (field[1], "tree"))
        {
          g_autofree char *tree_url = _lectern_fake_github_api_url (self, "git/trees/%s", field[2]);

          _lectern_fake_github_add_string_member (builder, "url", tree_url);
        }
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "truncated");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);

  _lectern_fake_github_reply_json (msg, SOUP_STATUS_OK, builder);
}

void
_lectern_fake_github_get_blob (LecternFakeGithub *self,
                               SoupServerMessage *msg,
                               const char        *sha)
{
  const char *argv[] = { "git", "cat-file", "blob", sha, NULL };
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GString) wrapped = g_string_new (NULL);
  g_autofree char *encoded = NULL;
  g_autofree char *url = NULL;
  g_autofree char *node_id = NULL;
  gconstpointer data;
  gsize size;
  gsize length;

  if (!_lectern_fake_github_git_is_type (self, sha, "blob"))
    {
      _lectern_fake_github_reply_error (msg, SOUP_STATUS_NOT_FOUND, "Not Found", DOC_REST);
      return;
    }

  content = _lectern_fake_github_git_run (self, NULL, argv, NULL, NULL, &error);
  if (content == NULL)
    {
      _lectern_fake_github_reply_internal_error (msg, error);
      return;
    }

  /* GitHub's lines: 60 characters, each ended with "\n" */
  data = g_bytes_get_data (content, &size);
  encoded = g_base64_encode (data, size);
  length = strlen (encoded);
  for (gsize at = 0; at < length; at += BASE64_LINE)
    {
      g_string_append_len (wrapped, encoded + at, MIN (BASE64_LINE, length - at));
      g_string_append_c (wrapped, '\n');
    }

  url = _lectern_fake_github_api_url (self, "git/blobs/%s", sha);
  node_id = g_base64_encode ((const guchar *) sha, strlen (sha));
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  _lectern_fake_github_add_string_member (builder, "sha", sha);
  _lectern_fake_github_add_string_member (builder, "node_id", node_id);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, size);
  _lectern_fake_github_add_string_member (builder, "url", url);
  _lectern_fake_github_add_string_member (builder, "content", wrapped->str);
  _lectern_fake_github_add_string_member (builder, "encoding", "base64");
  json_builder_end_object (builder);

  _lectern_fake_github_reply_json (msg, SOUP_STATUS_OK, builder);
}

/* GET /repos/OWNER/REPO: the few fields a client may read */
void
_lectern_fake_github_get_repository (LecternFakeGithub *self,
                                     SoupServerMessage *msg)
{
  const char *argv[] = { "git", "symbolic-ref", "--short", "HEAD", NULL };
  g_autofree char *branch = _lectern_fake_github_git_line (self, NULL, argv, NULL, NULL);
  g_autofree char *full_name = g_strdup_printf ("%s/%s", self->owner, self->repo);
  g_autofree char *url = g_strconcat (self->url, self->repo_path, NULL);
  g_autofree char *html_url = g_strdup_printf ("https://github.com/%s", full_name);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  _lectern_fake_github_add_string_member (builder, "name", self->repo);
  _lectern_fake_github_add_string_member (builder, "full_name", full_name);
  json_builder_set_member_name (builder, "private");
  json_builder_add_boolean_value (builder, FALSE);
  _lectern_fake_github_add_string_member (builder, "url", url);
  _lectern_fake_github_add_string_member (builder, "html_url", html_url);
  _lectern_fake_github_add_string_member (builder, "default_branch", branch != NULL ? branch : "main");
  json_builder_set_member_name (builder, "permissions");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "push");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "pull");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  _lectern_fake_github_reply_json (msg, SOUP_STATUS_OK, builder);
}

/* Writing */

void
_lectern_fake_github_create_blob (LecternFakeGithub *self,
                                  SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = _lectern_fake_github_request_object (msg);
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *url = NULL;
  JsonObject *body;
  const char *text;
  const char *encoding;

  if (root == NULL)
    return;

  body = json_node_get_object (root);
  text = _lectern_fake_github_member_string (body, "content");
  encoding = _lectern_fake_github_member_string (body, "encoding");
  if (text == NULL)
    {
      _lectern_fake_github_reply_validation_failed (msg, "Blob", "content", "missing_field", NULL,
                                                    DOC_BLOBS);
      return;
    }

  if (encoding == NULL || g_str_equal (encoding, "utf-8"))
    content = g_bytes_new (text, strlen (text));
  else if (g_str_equal (encoding, "base64"))
    {
      gsize size;
      guchar *data = g_base64_decode (text, &size);

      content = g_bytes_new_take (data, size);
    }
  else
    {
      _lectern_fake_github_reply_validation_failed (msg, "Blob", "encoding", "invalid", NULL, DOC_BLOBS);
      return;
    }

  sha = _lectern_fake_github_git_hash_object (self, content, &error);
  if (sha == NULL)
    {
      _lectern_fake_github_reply_internal_error (msg, error);
      return;
    }

  url = _lectern_fake_github_api_url (self, "git/blobs/%s", sha);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  _lectern_fake_github_add_string_member (builder, "url", url);
  _lectern_fake_github_add_string_member (builder, "sha", sha);
  json_builder_end_object (builder);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", url);
  _lectern_fake_github_reply_json (msg, SOUP_STATUS_CREATED, builder);
}

/* A path git can hold: relative, no empty, "." or ".." part */
static gboolean
is_tree_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || path[0] == '\0')
    return FALSE;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") ||
        g_str_equal (parts[i], "..") || g_str_equal (parts[i], ".git"))
      return FALSE;

  return TRUE;
}

/* One entry of POST git/trees' "tree": "content", a "sha", or "sha":
 * null to delete. Returns FALSE, having answered, if it is refused.
 * The words of the refusals are the fake's own: GitHub's 422 for a bad
 * entry is not recorded (publish-api.md §1.2 only says "Returns an
 * error if you try to delete a file that does not exist").
 */
static gboolean
apply_tree_entry (LecternFakeGithub *self,
                  SoupServerMessage *msg,
                  JsonObject        *entry,
                  GHashTable        *paths,
                  GString           *records)
{
  const char *path = _lectern_fake_github_member_string (entry, "path");
  const char *mode = _lectern_fake_github_member_string (entry, "mode");
  const char *type = _lectern_fake_github_member_string (entry, "type");
  const char *content = _lectern_fake_github_member_string (entry, "content");
  JsonNode *sha_node = json_object_get_member (entry, "sha");
  const char *sha = _lectern_fake_github_member_string (entry, "sha");
  const char *mode_type;
  g_autofree char *problem = NULL;

  if (!is_tree_path (path))
    problem = g_strdup_printf ("tree.path %s is not a valid path", path != NULL ? path : "(missing)");
  else if (mode == NULL)
    problem = g_strdup_printf ("tree.mode is missing for %s", path);
  else if (content != NULL && sha_node != NULL)
    problem = g_strdup_printf ("tree.sha and tree.content are both given for %s", path);
  else if (content == NULL && sha_node == NULL)
    problem = g_strdup_printf ("tree.sha or tree.content is needed for %s", path);
  else if (sha_node != NULL && !JSON_NODE_HOLDS_NULL (sha_node) && !_lectern_fake_github_is_sha (sha))
    problem = g_strdup_printf ("tree.sha %s is not a valid sha", sha != NULL ? sha : "(not a string)");
  if (problem != NULL)
    {
      _lectern_fake_github_reply_validation_failed (msg, "Tree", NULL, "invalid", problem, DOC_TREES);
      return FALSE;
    }

  if (g_str_equal (mode, "040000"))
    mode_type = "tree";
  else if (g_str_equal (mode, "160000"))
    mode_type = "commit";
  else if (g_str_equal (mode, "100644") || g_str_equal (mode, "100755") ||
           g_str_equal (mode, "120000"))
    mode_type = "blob";
  else
    mode_type = NULL;

  if (mode_type == NULL || (type != NULL && !g_str_equal (type, mode_type)))
    {
      problem = g_strdup_printf ("tree.mode %s and tree.type %s do not go together for %s",
                                 mode, type != NULL ? type : "(missing)", path);
      _lectern_fake_github_reply_validation_failed (msg, "Tree", NULL, "invalid", problem, DOC_TREES);
      return FALSE;
    }

  if (content != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (content, strlen (content));
      g_autoptr(GError) error = NULL;
      g_autofree char *blob = NULL;

      if (!g_str_equal (mode_type, "blob"))
        {
          problem = g_strdup_printf ("tree.content is only for files, not %s", path);
          _lectern_fake_github_reply_validation_failed (msg, "Tree", NULL, "invalid", problem, DOC_TREES);
          return FALSE;
        }

      blob = _lectern_fake_github_git_hash_object (self, bytes, &error);
      if (blob == NULL)
        {
          _lectern_fake_github_reply_internal_error (msg, error);
          return FALSE;
        }
      _lectern_fake_github_add_path (paths, records, mode, blob, path);
    }
  else if (sha == NULL)
    {
      if (!_lectern_fake_github_remove_path (paths, records, path))
        {
          problem = g_strdup_printf ("tree.path %s cannot be deleted: it is not in the tree", path);
          _lectern_fake_github_reply_validation_failed (msg, "Tree", NULL, "invalid", problem, DOC_TREES);
          return FALSE;
        }
    }
  else if (g_str_equal (mode_type, "commit"))
    {
      /* a submodule's commit need not be here */
      _lectern_fake_github_add_path (paths, records, mode, sha, path);
    }
  else if (!_lectern_fake_github_git_is_type (self, sha, mode_type))
    {
      problem = g_strdup_printf ("tree.sha %s is not a %s in this repository", sha, mode_type);
      _lectern_fake_github_reply_validation_failed (msg, "Tree", NULL, "invalid", problem, DOC_TREES);
      return FALSE;
    }
  else if (g_str_equal (mode_type, "blob"))
    _lectern_fake_github_add_path (paths, records, mode, sha, path);
  else
    {
      /* a folder: what it holds, under @path */
      const char *argv[] = { "git", "ls-tree", "-r", "-z", sha, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) output = _lectern_fake_github_git_run (self, NULL, argv, NULL, NULL, &error);
      const char *data;
      gsize size;

      if (output == NULL)
        {
          _lectern_fake_github_reply_internal_error (msg, error);
          return FALSE;
        }

      _lectern_fake_github_remove_path (paths, records, path);
      data = g_bytes_get_data (output, &size);
      for (gsize at = 0; at < size; at += strlen (data + at) + 1)
        {
          g_autofree char *record = g_strndup (data + at, size - at);
          g_auto(GStrv) fields = NULL;
          g_autofree char *full = NULL;
          char *tab = strchr (record, '\t');

          if (tab == NULL)
            continue;
          *tab = '\0';
          fields = g_strsplit (record, " ", 3);
          if (g_strv_length (fields) < 3)
            continue;
          full = g_strconcat (path, "/", tab + 1, NULL);
          _lectern_fake_github_add_path (paths, records, fields[0], fields[2], full);
        }
    }

  return TRUE;
}

void
_lectern_fake_github_create_tree (LecternFakeGithub *self,
                                  SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = _lectern_fake_github_request_object (msg);
  g_autoptr(TempIndex) index = NULL;
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GString) records = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *url = NULL;
  JsonObject *body;
  JsonNode *tree_node;
  const char *base_tree;
  JsonArray *entries;

  if (root == NULL)
    return;

  body = json_node_get_object (root);
  base_tree = _lectern_fake_github_member_string (body, "base_tree");
  tree_node = json_object_get_member (body, "tree");
  if (tree_node == NULL || !JSON_NODE_HOLDS_ARRAY (tree_node))
    {
      _lectern_fake_github_reply_validation_failed (msg, "Tree", "tree", "missing_field", NULL, DOC_TREES);
      return;
    }

  if (base_tree != NULL)
    {
      base = _lectern_fake_github_is_sha (base_tree)
             ? _lectern_fake_github_git_resolve (self, base_tree, "tree") : NULL;
      if (base == NULL)
        {
          _lectern_fake_github_reply_validation_failed (msg, "Tree", "base_tree", "invalid",
                                                        "base_tree is not a tree in this repository",
                                                        DOC_TREES);
          return;
        }
    }

  index = _lectern_fake_github_temp_index_new (self, base, &error);
  paths = index != NULL ? _lectern_fake_github_temp_index_paths (self, index, &error) : NULL;
  if (paths == NULL)
    {
      _lectern_fake_github_reply_internal_error (msg, error);
      return;
    }

  entries = json_node_get_array (tree_node);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *entry = json_array_get_element (entries, i);

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        {
          _lectern_fake_github_reply_validation_failed (msg, "Tree", "tree", "invalid",
                                                        "tree entries must be objects", DOC_TREES);
          return;
        }
      if (!apply_tree_entry (self, msg, json_node_get_object (entry), paths, records))
        return;
    }

  sha = _lectern_fake_github_temp_index_write (self, index, records, &error);
  if (sha == NULL)
    {
      _lectern_fake_github_reply_internal_error (msg, error);
      return;
    }

  url = _lectern_fake_github_api_url (self, "git/trees/%s", sha);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  _lectern_fake_github_add_string_member (builder, "sha", sha);
  _lectern_fake_github_add_string_member (builder, "url", url);
  json_builder_set_member_name (builder, "tree");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "truncated");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", url);
  _lectern_fake_github_reply_json (msg, SOUP_STATUS_CREATED, builder);
}

/* GIT_AUTHOR_NAME and the like for @who ("AUTHOR", "COMMITTER") from
 * {name, email, date}; NULL: the defaults.
 */
static char **
set_ident (char       **envp,
           const char  *who,
           JsonObject  *ident)
{
  const char *name = ident != NULL ? _lectern_fake_github_member_string (ident, "name") : NULL;
  const char *email = ident != NULL ? _lectern_fake_github_member_string (ident, "email") : NULL;
  const char *date = ident != NULL ? _lectern_fake_github_member_string (ident, "date") : NULL;
  g_autofree char *name_var = g_strdup_printf ("GIT_%s_NAME", who);
  g_autofree char *email_var = g_strdup_printf ("GIT_%s_EMAIL", who);
  g_autofree char *date_var = g_strdup_printf ("GIT_%s_DATE", who);

  envp = g_environ_setenv (envp, name_var, name != NULL ? name : DEFAULT_NAME, TRUE);
  envp = g_environ_setenv (envp, email_var, email != NULL ? email : DEFAULT_EMAIL, TRUE);
  if (date != NULL)
    envp = g_environ_setenv (envp, date_var, date, TRUE);
  else
    envp = g_environ_unsetenv (envp, date_var);

  return envp;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

void
_lectern_fake_github_create_commit (LecternFakeGithub *self,
                                    SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = _lectern_fake_github_request_object (msg);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_auto(GStrv) envp = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *location = NULL;
  JsonObject *body;
  JsonObject *author;
  JsonObject *committer;
  JsonNode *parents_node;
  const char *message;
  const char *tree;

  if (root == NULL)
    return;

  body = json_node_get_object (root);
  message = _lectern_fake_github_member_string (body, "message");
  tree = _lectern_fake_github_member_string (body, "tree");
  if (message == NULL || tree == NULL)
    {
      _lectern_fake_github_reply_validation_failed (msg, "Commit", message == NULL ? "message" : "tree",
                                                    "missing_field", NULL, DOC_COMMITS);
      return;
    }

  /* GitHub's words for these two (observed in its answers) */
  if (!_lectern_fake_github_git_is_type (self, tree, "tree"))
    {
      _lectern_fake_github_reply_error (msg, 422, "Tree SHA does not exist", DOC_COMMITS);
      return;
    }

  g_ptr_array_add (argv, "git");
  g_ptr_array_add (argv, "commit-tree");
  g_ptr_array_add (argv, "--no-gpg-sign");
  g_ptr_array_add (argv, (char *) tree);

  parents_node = json_object_get_member (body, "parents");
  if (parents_node != NULL && JSON_NODE_HOLDS_ARRAY (parents_node))
    {
      JsonArray *parents = json_node_get_array (parents_node);

      for (guint i = 0; i < json_array_get_length (parents); i++)
        {
          JsonNode *parent = json_array_get_element (parents, i);
          const char *parent_sha = JSON_NODE_HOLDS_VALUE (parent) &&
                                   json_node_get_value_type (parent) == G_TYPE_STRING
                                   ? json_node_get_string (parent) : NULL;

          if (!_lectern_fake_github_git_is_type (self, parent_sha, "commit"))
            {
              _lectern_fake_github_reply_error (msg, 422,
                                                "Parent SHA does not exist or is not a commit object",
                                                DOC_COMMITS);
              return;
            }
          g_ptr_array_add (argv, "-p");
          g_ptr_array_add (argv, (char *) parent_sha);
        }
    }
  g_ptr_array_add (argv, "-F");
  g_ptr_array_add (argv, "-");
  g_ptr_array_add (argv, NULL);

  /* the committer is the author unless told (GitHub's default) */
  author = member_object (body, "author");
  committer = member_object (body, "committer");
  envp = set_ident (g_strdupv (self->envp), "AUTHOR", author);
  envp = set_ident (envp, "COMMITTER", committer != NULL ? committer : author);

  input = g_bytes_new (message, strlen (message));
  sha = _lectern_fake_github_git_line (self, envp, (const char * const *) argv->pdata, input, &error);
  if (sha == NULL)
    {
      /* e.g. a date git cannot read */
      _lectern_fake_github_reply_validation_failed (msg, "Commit", NULL, "invalid", error->message,
                                                    DOC_COMMITS);
      return;
    }

  builder = build_commit (self, sha, &error);
  if (builder == NULL)
    {
      _lectern_fake_github_reply_internal_error (msg, error);
      return;
    }

  location = _lectern_fake_github_api_url (self, "git/commits/%s", sha);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
  _lectern_fake_github_reply_json (msg, SOUP_STATUS_CREATED, builder);
}

/* The words GitHub refuses a protected branch with. GitHub's answer to
 * a PATCH of a protected ref is not recorded in @octokit/fixtures; these
 * are the words publish-api.md §1.2 quotes from a refused push ("GH006:
 * Protected branch update failed for refs/heads/…", kubeflow/pipelines
 * #4384), which also carry "protected branch", the words Dependabot
 * matches (dependabot-core #3998).
 */
static void
reply_protected (SoupServerMessage *msg,
                 const char        *branch)
{
  g_autofree char *message = g_strdup_printf ("Protected branch update failed for refs/heads/%s.",
                                              branch);

  _lectern_fake_github_reply_error (msg, 422, message, DOC_REFS "#update-a-reference");
}

void
_lectern_fake_github_update_ref (LecternFakeGithub *self,
                                 SoupServerMessage *msg,
                                 const char        *branch)
{
  g_autoptr(JsonNode) root = _lectern_fake_github_request_object (msg);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ref = g_strconcat ("refs/heads/", branch, NULL);
  g_autofree char *current = NULL;
  JsonObject *body;
  const char *sha;
  gboolean force;

  if (root == NULL)
    return;

  body = json_node_get_object (root);
  sha = _lectern_fake_github_member_string (body, "sha");
  force = json_object_get_boolean_member_with_default (body, "force", FALSE);

  current = _lectern_fake_github_is_plain_name (branch)
            ? _lectern_fake_github_git_resolve (self, ref, NULL) : NULL;
  if (current == NULL)
    {
      _lectern_fake_github_reply_error (msg, 422, "Reference does not exist",
                                        DOC_REFS "#update-a-reference");
      return;
    }

  if (sha == NULL)
    {
      _lectern_fake_github_reply_validation_failed (msg, "Reference", "sha", "missing_field", NULL,
                                                    DOC_REFS "#update-a-reference");
      return;
    }

  if (!_lectern_fake_github_git_is_type (self, sha, "commit"))
    {
      _lectern_fake_github_reply_error (msg, 422, "Object does not exist", DOC_REFS "#update-a-reference");
      return;
    }

  if (g_hash_table_contains (self->protected_branches, branch))
    {
      reply_protected (msg, branch);
      return;
    }

  if (!force)
    {
      const char *argv[] = { "git", "merge-base", "--is-ancestor", current, sha, NULL };
      int status = -1;

      output = _lectern_fake_github_git_run (self, NULL, argv, NULL, &status, &error);
      if (output == NULL || (status != 0 && status != 1))
        {
          if (error == NULL)
            error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "git merge-base: exit %d", status);
          _lectern_fake_github_reply_internal_error (msg, error);
          return;
        }
      if (status == 1)
        {
          /* publish-api.md §1.2 [observed] and §2.3 */
          _lectern_fake_github_reply_error (msg, 422, "Update is not a fast forward",
                                            DOC_REFS "#update-a-reference");
          return;
        }
      g_clear_pointer (&output, g_bytes_unref);
    }

  {
    const char *argv[] = { "git", "update-ref", ref, sha, current, NULL };

    output = _lectern_fake_github_git_run (self, NULL, argv, NULL, NULL, &error);
  }
  if (output == NULL)
    {
      _lectern_fake_github_reply_error (msg, 422, "Reference cannot be updated",
                                        DOC_REFS "#update-a-reference");
      return;
    }

  builder = json_builder_new ();
  build_ref (self, builder, ref, sha);
  _lectern_fake_github_reply_json (msg, SOUP_STATUS_OK, builder);
}

void
_lectern_fake_github_create_ref (LecternFakeGithub *self,
                                 SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = _lectern_fake_github_request_object (msg);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *url = NULL;
  JsonObject *body;
  const char *ref;
  const char *sha;

  if (root == NULL)
    return;

  body = json_node_get_object (root);
  ref = _lectern_fake_github_member_string (body, "ref");
  sha = _lectern_fake_github_member_string (body, "sha");

  /* "If it doesn't start with 'refs' and have at least two slashes, it
   * will be rejected" (GitHub's reference)
   */
  if (ref == NULL || !g_str_has_prefix (ref, "refs/") || strchr (ref + 5, '/') == NULL ||
      !_lectern_fake_github_is_plain_name (ref))
    {
      _lectern_fake_github_reply_error (msg, 422, "Reference name is invalid",
                                        DOC_REFS "#create-a-reference");
      return;
    }

  if (!_lectern_fake_github_git_is_type (self, sha, "commit"))
    {
      _lectern_fake_github_reply_error (msg, 422, "Object does not exist", DOC_REFS "#create-a-reference");
      return;
    }

  existing = _lectern_fake_github_git_resolve (self, ref, NULL);
  if (existing != NULL)
    {
      _lectern_fake_github_reply_error (msg, 422, "Reference already exists",
                                        DOC_REFS "#create-a-reference");
      return;
    }

  {
    const char *argv[] = { "git", "update-ref", ref, sha, ZERO_SHA, NULL };

    output = _lectern_fake_github_git_run (self, NULL, argv, NULL, NULL, &error);
  }
  if (output == NULL)
    {
      _lectern_fake_github_reply_error (msg, 422, "Reference already exists",
                                        DOC_REFS "#create-a-reference");
      return;
    }

  builder = json_builder_new ();
  build_ref (self, builder, ref, sha);
  url = _lectern_fake_github_api_url (self, "git/%s", ref);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", url);
  _lectern_fake_github_reply_json (msg, SOUP_STATUS_CREATED, builder);
}

void
_lectern_fake_github_create_pull (LecternFakeGithub *self,
                                  SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = _lectern_fake_github_request_object (msg);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *head_ref = NULL;
  g_autofree char *base_ref = NULL;
  g_autofree char *head_sha = NULL;
  g_autofree char *base_sha = NULL;
  g_autofree char *record_prefix = NULL;
  g_autofree char *html_url = NULL;
  g_autofree char *url = NULL;
  JsonObject *body;
  const char *title;
  const char *head;
  const char *base;
  const char *text;
  const char *colon;
  guint number;

  if (root == NULL)
    return;

  body = json_node_get_object (root);
  title = _lectern_fake_github_member_string (body, "title");
  head = _lectern_fake_github_member_string (body, "head");
  base = _lectern_fake_github_member_string (body, "base");
  text = _lectern_fake_github_member_string (body, "body");

  if (title == NULL || head == NULL || base == NULL)
    {
      _lectern_fake_github_reply_validation_failed (msg, "PullRequest",
                                                    title == NULL ? "title" : head == NULL ? "head" : "base",
                                                    "missing_field", NULL, DOC_PULLS);
      return;
    }

  /* "OWNER:BRANCH" names a branch of this repository too */
  colon = strchr (head, ':');
  if (colon != NULL)
    head = colon + 1;

  head_ref = g_strconcat ("refs/heads/", head, NULL);
  base_ref = g_strconcat ("refs/heads/", base, NULL);
  head_sha = _lectern_fake_github_is_plain_name (head)
             ? _lectern_fake_github_git_resolve (self, head_ref, NULL) : NULL;
  base_sha = _lectern_fake_github_is_plain_name (base)
             ? _lectern_fake_github_git_resolve (self, base_ref, NULL) : NULL;
  if (head_sha == NULL || base_sha == NULL)
    {
      _lectern_fake_github_reply_validation_failed (msg, "PullRequest", head_sha == NULL ? "head" : "base",
                                                    "invalid", NULL, DOC_PULLS);
      return;
    }

  /* publish-api.md §1.2: the 422 GitHub gives these two [observed] */
  record_prefix = g_strdup_printf ("%s->%s: ", head, base);
  for (guint i = 0; i < self->pulls->len; i++)
    if (g_str_has_prefix (self->pulls->pdata[i], record_prefix))
      {
        g_autofree char *problem = g_strdup_printf ("A pull request already exists for %s:%s.",
                                                    self->owner, head);

        _lectern_fake_github_reply_validation_failed (msg, "PullRequest", NULL, "custom", problem,
                                                      DOC_PULLS);
        return;
      }

  {
    const char *argv[] = { "git", "merge-base", "--is-ancestor", head_sha, base_sha, NULL };
    g_autoptr(GBytes) output = NULL;
    int status = -1;

    output = _lectern_fake_github_git_run (self, NULL, argv, NULL, &status, NULL);
    if (output != NULL && status == 0)
      {
        g_autofree char *problem = g_strdup_printf ("No commits between %s and %s", base, head);

        _lectern_fake_github_reply_validation_failed (msg, "PullRequest", NULL, "custom", problem,
                                                      DOC_PULLS);
        return;
      }
  }

  g_ptr_array_add (self->pulls, g_strconcat (record_prefix, title, NULL));
  number = self->pulls->len;

  html_url = g_strdup_printf ("https://github.com/%s/%s/pull/%u", self->owner, self->repo, number);
  url = _lectern_fake_github_api_url (self, "pulls/%u", number);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  _lectern_fake_github_add_string_member (builder, "url", url);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, 1000 + number);
  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, number);
  _lectern_fake_github_add_string_member (builder, "html_url", html_url);
  _lectern_fake_github_add_string_member (builder, "state", "open");
  _lectern_fake_github_add_string_member (builder, "title", title);
  json_builder_set_member_name (builder, "body");
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "head");
  json_builder_begin_object (builder);
  _lectern_fake_github_add_string_member (builder, "ref", head);
  _lectern_fake_github_add_string_member (builder, "sha", head_sha);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "base");
  json_builder_begin_object (builder);
  _lectern_fake_github_add_string_member (builder, "ref", base);
  _lectern_fake_github_add_string_member (builder, "sha", base_sha);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", url);
  _lectern_fake_github_reply_json (msg, SOUP_STATUS_CREATED, builder);
}
