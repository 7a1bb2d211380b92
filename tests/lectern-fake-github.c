/* lectern-fake-github.c: a local server that plays GitHub's REST API
 *
 * Every request is answered from a real bare repository, with git
 * plumbing run as a child process (an argv array, GIT_DIR in its
 * environment, never a shell). Trees are built in a temporary index
 * file, as `git commit` would, so what a client publishes can be checked
 * afterwards with plain git. See lectern-fake-github.h for the
 * endpoints, and docs publish-api.md §7.1 for the plumbing mapping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "lectern-fake-github.h"

#define API_VERSION "2022-11-28"
#define ZERO_SHA "0000000000000000000000000000000000000000"
#define RATE_LIMIT 5000

/* GitHub wraps a blob's base64 content at 60 characters a line */
#define BASE64_LINE 60

#define DEFAULT_NAME "Fake GitHub"
#define DEFAULT_EMAIL "fake@example.com"

#define DOC_REFS "https://docs.github.com/rest/git/refs"
#define DOC_TREES "https://docs.github.com/rest/git/trees#create-a-tree"
#define DOC_COMMITS "https://docs.github.com/rest/git/commits#create-a-commit"
#define DOC_BLOBS "https://docs.github.com/rest/git/blobs#create-a-blob"
#define DOC_PULLS "https://docs.github.com/rest/pulls/pulls#create-a-pull-request"
#define DOC_REST "https://docs.github.com/rest"

/* What GitHub answers a request without a User-Agent: plain text, not
 * JSON (docs: "Requests with no User-Agent header will be rejected",
 * publish-api.md §2.1; these words as GitHub's servers send them).
 */
#define NO_USER_AGENT_TEXT \
  "Request forbidden by administrative rules. Please make sure your request " \
  "has a User-Agent header (https://docs.github.com/en/rest/overview/" \
  "resources-in-the-rest-api#user-agent-required). Check " \
  "https://developer.github.com for other possible causes.\n"

/* The same words as tests/fixtures/octokit/unauthorized.json, for when
 * LECTERN_FIXTURES is not set.
 */
#define BAD_CREDENTIALS_JSON \
  "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}"

typedef struct
{
  LecternFakeFaultKind kind;
  char *method;
  char *path_prefix;
  guint times;
  guint status;
  char *body;
  char *headers;
  guint delay_ms;
} Fault;

/* A request held back by a _SLOW fault */
typedef struct
{
  LecternFakeGithub *self;
  SoupServerMessage *msg;
  char *path;
  GHashTable *query;
  GSource *source;
  gulong disconnected_id;
} SlowReply;

/* A private index file, for building a tree */
typedef struct
{
  char *dir;
  char **envp;
} TempIndex;

struct _LecternFakeGithub
{
  GObject parent_instance;

  SoupServer *server;
  GMainContext *context;
  char *git_dir;
  char **envp;
  char *owner;
  char *repo;
  char *token;
  char *url;
  char *repo_path;               /* "/repos/OWNER/REPO" */

  guint n_requests;
  GPtrArray *requests;           /* "METHOD /path" */
  GPtrArray *faults;             /* Fault */
  GHashTable *protected_branches;
  GPtrArray *pulls;              /* "HEAD->BASE: TITLE" */
  GList *slow_replies;           /* SlowReply */
  guint n_moves;
  gint64 rate_reset;
};

G_DEFINE_FINAL_TYPE (LecternFakeGithub, lectern_fake_github, G_TYPE_OBJECT)

static void answer (LecternFakeGithub *self,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query);

/* Faults and held-back replies */

static void
fault_free (gpointer data)
{
  Fault *fault = data;

  g_free (fault->method);
  g_free (fault->path_prefix);
  g_free (fault->body);
  g_free (fault->headers);
  g_free (fault);
}

static void
slow_reply_free (SlowReply *slow)
{
  if (slow->source != NULL)
    {
      g_source_destroy (slow->source);
      g_source_unref (slow->source);
    }
  g_clear_signal_handler (&slow->disconnected_id, slow->msg);
  g_object_unref (slow->msg);
  g_free (slow->path);
  g_clear_pointer (&slow->query, g_hash_table_unref);
  g_free (slow);
}

/* Git */

static gboolean
is_sha (const char *text)
{
  if (text == NULL || strlen (text) != 40)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;

  return TRUE;
}

/* @bytes as a string, "" when there are none */
static char *
bytes_text (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return size > 0 ? g_strndup (data, size) : g_strdup ("");
}

/* A name git may take as a revision without reading anything more into
 * it: a sha or a branch name, never an option or a range.
 */
static gboolean
is_plain_name (const char *name)
{
  if (name == NULL || name[0] == '\0' || name[0] == '-' || name[0] == '/' ||
      g_str_has_suffix (name, "/") || g_str_has_suffix (name, ".lock") ||
      strstr (name, "..") != NULL || strstr (name, "@{") != NULL ||
      strstr (name, "//") != NULL)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f || strchr ("~^:?*[\\", *p) != NULL)
      return FALSE;

  return TRUE;
}

/* Runs git with @argv (argv[0] is "git") in the repository, @input on
 * its standard input, and returns its standard output. With
 * @exit_status, a non-zero exit is the caller's to judge; without, it
 * is an error, with git's own words.
 */
static GBytes *
git_run (LecternFakeGithub  *self,
         char              **envp,
         const char * const *argv,
         GBytes             *input,
         int                *exit_status,
         GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GBytes) errors = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;
  int status;

  if (input != NULL)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;

  launcher = g_subprocess_launcher_new (flags);
  g_subprocess_launcher_set_environ (launcher, envp != NULL ? envp : self->envp);
  g_subprocess_launcher_set_cwd (launcher, self->git_dir);

  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return NULL;

  if (!g_subprocess_communicate (process, input, NULL, &output, &errors, error))
    return NULL;

  if (!g_subprocess_get_if_exited (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "git %s died", argv[1]);
      return NULL;
    }

  status = g_subprocess_get_exit_status (process);
  if (exit_status != NULL)
    *exit_status = status;
  else if (status != 0)
    {
      g_autofree char *text = bytes_text (errors);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "git %s: %s",
                   argv[1], g_strstrip (text));
      return NULL;
    }

  return g_steal_pointer (&output);
}

/* git's standard output as one line without its end; NULL if git failed */
static char *
git_line (LecternFakeGithub  *self,
          char              **envp,
          const char * const *argv,
          GBytes             *input,
          GError            **error)
{
  g_autoptr(GBytes) output = git_run (self, envp, argv, input, NULL, error);

  if (output == NULL)
    return NULL;

  return g_strstrip (bytes_text (output));
}

/* The full sha of @name peeled to @type ("commit", "tree"), or NULL */
static char *
git_resolve (LecternFakeGithub *self,
             const char        *name,
             const char        *type)
{
  g_autofree char *spec = NULL;
  g_autoptr(GBytes) output = NULL;
  int status = -1;

  if (!is_plain_name (name))
    return NULL;

  spec = type != NULL ? g_strdup_printf ("%s^{%s}", name, type) : g_strdup (name);
  {
    const char *argv[] = { "git", "rev-parse", "--verify", "-q", spec, NULL };

    output = git_run (self, NULL, argv, NULL, &status, NULL);
  }
  if (output == NULL || status != 0)
    return NULL;

  return g_strstrip (bytes_text (output));
}

/* "commit", "tree", "blob", "tag", or NULL when there is no such object */
static char *
git_object_type (LecternFakeGithub *self,
                 const char        *sha)
{
  const char *argv[] = { "git", "cat-file", "-t", sha, NULL };
  g_autoptr(GBytes) output = NULL;
  int status = -1;

  if (!is_sha (sha))
    return NULL;

  output = git_run (self, NULL, argv, NULL, &status, NULL);
  if (output == NULL || status != 0)
    return NULL;

  return g_strstrip (bytes_text (output));
}

static gboolean
git_is_type (LecternFakeGithub *self,
             const char        *sha,
             const char        *type)
{
  g_autofree char *actual = git_object_type (self, sha);

  return g_strcmp0 (actual, type) == 0;
}

static char *
git_hash_object (LecternFakeGithub  *self,
                 GBytes             *content,
                 GError            **error)
{
  const char *argv[] = { "git", "hash-object", "-w", "--stdin", NULL };

  return git_line (self, NULL, argv, content, error);
}

/* Whether the repository has no branch at all, as a new one on GitHub */
static gboolean
git_is_empty (LecternFakeGithub *self)
{
  const char *argv[] = { "git", "for-each-ref", "--count=1", "refs/heads/", NULL };
  g_autoptr(GBytes) output = git_run (self, NULL, argv, NULL, NULL, NULL);

  return output != NULL && g_bytes_get_size (output) == 0;
}

static void
temp_index_free (TempIndex *index)
{
  g_autoptr(GDir) dir = g_dir_open (index->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (index->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (index->dir);
  g_free (index->dir);
  g_strfreev (index->envp);
  g_free (index);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TempIndex, temp_index_free)

/* A new index file holding @tree (NULL: empty) */
static TempIndex *
temp_index_new (LecternFakeGithub  *self,
                const char         *tree,
                GError            **error)
{
  g_autoptr(TempIndex) index = g_new0 (TempIndex, 1);
  g_autofree char *file = NULL;
  g_autoptr(GBytes) output = NULL;

  index->dir = g_dir_make_tmp ("lectern-fake-github-XXXXXX", error);
  if (index->dir == NULL)
    return NULL;

  file = g_build_filename (index->dir, "index", NULL);
  index->envp = g_environ_setenv (g_strdupv (self->envp), "GIT_INDEX_FILE", file, TRUE);

  {
    const char *argv[] = { "git", "read-tree", tree != NULL ? tree : "--empty", NULL };

    output = git_run (self, index->envp, argv, NULL, NULL, error);
  }
  if (output == NULL)
    return NULL;

  return g_steal_pointer (&index);
}

/* The paths the index holds (files, links, submodules), as a set */
static GHashTable *
temp_index_paths (LecternFakeGithub  *self,
                  TempIndex          *index,
                  GError            **error)
{
  const char *argv[] = { "git", "ls-files", "-z", NULL };
  g_autoptr(GBytes) output = git_run (self, index->envp, argv, NULL, NULL, error);
  GHashTable *paths;
  const char *data;
  gsize size;

  if (output == NULL)
    return NULL;

  paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data = g_bytes_get_data (output, &size);
  for (gsize at = 0; at < size; at += strlen (data + at) + 1)
    g_hash_table_add (paths, g_strndup (data + at, size - at));

  return paths;
}

/* Applies `update-index --index-info` records ("MODE SHA\tPATH\0" each),
 * then writes the tree; returns its sha.
 */
static char *
temp_index_write (LecternFakeGithub  *self,
                  TempIndex          *index,
                  GString            *records,
                  GError            **error)
{
  const char *write_argv[] = { "git", "write-tree", NULL };

  if (records->len > 0)
    {
      const char *argv[] = { "git", "update-index", "-z", "--index-info", NULL };
      g_autoptr(GBytes) input = g_bytes_new (records->str, records->len);
      g_autoptr(GBytes) output = git_run (self, index->envp, argv, input, NULL, error);

      if (output == NULL)
        return NULL;
    }

  return git_line (self, index->envp, write_argv, NULL, error);
}

/* Replies */

static char *
api_url (LecternFakeGithub *self,
         const char        *format,
         ...) G_GNUC_PRINTF (2, 3);

static char *
api_url (LecternFakeGithub *self,
         const char        *format,
         ...)
{
  g_autofree char *rest = NULL;
  va_list args;

  va_start (args, format);
  rest = g_strdup_vprintf (format, args);
  va_end (args);

  return g_strconcat (self->url, self->repo_path, "/", rest, NULL);
}

/* libsoup 3.2 knows no 429 (publish-api.md §6.2) */
static const char *
status_phrase (guint status)
{
  if (status == 429)
    return "Too Many Requests";

  return soup_status_get_phrase (status);
}

static void
reply_text (SoupServerMessage *msg,
            guint              status,
            const char        *content_type,
            const char        *text)
{
  soup_server_message_set_status (msg, status, status_phrase (status));
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, text, strlen (text));
}

static void
reply_json_text (SoupServerMessage *msg,
                 guint              status,
                 const char        *json)
{
  reply_text (msg, status, "application/json; charset=utf-8", json);
}

static void
reply_json (SoupServerMessage *msg,
            guint              status,
            JsonBuilder       *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = json_to_string (root, FALSE);

  reply_json_text (msg, status, text);
}

/* GitHub's error body: {"message", "documentation_url", "status"} */
static void
reply_error (SoupServerMessage *msg,
             guint              status,
             const char        *message,
             const char        *documentation_url)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *code = g_strdup_printf ("%u", status);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "documentation_url");
  json_builder_add_string_value (builder, documentation_url);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, code);
  json_builder_end_object (builder);

  reply_json (msg, status, builder);
}

/* 422 "Validation Failed" with one error, as the troubleshooting page
 * documents them (publish-api.md §2.3)
 */
static void
reply_validation_failed (SoupServerMessage *msg,
                         const char        *resource,
                         const char        *field,
                         const char        *code,
                         const char        *message,
                         const char        *documentation_url)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, "Validation Failed");
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "resource");
  json_builder_add_string_value (builder, resource);
  if (field != NULL)
    {
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, field);
    }
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  if (message != NULL)
    {
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "documentation_url");
  json_builder_add_string_value (builder, documentation_url);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "422");
  json_builder_end_object (builder);

  reply_json (msg, 422, builder);
}

static void
reply_not_found (SoupServerMessage *msg)
{
  reply_error (msg, SOUP_STATUS_NOT_FOUND, "Not Found", DOC_REST);
}

static void
reply_internal_error (SoupServerMessage *msg,
                      GError            *error)
{
  g_warning ("fake GitHub: %s", error->message);
  reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message, DOC_REST);
}

/* The request's body as a JSON object; otherwise answers 400 as GitHub
 * does (publish-api.md §2.3) and returns NULL.
 */
static JsonNode *
request_object (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0 || !json_parser_load_from_data (parser, data, size, NULL))
    {
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, "Problems parsing JSON", DOC_REST);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, "Body should be a JSON object", DOC_REST);
      return NULL;
    }

  return json_node_ref (root);
}

/* A member that is a string, or NULL (missing, null or another type) */
static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
build_ref (LecternFakeGithub *self,
           JsonBuilder       *builder,
           const char        *ref,
           const char        *sha)
{
  g_autofree char *ref_url = api_url (self, "git/%s", ref);
  g_autofree char *commit_url = api_url (self, "git/commits/%s", sha);
  g_autofree char *node_id = g_base64_encode ((const guchar *) ref, strlen (ref));

  json_builder_begin_object (builder);
  add_string_member (builder, "ref", ref);
  add_string_member (builder, "node_id", node_id);
  add_string_member (builder, "url", ref_url);
  json_builder_set_member_name (builder, "object");
  json_builder_begin_object (builder);
  add_string_member (builder, "sha", sha);
  add_string_member (builder, "type", "commit");
  add_string_member (builder, "url", commit_url);
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
  add_string_member (builder, "name", name != NULL ? name : "");
  add_string_member (builder, "email", email != NULL ? email : "");
  add_string_member (builder, "date", date != NULL ? date : "");
  json_builder_end_object (builder);
}

/* GET git/commits/SHA's answer, also POST git/commits' */
static JsonBuilder *
build_commit (LecternFakeGithub  *self,
              const char         *sha,
              GError            **error)
{
  const char *argv[] = { "git", "cat-file", "commit", sha, NULL };
  g_autoptr(GBytes) output = git_run (self, NULL, argv, NULL, NULL, error);
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

  text = bytes_text (output);
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

  url = api_url (self, "git/commits/%s", sha);
  html_url = g_strdup_printf ("https://github.com/%s/%s/commit/%s", self->owner, self->repo, sha);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string_member (builder, "sha", sha);
  add_string_member (builder, "url", url);
  add_string_member (builder, "html_url", html_url);
  json_builder_set_member_name (builder, "author");
  build_ident (builder, author != NULL ? author : "");
  json_builder_set_member_name (builder, "committer");
  build_ident (builder, committer != NULL ? committer : "");
  json_builder_set_member_name (builder, "tree");
  json_builder_begin_object (builder);
  {
    g_autofree char *tree_url = api_url (self, "git/trees/%s", tree != NULL ? tree : "");

    add_string_member (builder, "sha", tree != NULL ? tree : "");
    add_string_member (builder, "url", tree_url);
  }
  json_builder_end_object (builder);
  add_string_member (builder, "message", message);
  json_builder_set_member_name (builder, "parents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < parents->len; i++)
    {
      const char *parent = parents->pdata[i];
      g_autofree char *parent_url = api_url (self, "git/commits/%s", parent);
      g_autofree char *parent_html = g_strdup_printf ("https://github.com/%s/%s/commit/%s",
                                                      self->owner, self->repo, parent);

      json_builder_begin_object (builder);
      add_string_member (builder, "sha", parent);
      add_string_member (builder, "url", parent_url);
      add_string_member (builder, "html_url", parent_html);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "verification");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "verified");
  json_builder_add_boolean_value (builder, FALSE);
  add_string_member (builder, "reason", "unsigned");
  json_builder_set_member_name (builder, "signature");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "payload");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return g_steal_pointer (&builder);
}

/* Reading */

static void
get_ref (LecternFakeGithub *self,
         SoupServerMessage *msg,
         const char        *branch)
{
  g_autofree char *ref = g_strconcat ("refs/heads/", branch, NULL);
  g_autofree char *sha = is_plain_name (branch) ? git_resolve (self, ref, NULL) : NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  if (sha == NULL)
    {
      reply_error (msg, SOUP_STATUS_NOT_FOUND, "Not Found", DOC_REFS "#get-a-reference");
      return;
    }

  builder = json_builder_new ();
  build_ref (self, builder, ref, sha);
  reply_json (msg, SOUP_STATUS_OK, builder);
}

static void
get_commit (LecternFakeGithub *self,
            SoupServerMessage *msg,
            const char        *sha)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  if (!git_is_type (self, sha, "commit"))
    {
      reply_error (msg, SOUP_STATUS_NOT_FOUND, "Not Found", DOC_REST);
      return;
    }

  builder = build_commit (self, sha, &error);
  if (builder == NULL)
    reply_internal_error (msg, error);
  else
    reply_json (msg, SOUP_STATUS_OK, builder);
}

/* @name may be a tree, a commit or a branch, as GitHub allows; the
 * listing is `ls-tree -l` ("MODE TYPE SHA SIZE\tPATH" each, SIZE padded,
 * "-" for what is not a blob).
 */
static void
get_tree (LecternFakeGithub *self,
          SoupServerMessage *msg,
          const char        *name,
          gboolean           recursive)
{
  g_autofree char *tree = git_resolve (self, name, "tree");
  g_autofree char *url = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  const char *data;
  gsize size;

  if (tree == NULL)
    {
      reply_error (msg, SOUP_STATUS_NOT_FOUND, "Not Found", DOC_REST);
      return;
    }

  if (recursive)
    {
      const char *argv[] = { "git", "ls-tree", "-r", "-t", "-l", "-z", tree, NULL };

      output = git_run (self, NULL, argv, NULL, NULL, &error);
    }
  else
    {
      const char *argv[] = { "git", "ls-tree", "-l", "-z", tree, NULL };

      output = git_run (self, NULL, argv, NULL, NULL, &error);
    }
  if (output == NULL)
    {
      reply_internal_error (msg, error);
      return;
    }

  url = api_url (self, "git/trees/%s", tree);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string_member (builder, "sha", tree);
  add_string_member (builder, "url", url);
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
      add_string_member (builder, "path", tab + 1);
      add_string_member (builder, "mode", field[0]);
      add_string_member (builder, "type", field[1]);
      add_string_member (builder, "sha", field[2]);
      if (g_str_equal (field[1], "blob"))
        {
          g_autofree char *blob_url = api_url (self, "git/blobs/%s", field[2]);

          json_builder_set_member_name (builder, "size");
          json_builder_add_int_value (builder, g_ascii_strtoll (field[3], NULL, 10));
          add_string_member (builder, "url", blob_url);
        }
      else if (g_str_equal (field[1], "tree"))
        {
          g_autofree char *tree_url = api_url (self, "git/trees/%s", field[2]);

          add_string_member (builder, "url", tree_url);
        }
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "truncated");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);

  reply_json (msg, SOUP_STATUS_OK, builder);
}

static void
get_blob (LecternFakeGithub *self,
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

  if (!git_is_type (self, sha, "blob"))
    {
      reply_error (msg, SOUP_STATUS_NOT_FOUND, "Not Found", DOC_REST);
      return;
    }

  content = git_run (self, NULL, argv, NULL, NULL, &error);
  if (content == NULL)
    {
      reply_internal_error (msg, error);
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

  url = api_url (self, "git/blobs/%s", sha);
  node_id = g_base64_encode ((const guchar *) sha, strlen (sha));
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string_member (builder, "sha", sha);
  add_string_member (builder, "node_id", node_id);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, size);
  add_string_member (builder, "url", url);
  add_string_member (builder, "content", wrapped->str);
  add_string_member (builder, "encoding", "base64");
  json_builder_end_object (builder);

  reply_json (msg, SOUP_STATUS_OK, builder);
}

/* GET /repos/OWNER/REPO: the few fields a client may read */
static void
get_repository (LecternFakeGithub *self,
                SoupServerMessage *msg)
{
  const char *argv[] = { "git", "symbolic-ref", "--short", "HEAD", NULL };
  g_autofree char *branch = git_line (self, NULL, argv, NULL, NULL);
  g_autofree char *full_name = g_strdup_printf ("%s/%s", self->owner, self->repo);
  g_autofree char *url = g_strconcat (self->url, self->repo_path, NULL);
  g_autofree char *html_url = g_strdup_printf ("https://github.com/%s", full_name);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string_member (builder, "name", self->repo);
  add_string_member (builder, "full_name", full_name);
  json_builder_set_member_name (builder, "private");
  json_builder_add_boolean_value (builder, FALSE);
  add_string_member (builder, "url", url);
  add_string_member (builder, "html_url", html_url);
  add_string_member (builder, "default_branch", branch != NULL ? branch : "main");
  json_builder_set_member_name (builder, "permissions");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "push");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "pull");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  reply_json (msg, SOUP_STATUS_OK, builder);
}

/* Writing */

static void
create_blob (LecternFakeGithub *self,
             SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = request_object (msg);
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
  text = member_string (body, "content");
  encoding = member_string (body, "encoding");
  if (text == NULL)
    {
      reply_validation_failed (msg, "Blob", "content", "missing_field", NULL, DOC_BLOBS);
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
      reply_validation_failed (msg, "Blob", "encoding", "invalid", NULL, DOC_BLOBS);
      return;
    }

  sha = git_hash_object (self, content, &error);
  if (sha == NULL)
    {
      reply_internal_error (msg, error);
      return;
    }

  url = api_url (self, "git/blobs/%s", sha);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string_member (builder, "url", url);
  add_string_member (builder, "sha", sha);
  json_builder_end_object (builder);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", url);
  reply_json (msg, SOUP_STATUS_CREATED, builder);
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

/* Removes from @paths, and from the index through @records, @path and
 * all below it; whether there was anything.
 */
static gboolean
remove_path (GHashTable *paths,
             GString    *records,
             const char *path)
{
  g_autofree char *dir = g_strconcat (path, "/", NULL);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, paths);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_equal (key, path) || g_str_has_prefix (key, dir))
      g_ptr_array_add (gone, g_strdup (key));

  for (guint i = 0; i < gone->len; i++)
    {
      const char *one = gone->pdata[i];

      g_string_append_printf (records, "0 " ZERO_SHA "\t%s", one);
      g_string_append_c (records, '\0');
      g_hash_table_remove (paths, one);
    }

  return gone->len > 0;
}

/* Adds a file entry; what stood in its way (a file where a folder of
 * its path is, or a folder where it goes) goes, as in git.
 */
static void
add_path (GHashTable *paths,
          GString    *records,
          const char *mode,
          const char *sha,
          const char *path)
{
  g_autofree char *parent = g_strdup (path);
  char *slash;

  remove_path (paths, records, path);
  while ((slash = strrchr (parent, '/')) != NULL)
    {
      *slash = '\0';
      if (g_hash_table_contains (paths, parent))
        remove_path (paths, records, parent);
    }

  g_string_append_printf (records, "%s %s\t%s", mode, sha, path);
  g_string_append_c (records, '\0');
  g_hash_table_add (paths, g_strdup (path));
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
  const char *path = member_string (entry, "path");
  const char *mode = member_string (entry, "mode");
  const char *type = member_string (entry, "type");
  const char *content = member_string (entry, "content");
  JsonNode *sha_node = json_object_get_member (entry, "sha");
  const char *sha = member_string (entry, "sha");
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
  else if (sha_node != NULL && !JSON_NODE_HOLDS_NULL (sha_node) && !is_sha (sha))
    problem = g_strdup_printf ("tree.sha %s is not a valid sha", sha != NULL ? sha : "(not a string)");
  if (problem != NULL)
    {
      reply_validation_failed (msg, "Tree", NULL, "invalid", problem, DOC_TREES);
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
      reply_validation_failed (msg, "Tree", NULL, "invalid", problem, DOC_TREES);
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
          reply_validation_failed (msg, "Tree", NULL, "invalid", problem, DOC_TREES);
          return FALSE;
        }

      blob = git_hash_object (self, bytes, &error);
      if (blob == NULL)
        {
          reply_internal_error (msg, error);
          return FALSE;
        }
      add_path (paths, records, mode, blob, path);
    }
  else if (sha == NULL)
    {
      if (!remove_path (paths, records, path))
        {
          problem = g_strdup_printf ("tree.path %s cannot be deleted: it is not in the tree", path);
          reply_validation_failed (msg, "Tree", NULL, "invalid", problem, DOC_TREES);
          return FALSE;
        }
    }
  else if (g_str_equal (mode_type, "commit"))
    add_path (paths, records, mode, sha, path);   /* a submodule's commit need not be here */
  else if (!git_is_type (self, sha, mode_type))
    {
      problem = g_strdup_printf ("tree.sha %s is not a %s in this repository", sha, mode_type);
      reply_validation_failed (msg, "Tree", NULL, "invalid", problem, DOC_TREES);
      return FALSE;
    }
  else if (g_str_equal (mode_type, "blob"))
    add_path (paths, records, mode, sha, path);
  else
    {
      /* a folder: what it holds, under @path */
      const char *argv[] = { "git", "ls-tree", "-r", "-z", sha, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) output = git_run (self, NULL, argv, NULL, NULL, &error);
      const char *data;
      gsize size;

      if (output == NULL)
        {
          reply_internal_error (msg, error);
          return FALSE;
        }

      remove_path (paths, records, path);
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
          add_path (paths, records, fields[0], fields[2], full);
        }
    }

  return TRUE;
}

static void
create_tree (LecternFakeGithub *self,
             SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = request_object (msg);
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
  base_tree = member_string (body, "base_tree");
  tree_node = json_object_get_member (body, "tree");
  if (tree_node == NULL || !JSON_NODE_HOLDS_ARRAY (tree_node))
    {
      reply_validation_failed (msg, "Tree", "tree", "missing_field", NULL, DOC_TREES);
      return;
    }

  if (base_tree != NULL)
    {
      base = is_sha (base_tree) ? git_resolve (self, base_tree, "tree") : NULL;
      if (base == NULL)
        {
          reply_validation_failed (msg, "Tree", "base_tree", "invalid",
                                   "base_tree is not a tree in this repository", DOC_TREES);
          return;
        }
    }

  index = temp_index_new (self, base, &error);
  paths = index != NULL ? temp_index_paths (self, index, &error) : NULL;
  if (paths == NULL)
    {
      reply_internal_error (msg, error);
      return;
    }

  entries = json_node_get_array (tree_node);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *entry = json_array_get_element (entries, i);

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        {
          reply_validation_failed (msg, "Tree", "tree", "invalid",
                                   "tree entries must be objects", DOC_TREES);
          return;
        }
      if (!apply_tree_entry (self, msg, json_node_get_object (entry), paths, records))
        return;
    }

  sha = temp_index_write (self, index, records, &error);
  if (sha == NULL)
    {
      reply_internal_error (msg, error);
      return;
    }

  url = api_url (self, "git/trees/%s", sha);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string_member (builder, "sha", sha);
  add_string_member (builder, "url", url);
  json_builder_set_member_name (builder, "tree");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "truncated");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", url);
  reply_json (msg, SOUP_STATUS_CREATED, builder);
}

/* GIT_AUTHOR_NAME and the like for @who ("AUTHOR", "COMMITTER") from
 * {name, email, date}; NULL: the defaults.
 */
static char **
set_ident (char       **envp,
           const char  *who,
           JsonObject  *ident)
{
  const char *name = ident != NULL ? member_string (ident, "name") : NULL;
  const char *email = ident != NULL ? member_string (ident, "email") : NULL;
  const char *date = ident != NULL ? member_string (ident, "date") : NULL;
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

static void
create_commit (LecternFakeGithub *self,
               SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = request_object (msg);
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
  message = member_string (body, "message");
  tree = member_string (body, "tree");
  if (message == NULL || tree == NULL)
    {
      reply_validation_failed (msg, "Commit", message == NULL ? "message" : "tree",
                               "missing_field", NULL, DOC_COMMITS);
      return;
    }

  /* GitHub's words for these two (observed in its answers) */
  if (!git_is_type (self, tree, "tree"))
    {
      reply_error (msg, 422, "Tree SHA does not exist", DOC_COMMITS);
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

          if (!git_is_type (self, parent_sha, "commit"))
            {
              reply_error (msg, 422, "Parent SHA does not exist or is not a commit object",
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
  sha = git_line (self, envp, (const char * const *) argv->pdata, input, &error);
  if (sha == NULL)
    {
      /* e.g. a date git cannot read */
      reply_validation_failed (msg, "Commit", NULL, "invalid", error->message, DOC_COMMITS);
      return;
    }

  builder = build_commit (self, sha, &error);
  if (builder == NULL)
    {
      reply_internal_error (msg, error);
      return;
    }

  location = api_url (self, "git/commits/%s", sha);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
  reply_json (msg, SOUP_STATUS_CREATED, builder);
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

  reply_error (msg, 422, message, DOC_REFS "#update-a-reference");
}

static void
update_ref (LecternFakeGithub *self,
            SoupServerMessage *msg,
            const char        *branch)
{
  g_autoptr(JsonNode) root = request_object (msg);
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
  sha = member_string (body, "sha");
  force = json_object_get_boolean_member_with_default (body, "force", FALSE);

  current = is_plain_name (branch) ? git_resolve (self, ref, NULL) : NULL;
  if (current == NULL)
    {
      reply_error (msg, 422, "Reference does not exist", DOC_REFS "#update-a-reference");
      return;
    }

  if (sha == NULL)
    {
      reply_validation_failed (msg, "Reference", "sha", "missing_field", NULL,
                               DOC_REFS "#update-a-reference");
      return;
    }

  if (!git_is_type (self, sha, "commit"))
    {
      reply_error (msg, 422, "Object does not exist", DOC_REFS "#update-a-reference");
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

      output = git_run (self, NULL, argv, NULL, &status, &error);
      if (output == NULL || (status != 0 && status != 1))
        {
          if (error == NULL)
            error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "git merge-base: exit %d", status);
          reply_internal_error (msg, error);
          return;
        }
      if (status == 1)
        {
          /* publish-api.md §1.2 [observed] and §2.3 */
          reply_error (msg, 422, "Update is not a fast forward", DOC_REFS "#update-a-reference");
          return;
        }
      g_clear_pointer (&output, g_bytes_unref);
    }

  {
    const char *argv[] = { "git", "update-ref", ref, sha, current, NULL };

    output = git_run (self, NULL, argv, NULL, NULL, &error);
  }
  if (output == NULL)
    {
      reply_error (msg, 422, "Reference cannot be updated", DOC_REFS "#update-a-reference");
      return;
    }

  builder = json_builder_new ();
  build_ref (self, builder, ref, sha);
  reply_json (msg, SOUP_STATUS_OK, builder);
}

static void
create_ref (LecternFakeGithub *self,
            SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = request_object (msg);
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
  ref = member_string (body, "ref");
  sha = member_string (body, "sha");

  /* "If it doesn't start with 'refs' and have at least two slashes, it
   * will be rejected" (GitHub's reference)
   */
  if (ref == NULL || !g_str_has_prefix (ref, "refs/") || strchr (ref + 5, '/') == NULL ||
      !is_plain_name (ref))
    {
      reply_error (msg, 422, "Reference name is invalid", DOC_REFS "#create-a-reference");
      return;
    }

  if (!git_is_type (self, sha, "commit"))
    {
      reply_error (msg, 422, "Object does not exist", DOC_REFS "#create-a-reference");
      return;
    }

  existing = git_resolve (self, ref, NULL);
  if (existing != NULL)
    {
      reply_error (msg, 422, "Reference already exists", DOC_REFS "#create-a-reference");
      return;
    }

  {
    const char *argv[] = { "git", "update-ref", ref, sha, ZERO_SHA, NULL };

    output = git_run (self, NULL, argv, NULL, NULL, &error);
  }
  if (output == NULL)
    {
      reply_error (msg, 422, "Reference already exists", DOC_REFS "#create-a-reference");
      return;
    }

  builder = json_builder_new ();
  build_ref (self, builder, ref, sha);
  url = api_url (self, "git/%s", ref);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", url);
  reply_json (msg, SOUP_STATUS_CREATED, builder);
}

static void
create_pull (LecternFakeGithub *self,
             SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = request_object (msg);
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
  title = member_string (body, "title");
  head = member_string (body, "head");
  base = member_string (body, "base");
  text = member_string (body, "body");

  if (title == NULL || head == NULL || base == NULL)
    {
      reply_validation_failed (msg, "PullRequest",
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
  head_sha = is_plain_name (head) ? git_resolve (self, head_ref, NULL) : NULL;
  base_sha = is_plain_name (base) ? git_resolve (self, base_ref, NULL) : NULL;
  if (head_sha == NULL || base_sha == NULL)
    {
      reply_validation_failed (msg, "PullRequest", head_sha == NULL ? "head" : "base",
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

        reply_validation_failed (msg, "PullRequest", NULL, "custom", problem, DOC_PULLS);
        return;
      }

  {
    const char *argv[] = { "git", "merge-base", "--is-ancestor", head_sha, base_sha, NULL };
    g_autoptr(GBytes) output = NULL;
    int status = -1;

    output = git_run (self, NULL, argv, NULL, &status, NULL);
    if (output != NULL && status == 0)
      {
        g_autofree char *problem = g_strdup_printf ("No commits between %s and %s", base, head);

        reply_validation_failed (msg, "PullRequest", NULL, "custom", problem, DOC_PULLS);
        return;
      }
  }

  g_ptr_array_add (self->pulls, g_strconcat (record_prefix, title, NULL));
  number = self->pulls->len;

  html_url = g_strdup_printf ("https://github.com/%s/%s/pull/%u", self->owner, self->repo, number);
  url = api_url (self, "pulls/%u", number);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string_member (builder, "url", url);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, 1000 + number);
  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, number);
  add_string_member (builder, "html_url", html_url);
  add_string_member (builder, "state", "open");
  add_string_member (builder, "title", title);
  json_builder_set_member_name (builder, "body");
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "head");
  json_builder_begin_object (builder);
  add_string_member (builder, "ref", head);
  add_string_member (builder, "sha", head_sha);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "base");
  json_builder_begin_object (builder);
  add_string_member (builder, "ref", base);
  add_string_member (builder, "sha", base_sha);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", url);
  reply_json (msg, SOUP_STATUS_CREATED, builder);
}

/* A _MOVE_BRANCH fault: a commit of "intruder-N.txt" on @branch, as if
 * someone had pushed. Returns whether it was made.
 */
static gboolean
move_branch (LecternFakeGithub  *self,
             const char         *branch,
             GError            **error)
{
  g_autofree char *ref = g_strconcat ("refs/heads/", branch, NULL);
  g_autofree char *old = git_resolve (self, ref, NULL);
  g_autofree char *tree = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *blob = NULL;
  g_autofree char *new_tree = NULL;
  g_autofree char *commit = NULL;
  g_autofree char *message = NULL;
  g_autoptr(TempIndex) index = NULL;
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GString) records = g_string_new (NULL);
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) output = NULL;
  g_auto(GStrv) envp = NULL;

  if (old == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no branch %s to move", branch);
      return FALSE;
    }

  self->n_moves++;
  name = g_strdup_printf ("intruder-%u.txt", self->n_moves);
  text = g_strdup_printf ("Pushed behind the client's back (%u)\n", self->n_moves);
  message = g_strdup_printf ("Intruder %u", self->n_moves);
  tree = git_resolve (self, old, "tree");

  index = temp_index_new (self, tree, error);
  if (index == NULL)
    return FALSE;
  paths = temp_index_paths (self, index, error);
  if (paths == NULL)
    return FALSE;

  content = g_bytes_new (text, strlen (text));
  blob = git_hash_object (self, content, error);
  if (blob == NULL)
    return FALSE;
  add_path (paths, records, "100644", blob, name);

  new_tree = temp_index_write (self, index, records, error);
  if (new_tree == NULL)
    return FALSE;

  envp = g_strdupv (self->envp);
  envp = g_environ_setenv (envp, "GIT_AUTHOR_NAME", "Intruder", TRUE);
  envp = g_environ_setenv (envp, "GIT_AUTHOR_EMAIL", "intruder@example.com", TRUE);
  envp = g_environ_setenv (envp, "GIT_COMMITTER_NAME", "Intruder", TRUE);
  envp = g_environ_setenv (envp, "GIT_COMMITTER_EMAIL", "intruder@example.com", TRUE);
  {
    const char *argv[] = { "git", "commit-tree", "--no-gpg-sign", new_tree, "-p", old, "-m", message, NULL };

    commit = git_line (self, envp, argv, NULL, error);
  }
  if (commit == NULL)
    return FALSE;

  {
    const char *argv[] = { "git", "update-ref", ref, commit, old, NULL };

    output = git_run (self, NULL, argv, NULL, NULL, error);
  }

  return output != NULL;
}

/* The request */

/* The part of @path after "/repos/OWNER/REPO/", or NULL */
static const char *
repo_relative (LecternFakeGithub *self,
               const char        *path)
{
  gsize length = strlen (self->repo_path);

  if (strncmp (path, self->repo_path, length) != 0 || path[length] != '/')
    return NULL;

  return path + length + 1;
}

/* The branch a _MOVE_BRANCH fault moves: the one the request names, or
 * the repository's HEAD
 */
static char *
fault_branch (LecternFakeGithub *self,
              const char        *path)
{
  const char *relative = repo_relative (self, path);
  const char *argv[] = { "git", "symbolic-ref", "--short", "HEAD", NULL };

  if (relative != NULL && g_str_has_prefix (relative, "git/ref/heads/"))
    return g_uri_unescape_string (relative + strlen ("git/ref/heads/"), NULL);
  if (relative != NULL && g_str_has_prefix (relative, "git/refs/heads/"))
    return g_uri_unescape_string (relative + strlen ("git/refs/heads/"), NULL);

  return git_line (self, NULL, argv, NULL, NULL);
}

/* The first fault this request meets, taken; NULL if none */
static Fault *
take_fault (LecternFakeGithub *self,
            const char        *method,
            const char        *path)
{
  const char *relative = repo_relative (self, path);

  for (guint i = 0; i < self->faults->len; i++)
    {
      Fault *fault = self->faults->pdata[i];
      Fault *taken;

      if (fault->method != NULL && g_ascii_strcasecmp (fault->method, method) != 0)
        continue;
      if (fault->path_prefix != NULL &&
          (relative == NULL || !g_str_has_prefix (relative, fault->path_prefix)))
        continue;

      taken = g_memdup2 (fault, sizeof *fault);
      taken->method = g_strdup (fault->method);
      taken->path_prefix = g_strdup (fault->path_prefix);
      taken->body = g_strdup (fault->body);
      taken->headers = g_strdup (fault->headers);
      if (--fault->times == 0)
        g_ptr_array_remove_index (self->faults, i);

      return taken;
    }

  return NULL;
}

/* The headers GitHub sends with every answer (publish-api.md §2.4) */
static void
add_github_headers (LecternFakeGithub *self,
                    SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autofree char *limit = g_strdup_printf ("%d", RATE_LIMIT);
  g_autofree char *remaining = g_strdup_printf ("%d", MAX (0, RATE_LIMIT - (int) self->n_requests));
  g_autofree char *used = g_strdup_printf ("%u", self->n_requests);
  g_autofree char *reset = g_strdup_printf ("%" G_GINT64_FORMAT, self->rate_reset);
  g_autofree char *request_id = g_strdup_printf ("FA4E:%04X:%06X:%06X:%08X",
                                                 self->n_requests & 0xffff, self->n_requests,
                                                 self->n_requests * 7, (guint) self->rate_reset);

  soup_message_headers_replace (headers, "x-ratelimit-limit", limit);
  soup_message_headers_replace (headers, "x-ratelimit-remaining", remaining);
  soup_message_headers_replace (headers, "x-ratelimit-reset", reset);
  soup_message_headers_replace (headers, "x-ratelimit-used", used);
  soup_message_headers_replace (headers, "x-ratelimit-resource", "core");
  soup_message_headers_replace (headers, "x-github-request-id", request_id);
  soup_message_headers_replace (headers, "x-github-api-version-selected", API_VERSION);
  soup_message_headers_replace (headers, "x-github-media-type", "github.v3; format=json");
}

static void
reply_fault (SoupServerMessage *msg,
             Fault             *fault)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (fault->body != NULL)
    reply_json_text (msg, fault->status, fault->body);
  else
    reply_error (msg, fault->status, status_phrase (fault->status), DOC_REST);

  if (fault->headers != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (fault->headers, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *colon = strchr (lines[i], ':');

          if (colon == NULL)
            continue;
          *colon = '\0';
          soup_message_headers_replace (headers, g_strstrip (lines[i]), g_strstrip (colon + 1));
        }
    }
}

static void
slow_reply_disconnected_cb (SoupServerMessage *msg,
                            SlowReply         *slow)
{
  LecternFakeGithub *self = slow->self;

  self->slow_replies = g_list_remove (self->slow_replies, slow);
  slow_reply_free (slow);
}

static gboolean
slow_reply_cb (gpointer user_data)
{
  SlowReply *slow = user_data;
  LecternFakeGithub *self = slow->self;

  answer (self, slow->msg, slow->path, slow->query);

  self->slow_replies = g_list_remove (self->slow_replies, slow);
  g_clear_signal_handler (&slow->disconnected_id, slow->msg);
  soup_server_message_unpause (slow->msg);
  g_clear_pointer (&slow->source, g_source_unref);
  slow_reply_free (slow);

  return G_SOURCE_REMOVE;
}

static void
hold_back (LecternFakeGithub *self,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           guint              delay_ms)
{
  SlowReply *slow = g_new0 (SlowReply, 1);

  slow->self = self;
  slow->msg = g_object_ref (msg);
  slow->path = g_strdup (path);
  slow->query = query != NULL ? g_hash_table_ref (query) : NULL;
  slow->source = g_timeout_source_new (delay_ms);
  g_source_set_callback (slow->source, slow_reply_cb, slow, NULL);
  g_source_attach (slow->source, self->context);
  slow->disconnected_id = g_signal_connect (msg, "disconnected",
                                            G_CALLBACK (slow_reply_disconnected_cb), slow);
  self->slow_replies = g_list_prepend (self->slow_replies, slow);

  soup_server_message_pause (msg);
}

/* The token in "Bearer TOKEN" or "token TOKEN" */
static gboolean
is_authorized (LecternFakeGithub *self,
               const char        *authorization)
{
  if (authorization == NULL)
    return FALSE;

  if (g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0)
    return g_str_equal (authorization + 7, self->token);
  if (g_ascii_strncasecmp (authorization, "token ", 6) == 0)
    return g_str_equal (authorization + 6, self->token);

  return FALSE;
}

static void
reply_unauthorized (SoupServerMessage *msg)
{
  g_autofree char *body = lectern_fake_github_fixture ("unauthorized.json");

  reply_json_text (msg, SOUP_STATUS_UNAUTHORIZED, body != NULL ? body : BAD_CREDENTIALS_JSON);
}

/* Whether @method and @relative are @route_method and @prefix followed
 * by a name; @name is set to that name, %-decoded.
 */
static gboolean
route (const char  *method,
       const char  *relative,
       const char  *route_method,
       const char  *prefix,
       char       **name)
{
  if (!g_str_equal (method, route_method) || !g_str_has_prefix (relative, prefix) ||
      relative[strlen (prefix)] == '\0')
    return FALSE;

  *name = g_uri_unescape_string (relative + strlen (prefix), NULL);

  return *name != NULL;
}

/* The request as GitHub would answer it, faults aside */
static void
answer (LecternFakeGithub *self,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *user_agent = soup_message_headers_get_one (request, "User-Agent");
  const char *version = soup_message_headers_get_one (request, "X-GitHub-Api-Version");
  const char *relative;
  g_autofree char *rest = NULL;

  if (user_agent == NULL || user_agent[0] == '\0')
    {
      reply_text (msg, SOUP_STATUS_FORBIDDEN, "text/plain; charset=utf-8", NO_USER_AGENT_TEXT);
      return;
    }

  if (!is_authorized (self, soup_message_headers_get_one (request, "Authorization")))
    {
      reply_unauthorized (msg);
      return;
    }

  /* GitHub would use its default version without the header; the fake
   * insists, so that a client that forgets it is caught.
   */
  if (g_strcmp0 (version, API_VERSION) != 0)
    {
      g_autofree char *message = g_strdup_printf ("Unsupported 'X-GitHub-Api-Version' header '%s'. "
                                                  "The fake GitHub expects " API_VERSION ".",
                                                  version != NULL ? version : "");

      reply_error (msg, SOUP_STATUS_BAD_REQUEST, message,
                   "https://docs.github.com/rest/about-the-rest-api/api-versions");
      return;
    }

  if (g_str_equal (path, self->repo_path) && g_str_equal (method, "GET"))
    {
      get_repository (self, msg);
      return;
    }

  relative = repo_relative (self, path);
  if (relative == NULL)
    {
      reply_not_found (msg);
      return;
    }

  /* publish-api.md §1.2: an empty repository answers the Git database
   * endpoints with 409; GitHub's words for it
   */
  if (g_str_has_prefix (relative, "git/") && git_is_empty (self))
    {
      reply_error (msg, SOUP_STATUS_CONFLICT, "Git Repository is empty.", DOC_REST);
      return;
    }

  if (route (method, relative, "GET", "git/ref/heads/", &rest))
    get_ref (self, msg, rest);
  else if (route (method, relative, "GET", "git/commits/", &rest))
    get_commit (self, msg, rest);
  else if (route (method, relative, "GET", "git/trees/", &rest))
    get_tree (self, msg, rest, query != NULL && g_hash_table_contains (query, "recursive"));
  else if (route (method, relative, "GET", "git/blobs/", &rest))
    get_blob (self, msg, rest);
  else if (route (method, relative, "PATCH", "git/refs/heads/", &rest))
    update_ref (self, msg, rest);
  else if (g_str_equal (method, "POST") && g_str_equal (relative, "git/blobs"))
    create_blob (self, msg);
  else if (g_str_equal (method, "POST") && g_str_equal (relative, "git/trees"))
    create_tree (self, msg);
  else if (g_str_equal (method, "POST") && g_str_equal (relative, "git/commits"))
    create_commit (self, msg);
  else if (g_str_equal (method, "POST") && g_str_equal (relative, "git/refs"))
    create_ref (self, msg);
  else if (g_str_equal (method, "POST") && g_str_equal (relative, "pulls"))
    create_pull (self, msg);
  else
    reply_not_found (msg);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  LecternFakeGithub *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  Fault *fault;

  self->n_requests++;
  g_ptr_array_add (self->requests, g_strdup_printf ("%s %s", method, path));
  add_github_headers (self, msg);

  fault = take_fault (self, method, path);
  if (fault == NULL)
    {
      answer (self, msg, path, query);
      return;
    }

  switch (fault->kind)
    {
    case LECTERN_FAKE_FAULT_STATUS:
      reply_fault (msg, fault);
      break;

    case LECTERN_FAKE_FAULT_RESET:
      {
        g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

        if (stream != NULL)
          g_io_stream_close (stream, NULL, NULL);
      }
      break;

    case LECTERN_FAKE_FAULT_SLOW:
      hold_back (self, msg, path, query, fault->delay_ms);
      break;

    case LECTERN_FAKE_FAULT_MOVE_BRANCH:
      {
        g_autofree char *branch = fault_branch (self, path);
        g_autoptr(GError) error = NULL;

        if (branch == NULL || !move_branch (self, branch, &error))
          g_warning ("fake GitHub: could not move the branch: %s",
                     error != NULL ? error->message : "no branch");
        answer (self, msg, path, query);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  fault_free (fault);
}

/* The object */

static void
lectern_fake_github_finalize (GObject *object)
{
  LecternFakeGithub *self = LECTERN_FAKE_GITHUB (object);

  g_list_free_full (g_steal_pointer (&self->slow_replies), (GDestroyNotify) slow_reply_free);
  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->git_dir);
  g_strfreev (self->envp);
  g_free (self->owner);
  g_free (self->repo);
  g_free (self->token);
  g_free (self->url);
  g_free (self->repo_path);
  g_ptr_array_unref (self->requests);
  g_ptr_array_unref (self->faults);
  g_hash_table_unref (self->protected_branches);
  g_ptr_array_unref (self->pulls);

  G_OBJECT_CLASS (lectern_fake_github_parent_class)->finalize (object);
}

static void
lectern_fake_github_class_init (LecternFakeGithubClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_fake_github_finalize;
}

static void
lectern_fake_github_init (LecternFakeGithub *self)
{
  self->requests = g_ptr_array_new_with_free_func (g_free);
  self->faults = g_ptr_array_new_with_free_func (fault_free);
  self->protected_branches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pulls = g_ptr_array_new_with_free_func (g_free);
  self->rate_reset = g_get_real_time () / G_USEC_PER_SEC + 3600;
}

/* The environment git runs in: this repository, no user or system
 * configuration, nothing of the caller's GIT_* variables.
 */
static char **
git_environ (const char *git_dir)
{
  g_auto(GStrv) inherited = g_get_environ ();
  GPtrArray *envp = g_ptr_array_new ();

  for (guint i = 0; inherited[i] != NULL; i++)
    if (!g_str_has_prefix (inherited[i], "GIT_"))
      g_ptr_array_add (envp, g_strdup (inherited[i]));
  g_ptr_array_add (envp, g_strconcat ("GIT_DIR=", git_dir, NULL));
  g_ptr_array_add (envp, g_strdup ("GIT_CONFIG_NOSYSTEM=1"));
  g_ptr_array_add (envp, g_strdup ("GIT_CONFIG_GLOBAL=/dev/null"));
  g_ptr_array_add (envp, g_strdup ("GIT_TERMINAL_PROMPT=0"));
  g_ptr_array_add (envp, NULL);

  return (char **) g_ptr_array_free (envp, FALSE);
}

LecternFakeGithub *
lectern_fake_github_new (const char  *git_dir,
                         const char  *owner,
                         const char  *repo,
                         const char  *token,
                         GError     **error)
{
  g_autoptr(LecternFakeGithub) self = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *uri_text = NULL;
  GSList *uris;
  const char *argv[] = { "git", "rev-parse", "--is-bare-repository", NULL };

  g_return_val_if_fail (git_dir != NULL, NULL);
  g_return_val_if_fail (owner != NULL, NULL);
  g_return_val_if_fail (repo != NULL, NULL);
  g_return_val_if_fail (token != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LECTERN_TYPE_FAKE_GITHUB, NULL);
  self->git_dir = g_canonicalize_filename (git_dir, NULL);
  self->envp = git_environ (self->git_dir);
  self->owner = g_strdup (owner);
  self->repo = g_strdup (repo);
  self->token = g_strdup (token);
  self->repo_path = g_strdup_printf ("/repos/%s/%s", owner, repo);
  self->context = g_main_context_ref_thread_default ();

  if (!g_file_test (self->git_dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no repository at %s", self->git_dir);
      return NULL;
    }

  bare = git_line (self, NULL, argv, NULL, error);
  if (bare == NULL)
    return NULL;
  if (!g_str_equal (bare, "true"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s is not a bare repository", self->git_dir);
      return NULL;
    }

  self->server = soup_server_new ("server-header", "GitHub.com", NULL);
  soup_server_add_handler (self->server, "/repos", server_cb, self, NULL);
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return NULL;

  uris = soup_server_get_uris (self->server);
  g_return_val_if_fail (uris != NULL, NULL);
  uri_text = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (uri_text, "/"))
    uri_text[strlen (uri_text) - 1] = '\0';
  self->url = g_steal_pointer (&uri_text);

  return g_steal_pointer (&self);
}

const char *
lectern_fake_github_get_url (LecternFakeGithub *self)
{
  g_return_val_if_fail (LECTERN_IS_FAKE_GITHUB (self), NULL);

  return self->url;
}

guint
lectern_fake_github_get_n_requests (LecternFakeGithub *self)
{
  g_return_val_if_fail (LECTERN_IS_FAKE_GITHUB (self), 0);

  return self->n_requests;
}

/* Returns: (transfer none): "METHOD /path" each, in order */
GPtrArray *
lectern_fake_github_get_requests (LecternFakeGithub *self)
{
  g_return_val_if_fail (LECTERN_IS_FAKE_GITHUB (self), NULL);

  return self->requests;
}

void
lectern_fake_github_reset_requests (LecternFakeGithub *self)
{
  g_return_if_fail (LECTERN_IS_FAKE_GITHUB (self));

  self->n_requests = 0;
  g_ptr_array_set_size (self->requests, 0);
}

void
lectern_fake_github_protect_branch (LecternFakeGithub *self,
                                    const char        *branch)
{
  g_return_if_fail (LECTERN_IS_FAKE_GITHUB (self));
  g_return_if_fail (branch != NULL);

  g_hash_table_add (self->protected_branches, g_strdup (branch));
}

void
lectern_fake_github_add_fault (LecternFakeGithub    *self,
                               LecternFakeFaultKind  kind,
                               const char           *method,
                               const char           *path_prefix,
                               guint                 times,
                               guint                 status,
                               const char           *body,
                               const char           *headers,
                               guint                 delay_ms)
{
  Fault *fault;

  g_return_if_fail (LECTERN_IS_FAKE_GITHUB (self));
  g_return_if_fail (kind <= LECTERN_FAKE_FAULT_MOVE_BRANCH);
  g_return_if_fail (kind != LECTERN_FAKE_FAULT_STATUS || (status >= 100 && status <= 599));

  if (times == 0)
    return;

  fault = g_new0 (Fault, 1);
  fault->kind = kind;
  fault->method = g_strdup (method);
  fault->path_prefix = g_strdup (path_prefix);
  fault->times = times;
  fault->status = status;
  fault->body = g_strdup (body);
  fault->headers = g_strdup (headers);
  fault->delay_ms = delay_ms;
  g_ptr_array_add (self->faults, fault);
}

char *
lectern_fake_github_fixture (const char *name)
{
  const char *fixtures = g_getenv ("LECTERN_FIXTURES");
  g_autofree char *path = NULL;
  char *text = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  if (fixtures == NULL)
    return NULL;

  path = g_build_filename (fixtures, "octokit", name, NULL);
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;

  return text;
}

/* Returns: (transfer none): "HEAD->BASE: TITLE" each, in order */
GPtrArray *
lectern_fake_github_get_pulls (LecternFakeGithub *self)
{
  g_return_val_if_fail (LECTERN_IS_FAKE_GITHUB (self), NULL);

  return self->pulls;
}
